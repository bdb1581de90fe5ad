package dev.devicescripts.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.ScriptGroupAssignment;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptProperties;
import java.util.List;
import java.util.function.BiConsumer;

/** Domain values as Graph writes them: exact property names and order, @odata.context, targets' @odata.type. */
final class ScriptResponses {
    static final String SCRIPTS_CONTEXT =
            "https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceManagementScripts";
    private static final String ENTITY = "/$entity";

    private final ObjectMapper mapper;

    ScriptResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode script(DeviceManagementScript script) {
        ObjectNode json = mapper.createObjectNode().put("@odata.context", SCRIPTS_CONTEXT + ENTITY);
        writeScript(script, json);
        return json;
    }

    /** @param nextLink null on the last page */
    ObjectNode scripts(List<DeviceManagementScript> scripts, String nextLink) {
        ObjectNode json = mapper.createObjectNode().put("@odata.context", SCRIPTS_CONTEXT);
        if (nextLink != null) {
            json.put("@odata.nextLink", nextLink);
        }
        ArrayNode value = json.putArray("value");
        scripts.forEach(script -> writeScript(script, value.addObject()));
        return json;
    }

    ObjectNode assignments(ScriptId scriptId, List<ScriptAssignment> assignments) {
        return collection(assignmentsContext(scriptId, "assignments"), assignments, this::writeAssignment);
    }

    ObjectNode assignment(ScriptId scriptId, ScriptAssignment assignment) {
        return entity(assignmentsContext(scriptId, "assignments"), assignment, this::writeAssignment);
    }

    ObjectNode groupAssignments(ScriptId scriptId, List<ScriptGroupAssignment> groupAssignments) {
        return collection(assignmentsContext(scriptId, "groupAssignments"), groupAssignments,
                this::writeGroupAssignment);
    }

    ObjectNode groupAssignment(ScriptId scriptId, ScriptGroupAssignment groupAssignment) {
        return entity(assignmentsContext(scriptId, "groupAssignments"), groupAssignment, this::writeGroupAssignment);
    }

    private static String assignmentsContext(ScriptId scriptId, String navigation) {
        return SCRIPTS_CONTEXT + "('" + scriptId + "')/" + navigation;
    }

    private <T> ObjectNode collection(String context, List<T> items, BiConsumer<T, ObjectNode> write) {
        ObjectNode json = mapper.createObjectNode().put("@odata.context", context);
        ArrayNode value = json.putArray("value");
        items.forEach(item -> write.accept(item, value.addObject()));
        return json;
    }

    private <T> ObjectNode entity(String collectionContext, T item, BiConsumer<T, ObjectNode> write) {
        ObjectNode json = mapper.createObjectNode().put("@odata.context", collectionContext + ENTITY);
        write.accept(item, json);
        return json;
    }

    private static void writeScript(DeviceManagementScript script, ObjectNode json) {
        ScriptProperties properties = script.properties();
        json.put("id", script.id().toString())
                .put("displayName", properties.displayName())
                .put("description", properties.description())
                .put("scriptContent", properties.scriptContent() == null ? null : properties.scriptContent().toBase64())
                .put("createdDateTime", script.createdDateTime().toString())
                .put("lastModifiedDateTime", script.lastModifiedDateTime().toString())
                .put("runAsAccount", properties.runAsAccount().graphName())
                .put("enforceSignatureCheck", properties.enforceSignatureCheck())
                .put("fileName", properties.fileName());
        properties.roleScopeTagIds().forEach(json.putArray("roleScopeTagIds")::add);
        json.put("runAs32Bit", properties.runAs32Bit());
    }

    private void writeAssignment(ScriptAssignment assignment, ObjectNode json) {
        json.put("id", assignment.id().toString());
        writeTarget(assignment.target(), json.putObject("target"));
    }

    private void writeGroupAssignment(ScriptGroupAssignment groupAssignment, ObjectNode json) {
        json.put("id", groupAssignment.id().toString())
                .put("targetGroupId", groupAssignment.targetGroupId().toString());
    }

    private static void writeTarget(AssignmentTarget target, ObjectNode json) {
        AssignmentFilter filter = target.filter();
        json.put("@odata.type", "#" + typeOf(target))
                .put(AssignmentFilter.ID_FIELD, filter.filterId() == null ? null : filter.filterId().toString())
                .put(AssignmentFilter.TYPE_FIELD, filter.type().graphName());
        if (target instanceof GroupAssignmentTarget group) {
            json.put("groupId", group.groupId().toString());
        } else if (target instanceof ExclusionGroupAssignmentTarget exclusion) {
            json.put("groupId", exclusion.groupId().toString());
        } else if (target instanceof ConfigurationManagerCollectionAssignmentTarget collection) {
            json.put("collectionId", collection.collectionId());
        }
    }

    private static String typeOf(AssignmentTarget target) {
        if (target instanceof GroupAssignmentTarget) {
            return GraphTypes.GROUP_TARGET;
        } else if (target instanceof ExclusionGroupAssignmentTarget) {
            return GraphTypes.EXCLUSION_GROUP_TARGET;
        } else if (target instanceof AllDevicesAssignmentTarget) {
            return GraphTypes.ALL_DEVICES_TARGET;
        } else if (target instanceof AllLicensedUsersAssignmentTarget) {
            return GraphTypes.ALL_LICENSED_USERS_TARGET;
        }
        return GraphTypes.COLLECTION_TARGET;
    }
}
