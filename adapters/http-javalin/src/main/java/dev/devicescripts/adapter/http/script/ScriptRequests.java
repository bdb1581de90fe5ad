package dev.devicescripts.adapter.http.script;

import dev.devicescripts.adapter.http.graph.JsonObjectReader;
import dev.devicescripts.application.port.in.AssignScriptCommand;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptContent;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptPatch;
import dev.devicescripts.domain.ScriptProperties;
import java.util.List;
import java.util.UUID;

/** Graph request bodies as domain values: create and PATCH of a script, and the assign action. */
final class ScriptRequests {
    private ScriptRequests() {
    }

    static ScriptProperties newScript(JsonObjectReader json) {
        acceptScriptEcho(json);
        String displayName = json.string("displayName");
        String description = json.string("description");
        String scriptContent = json.string("scriptContent");
        String fileName = json.string("fileName");
        String runAsAccount = json.string("runAsAccount");
        Boolean enforceSignatureCheck = json.bool("enforceSignatureCheck");
        Boolean runAs32Bit = json.bool("runAs32Bit");
        List<String> roleScopeTagIds = json.strings("roleScopeTagIds");
        json.rejectUnknown(GraphTypes.SCRIPT);
        return ScriptProperties.withDefaults(displayName, description, content(scriptContent), fileName,
                runAsAccount(runAsAccount), enforceSignatureCheck, runAs32Bit, roleScopeTagIds);
    }

    static ScriptPatch patch(JsonObjectReader json) {
        acceptScriptEcho(json);
        ScriptPatch patch = new ScriptPatch(
                json.change("displayName", json::string),
                json.change("description", json::string),
                json.change("scriptContent", name -> content(json.string(name))),
                json.change("fileName", json::string),
                json.change("runAsAccount", name -> runAsAccount(json.string(name))),
                json.change("enforceSignatureCheck", json::bool),
                json.change("runAs32Bit", json::bool),
                json.change("roleScopeTagIds", json::strings));
        json.rejectUnknown(GraphTypes.SCRIPT);
        return patch;
    }

    static AssignScriptCommand assign(ScriptId scriptId, JsonObjectReader json) {
        List<GroupId> groups = json.objects(GraphFields.GROUP_ASSIGNMENTS, ScriptRequests::groupAssignment);
        List<AssignmentTarget> targets = json.objects(GraphFields.ASSIGNMENTS, ScriptRequests::assignment);
        json.rejectUnknown("the assign action");
        return new AssignScriptCommand(scriptId, groups, targets);
    }

    /**
     * What clients send besides the script's properties: the entity's @odata.type, the server-set properties of a
     * script they read before, and runSchedule, which Graph removed in 2019 and Microsoft's samples still send.
     */
    private static void acceptScriptEcho(JsonObjectReader json) {
        json.allowOdataType(GraphTypes.SCRIPT);
        json.ignore("id", "createdDateTime", "lastModifiedDateTime", "runSchedule");
    }

    private static GroupId groupAssignment(JsonObjectReader json) {
        json.allowOdataType(GraphTypes.GROUP_ASSIGNMENT);
        json.ignore("id"); // the server makes ids; PowerShell samples send the script id here
        String targetGroupId = json.string("targetGroupId");
        json.rejectUnknown(GraphTypes.GROUP_ASSIGNMENT);
        return GroupId.of(targetGroupId, "targetGroupId");
    }

    private static AssignmentTarget assignment(JsonObjectReader json) {
        json.allowOdataType(GraphTypes.ASSIGNMENT);
        json.ignore("id");
        AssignmentTarget target = json.object("target", ScriptRequests::target);
        json.rejectUnknown(GraphTypes.ASSIGNMENT);
        return target;
    }

    private static AssignmentTarget target(JsonObjectReader json) {
        String type = json.odataType();
        if (type == null || !GraphTypes.TARGETS.contains(type)) {
            throw new InvalidInputException("@odata.type", "must name one of #"
                    + String.join(", #", GraphTypes.TARGETS)
                    + (type == null ? "." : "; " + type + " is not one of them."));
        }
        String filterId = json.string(GraphFields.FILTER_ID);
        String filterType = json.string(GraphFields.FILTER_TYPE);
        String groupId = isGroupTarget(type) ? json.string("groupId") : null;
        String collectionId = type.equals(GraphTypes.COLLECTION_TARGET) ? json.string("collectionId") : null;
        json.rejectUnknown(type);
        try {
            AssignmentFilter filter = filter(filterId, filterType);
            return switch (type) {
                case GraphTypes.GROUP_TARGET -> new GroupAssignmentTarget(GroupId.of(groupId, "groupId"), filter);
                case GraphTypes.EXCLUSION_GROUP_TARGET ->
                        new ExclusionGroupAssignmentTarget(GroupId.of(groupId, "groupId"), filter);
                case GraphTypes.ALL_DEVICES_TARGET -> new AllDevicesAssignmentTarget(filter);
                case GraphTypes.ALL_LICENSED_USERS_TARGET -> new AllLicensedUsersAssignmentTarget(filter);
                default -> new ConfigurationManagerCollectionAssignmentTarget(collectionId, filter);
            };
        } catch (InvalidInputException rejection) {
            throw GraphFields.named(rejection); // the target's rules, such as a filter id needing a filter type
        }
    }

    private static boolean isGroupTarget(String type) {
        return type.equals(GraphTypes.GROUP_TARGET) || type.equals(GraphTypes.EXCLUSION_GROUP_TARGET);
    }

    private static AssignmentFilter filter(String filterId, String filterType) {
        AssignmentFilterType type = filterType == null
                ? AssignmentFilterType.NONE
                : AssignmentFilterType.fromGraphName(filterType, GraphFields.FILTER_TYPE);
        UUID id = filterId == null ? null : Guids.parse(filterId, GraphFields.FILTER_ID);
        return new AssignmentFilter(type, id);
    }

    private static ScriptContent content(String base64) {
        return base64 == null ? null : ScriptContent.fromBase64(base64);
    }

    private static RunAsAccount runAsAccount(String graphName) {
        return graphName == null ? null : RunAsAccount.fromGraphName(graphName);
    }
}
