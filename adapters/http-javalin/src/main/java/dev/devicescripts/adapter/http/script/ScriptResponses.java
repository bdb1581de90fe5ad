package dev.devicescripts.adapter.http.script;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devicescripts.adapter.http.graph.GraphJson.JsonBody;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.adapter.http.odata.CollectionJson;
import dev.devicescripts.adapter.http.odata.CollectionJson.ItemWriter;
import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.collections.TargetTypes;
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
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Scripts and their assignments as Graph writes them: the script's properties through the collection's declaration,
 * the assignments' exact property names and order, @odata.context, targets' @odata.type. Each response is written
 * straight to the client as it is generated, never built as a tree first: a script expanded with 1,000 targets would
 * take megabytes as a tree.
 */
final class ScriptResponses {
    static final String SCRIPTS_CONTEXT =
            "https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceManagementScripts";

    JsonBody script(DeviceManagementScript script) {
        return script(script, Projection.ALL, Map.of());
    }

    /** @param sets the script's assignment set when the projection expands it */
    JsonBody script(DeviceManagementScript script, Projection projection, Map<ScriptId, AssignmentSet> sets) {
        return CollectionJson.entity(SCRIPTS_CONTEXT + projection.contextSuffix(), script, (item, json) -> {
            CollectionJson.writeProperties(ScriptCollection.SCRIPTS, item, projection, json);
            writeExpansions(item, projection, sets, json);
        });
    }

    JsonBody assignments(ScriptId scriptId, List<ScriptAssignment> assignments) {
        return CollectionJson.page(assignmentsContext(scriptId, ScriptCollection.ASSIGNMENTS), assignments,
                OptionalLong.empty(), Optional.empty(), ScriptResponses::writeAssignment);
    }

    JsonBody assignment(ScriptId scriptId, ScriptAssignment assignment) {
        return CollectionJson.entity(assignmentsContext(scriptId, ScriptCollection.ASSIGNMENTS), assignment,
                ScriptResponses::writeAssignment);
    }

    JsonBody groupAssignments(ScriptId scriptId, List<ScriptGroupAssignment> groupAssignments) {
        return CollectionJson.page(assignmentsContext(scriptId, ScriptCollection.GROUP_ASSIGNMENTS),
                groupAssignments, OptionalLong.empty(), Optional.empty(), ScriptResponses::writeGroupAssignment);
    }

    JsonBody groupAssignment(ScriptId scriptId, ScriptGroupAssignment groupAssignment) {
        return CollectionJson.entity(assignmentsContext(scriptId, ScriptCollection.GROUP_ASSIGNMENTS),
                groupAssignment, ScriptResponses::writeGroupAssignment);
    }

    private static String assignmentsContext(ScriptId scriptId, String navigation) {
        return SCRIPTS_CONTEXT + "('" + scriptId + "')/" + navigation;
    }

    /** The navigation properties the projection expands, each with its own @odata.context, then its entries. */
    static void writeExpansions(DeviceManagementScript script, Projection projection,
                                Map<ScriptId, AssignmentSet> sets, JsonGenerator json) throws IOException {
        AssignmentSet set = sets.getOrDefault(script.id(), AssignmentSet.EMPTY);
        if (projection.expands(ScriptCollection.ASSIGNMENTS)) {
            writeInline(script.id(), ScriptCollection.ASSIGNMENTS, set.assignmentsOf(script.id()),
                    ScriptResponses::writeAssignment, json);
        }
        if (projection.expands(ScriptCollection.GROUP_ASSIGNMENTS)) {
            writeInline(script.id(), ScriptCollection.GROUP_ASSIGNMENTS, set.groupAssignmentsOf(script.id()),
                    ScriptResponses::writeGroupAssignment, json);
        }
    }

    private static <T> void writeInline(ScriptId scriptId, String navigation, List<T> items, ItemWriter<T> write,
                                        JsonGenerator json) throws IOException {
        json.writeStringField(navigation + CollectionJson.CONTEXT, assignmentsContext(scriptId, navigation));
        CollectionJson.writeItems(navigation, items, write, json);
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
        json.writeStringField("@odata.type", "#" + GraphTypes.NAMESPACE + TargetTypes.of(target));
        json.writeStringField(GraphFields.FILTER_ID, filter.filterId() == null ? null : filter.filterId().toString());
        json.writeStringField(GraphFields.FILTER_TYPE, filter.type().graphName());
        if (target instanceof GroupAssignmentTarget group) {
            json.writeStringField("groupId", group.groupId().toString());
        } else if (target instanceof ExclusionGroupAssignmentTarget exclusion) {
            json.writeStringField("groupId", exclusion.groupId().toString());
        } else if (target instanceof ConfigurationManagerCollectionAssignmentTarget collection) {
            json.writeStringField("collectionId", collection.collectionId());
        }
    }
}
