package dev.devicescripts.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.Projection.Navigation;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.ScriptGroupAssignment;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;

/** Domain values as Graph writes them: exact property names and order, @odata.context, targets' @odata.type. */
final class ScriptResponses {
    static final String SCRIPTS_CONTEXT =
            "https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceManagementScripts";
    private static final String ENTITY = "/$entity";
    /** A script's properties in the order Graph writes them, which {@code $select} may name. */
    static final List<String> SCRIPT_PROPERTIES = List.of("id", "displayName", "description", "scriptContent",
            "createdDateTime", "lastModifiedDateTime", "runAsAccount", "enforceSignatureCheck", "fileName",
            "roleScopeTagIds", "runAs32Bit");

    private final ObjectMapper mapper;

    ScriptResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode script(DeviceManagementScript script) {
        return script(script, Projection.ALL, Map.of());
    }

    /** @param sets the script's assignment set when the projection expands it */
    ObjectNode script(DeviceManagementScript script, Projection projection, Map<ScriptId, AssignmentSet> sets) {
        ObjectNode json = mapper.createObjectNode()
                .put("@odata.context", SCRIPTS_CONTEXT + projection.contextSuffix() + ENTITY);
        writeScript(script, projection, sets, json);
        return json;
    }

    /**
     * @param sets      the scripts' assignment sets when the projection expands them
     * @param count     {@code @odata.count}, when the client asked for it
     * @param nextLink  absent on the last page
     */
    ObjectNode scripts(List<DeviceManagementScript> scripts, Projection projection,
                       Map<ScriptId, AssignmentSet> sets, OptionalLong count, Optional<String> nextLink) {
        ObjectNode json = mapper.createObjectNode()
                .put("@odata.context", SCRIPTS_CONTEXT + projection.contextSuffix());
        count.ifPresent(total -> json.put("@odata.count", total));
        nextLink.ifPresent(link -> json.put("@odata.nextLink", link));
        ArrayNode value = json.putArray("value");
        scripts.forEach(script -> writeScript(script, projection, sets, value.addObject()));
        return json;
    }

    ObjectNode assignments(ScriptId scriptId, List<ScriptAssignment> assignments) {
        return collection(assignmentsContext(scriptId, Navigation.ASSIGNMENTS), assignments, this::writeAssignment);
    }

    ObjectNode assignment(ScriptId scriptId, ScriptAssignment assignment) {
        return entity(assignmentsContext(scriptId, Navigation.ASSIGNMENTS), assignment, this::writeAssignment);
    }

    ObjectNode groupAssignments(ScriptId scriptId, List<ScriptGroupAssignment> groupAssignments) {
        return collection(assignmentsContext(scriptId, Navigation.GROUP_ASSIGNMENTS), groupAssignments,
                this::writeGroupAssignment);
    }

    ObjectNode groupAssignment(ScriptId scriptId, ScriptGroupAssignment groupAssignment) {
        return entity(assignmentsContext(scriptId, Navigation.GROUP_ASSIGNMENTS), groupAssignment,
                this::writeGroupAssignment);
    }

    private static String assignmentsContext(ScriptId scriptId, Navigation navigation) {
        return SCRIPTS_CONTEXT + "('" + scriptId + "')/" + navigation.graphName();
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

    private void writeScript(DeviceManagementScript script, Projection projection,
                             Map<ScriptId, AssignmentSet> sets, ObjectNode json) {
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
        if (!projection.select().isEmpty()) {
            Set<String> kept = new HashSet<>(projection.select());
            kept.addAll(List.of("id", "@odata.context")); // an entity carries its context in the same object
            json.retain(kept);
        }
        AssignmentSet set = sets.getOrDefault(script.id(), AssignmentSet.EMPTY);
        if (projection.expands(Navigation.ASSIGNMENTS)) {
            writeInline(script.id(), Navigation.ASSIGNMENTS, set.assignmentsOf(script.id()), this::writeAssignment,
                    json);
        }
        if (projection.expands(Navigation.GROUP_ASSIGNMENTS)) {
            writeInline(script.id(), Navigation.GROUP_ASSIGNMENTS, set.groupAssignmentsOf(script.id()),
                    this::writeGroupAssignment, json);
        }
    }

    /** An expanded navigation property: its own @odata.context, then its entries. */
    private <T> void writeInline(ScriptId scriptId, Navigation navigation, List<T> items,
                                 BiConsumer<T, ObjectNode> write, ObjectNode json) {
        json.put(navigation.graphName() + "@odata.context", assignmentsContext(scriptId, navigation));
        ArrayNode entries = json.putArray(navigation.graphName());
        items.forEach(item -> write.accept(item, entries.addObject()));
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
