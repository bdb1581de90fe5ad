package dev.devicescripts.adapter.http.script;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devicescripts.adapter.http.graph.GraphJson.JsonBody;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.adapter.http.odata.Projection.Navigation;
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
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Domain values as Graph writes them: exact property names and order, @odata.context, targets' @odata.type. Each
 * response is written straight to the client as it is generated, never built as a tree first: a script expanded with
 * 1,000 targets would take megabytes as a tree.
 */
final class ScriptResponses {
    static final String SCRIPTS_CONTEXT =
            "https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceManagementScripts";
    private static final String ENTITY = "/$entity";
    private static final String CONTEXT = "@odata.context";

    /** Writes one item of a collection into the object the generator has open. */
    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(T item, JsonGenerator json) throws IOException;
    }

    JsonBody script(DeviceManagementScript script) {
        return script(script, Projection.ALL, Map.of());
    }

    /** @param sets the script's assignment set when the projection expands it */
    JsonBody script(DeviceManagementScript script, Projection projection, Map<ScriptId, AssignmentSet> sets) {
        return json -> {
            json.writeStartObject();
            json.writeStringField(CONTEXT, SCRIPTS_CONTEXT + projection.contextSuffix() + ENTITY);
            writeScriptFields(script, projection, sets, json);
            json.writeEndObject();
        };
    }

    /**
     * @param sets      the scripts' assignment sets when the projection expands them
     * @param count     {@code @odata.count}, when the client asked for it
     * @param nextLink  absent on the last page
     */
    JsonBody scripts(List<DeviceManagementScript> scripts, Projection projection, Map<ScriptId, AssignmentSet> sets,
                     OptionalLong count, Optional<String> nextLink) {
        return json -> {
            json.writeStartObject();
            json.writeStringField(CONTEXT, SCRIPTS_CONTEXT + projection.contextSuffix());
            if (count.isPresent()) {
                json.writeNumberField("@odata.count", count.getAsLong());
            }
            if (nextLink.isPresent()) {
                json.writeStringField("@odata.nextLink", nextLink.get());
            }
            json.writeArrayFieldStart("value");
            for (DeviceManagementScript script : scripts) {
                json.writeStartObject();
                writeScriptFields(script, projection, sets, json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        };
    }

    JsonBody assignments(ScriptId scriptId, List<ScriptAssignment> assignments) {
        return collection(assignmentsContext(scriptId, Navigation.ASSIGNMENTS), assignments,
                ScriptResponses::writeAssignment);
    }

    JsonBody assignment(ScriptId scriptId, ScriptAssignment assignment) {
        return entity(assignmentsContext(scriptId, Navigation.ASSIGNMENTS), assignment,
                ScriptResponses::writeAssignment);
    }

    JsonBody groupAssignments(ScriptId scriptId, List<ScriptGroupAssignment> groupAssignments) {
        return collection(assignmentsContext(scriptId, Navigation.GROUP_ASSIGNMENTS), groupAssignments,
                ScriptResponses::writeGroupAssignment);
    }

    JsonBody groupAssignment(ScriptId scriptId, ScriptGroupAssignment groupAssignment) {
        return entity(assignmentsContext(scriptId, Navigation.GROUP_ASSIGNMENTS), groupAssignment,
                ScriptResponses::writeGroupAssignment);
    }

    private static String assignmentsContext(ScriptId scriptId, Navigation navigation) {
        return SCRIPTS_CONTEXT + "('" + scriptId + "')/" + navigation.graphName();
    }

    private static <T> JsonBody collection(String context, List<T> items, ItemWriter<T> write) {
        return json -> {
            json.writeStartObject();
            json.writeStringField(CONTEXT, context);
            writeItems("value", items, write, json);
            json.writeEndObject();
        };
    }

    private static <T> JsonBody entity(String collectionContext, T item, ItemWriter<T> write) {
        return json -> {
            json.writeStartObject();
            json.writeStringField(CONTEXT, collectionContext + ENTITY);
            write.write(item, json);
            json.writeEndObject();
        };
    }

    private static <T> void writeItems(String field, List<T> items, ItemWriter<T> write, JsonGenerator json)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (T item : items) {
            json.writeStartObject();
            write.write(item, json);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The script's properties in Graph's order, those $select names only (id always), then its expansions. */
    private static void writeScriptFields(DeviceManagementScript script, Projection projection,
                                          Map<ScriptId, AssignmentSet> sets, JsonGenerator json) throws IOException {
        ScriptProperties properties = script.properties();
        json.writeStringField("id", script.id().toString());
        if (projection.selects("displayName")) {
            json.writeStringField("displayName", properties.displayName());
        }
        if (projection.selects("description")) {
            json.writeStringField("description", properties.description());
        }
        if (projection.selects("scriptContent")) {
            json.writeStringField("scriptContent",
                    properties.scriptContent() == null ? null : properties.scriptContent().toBase64());
        }
        if (projection.selects("createdDateTime")) {
            json.writeStringField("createdDateTime", script.createdDateTime().toString());
        }
        if (projection.selects("lastModifiedDateTime")) {
            json.writeStringField("lastModifiedDateTime", script.lastModifiedDateTime().toString());
        }
        if (projection.selects("runAsAccount")) {
            json.writeStringField("runAsAccount", properties.runAsAccount().graphName());
        }
        if (projection.selects("enforceSignatureCheck")) {
            json.writeBooleanField("enforceSignatureCheck", properties.enforceSignatureCheck());
        }
        if (projection.selects("fileName")) {
            json.writeStringField("fileName", properties.fileName());
        }
        if (projection.selects("roleScopeTagIds")) {
            json.writeArrayFieldStart("roleScopeTagIds");
            for (String tag : properties.roleScopeTagIds()) {
                json.writeString(tag);
            }
            json.writeEndArray();
        }
        if (projection.selects("runAs32Bit")) {
            json.writeBooleanField("runAs32Bit", properties.runAs32Bit());
        }
        AssignmentSet set = sets.getOrDefault(script.id(), AssignmentSet.EMPTY);
        if (projection.expands(Navigation.ASSIGNMENTS)) {
            writeInline(script.id(), Navigation.ASSIGNMENTS, set.assignmentsOf(script.id()),
                    ScriptResponses::writeAssignment, json);
        }
        if (projection.expands(Navigation.GROUP_ASSIGNMENTS)) {
            writeInline(script.id(), Navigation.GROUP_ASSIGNMENTS, set.groupAssignmentsOf(script.id()),
                    ScriptResponses::writeGroupAssignment, json);
        }
    }

    /** An expanded navigation property: its own @odata.context, then its entries. */
    private static <T> void writeInline(ScriptId scriptId, Navigation navigation, List<T> items, ItemWriter<T> write,
                                        JsonGenerator json) throws IOException {
        json.writeStringField(navigation.graphName() + CONTEXT, assignmentsContext(scriptId, navigation));
        writeItems(navigation.graphName(), items, write, json);
    }

    private static void writeAssignment(ScriptAssignment assignment, JsonGenerator json) throws IOException {
        json.writeStringField("id", assignment.id().toString());
        json.writeObjectFieldStart("target");
        writeTarget(assignment.target(), json);
        json.writeEndObject();
    }

    private static void writeGroupAssignment(ScriptGroupAssignment groupAssignment, JsonGenerator json)
            throws IOException {
        json.writeStringField("id", groupAssignment.id().toString());
        json.writeStringField("targetGroupId", groupAssignment.targetGroupId().toString());
    }

    private static void writeTarget(AssignmentTarget target, JsonGenerator json) throws IOException {
        AssignmentFilter filter = target.filter();
        json.writeStringField("@odata.type", "#" + typeOf(target));
        json.writeStringField(AssignmentFilter.ID_FIELD, filter.filterId() == null ? null : filter.filterId().toString());
        json.writeStringField(AssignmentFilter.TYPE_FIELD, filter.type().graphName());
        if (target instanceof GroupAssignmentTarget group) {
            json.writeStringField("groupId", group.groupId().toString());
        } else if (target instanceof ExclusionGroupAssignmentTarget exclusion) {
            json.writeStringField("groupId", exclusion.groupId().toString());
        } else if (target instanceof ConfigurationManagerCollectionAssignmentTarget collection) {
            json.writeStringField("collectionId", collection.collectionId());
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
