package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS_CONTEXT;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssignmentRoutesTest {
    private static final String GROUP = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String EXCLUDED_GROUP = "aaaaaaaa-0000-4000-8000-000000000002";
    private static final String FILTER = "ffffffff-0000-4000-8000-000000000001";
    private static final String EVERY_TARGET = """
            {"deviceManagementScriptGroupAssignments":[{"targetGroupId":"%s"}],
             "deviceManagementScriptAssignments":[
              {"target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget","groupId":"%s"}},
              {"target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget",
                         "deviceAndAppManagementAssignmentFilterId":"%s",
                         "deviceAndAppManagementAssignmentFilterType":"include"}},
              {"target":{"@odata.type":"#microsoft.graph.allLicensedUsersAssignmentTarget"}},
              {"target":{"@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget",
                         "collectionId":"SMS00001"}}]}""".formatted(GROUP, EXCLUDED_GROUP, FILTER);

    private final GraphApi api = GraphApi.start();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void assignAnswers204AndTheAssignmentsShowEveryTargetInGraphsExactShape() throws Exception {
        String id = api.createScript("Assigned");

        Reply assigned = api.post(SCRIPTS + "/" + id + "/assign", EVERY_TARGET);

        assertThat(assigned.status()).isEqualTo(204);
        assertThat(assigned.body()).isEmpty();
        JsonNode expected = mapper.readTree("""
                {"@odata.context":"%1$s('%2$s')/assignments","value":[
                 {"id":"%2$s:%3$s","target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget",
                  "deviceAndAppManagementAssignmentFilterId":null,"deviceAndAppManagementAssignmentFilterType":"none",
                  "groupId":"%3$s"}},
                 {"id":"%2$s:%4$s","target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget",
                  "deviceAndAppManagementAssignmentFilterId":null,"deviceAndAppManagementAssignmentFilterType":"none",
                  "groupId":"%4$s"}},
                 {"id":"%2$s:adadadad-808e-44e2-905a-0b7873a8a531","target":{
                  "@odata.type":"#microsoft.graph.allDevicesAssignmentTarget",
                  "deviceAndAppManagementAssignmentFilterId":"%5$s",
                  "deviceAndAppManagementAssignmentFilterType":"include"}},
                 {"id":"%2$s:acacacac-9df4-4c7d-9d50-4ef0226f57a9","target":{
                  "@odata.type":"#microsoft.graph.allLicensedUsersAssignmentTarget",
                  "deviceAndAppManagementAssignmentFilterId":null,"deviceAndAppManagementAssignmentFilterType":"none"}},
                 {"id":"%2$s:SMS00001","target":{
                  "@odata.type":"#microsoft.graph.configurationManagerCollectionAssignmentTarget",
                  "deviceAndAppManagementAssignmentFilterId":null,"deviceAndAppManagementAssignmentFilterType":"none",
                  "collectionId":"SMS00001"}}]}""".formatted(SCRIPTS_CONTEXT, id, GROUP, EXCLUDED_GROUP, FILTER));
        assertThat(api.assignmentsOf(id)).isEqualTo(expected);
    }

    @Test
    void groupAssignmentsShowTheUnfilteredIncludeGroupsOnly() throws Exception {
        String id = api.createScript("Grouped");
        api.post(SCRIPTS + "/" + id + "/assign", EVERY_TARGET);

        Reply groupAssignments = api.get(SCRIPTS + "('" + id + "')/groupAssignments");

        assertThat(groupAssignments.status()).isEqualTo(200);
        assertThat(groupAssignments.json()).isEqualTo(mapper.readTree("""
                {"@odata.context":"%s('%s')/groupAssignments",
                 "value":[{"id":"%s:%s","targetGroupId":"%s"}]}""".formatted(SCRIPTS_CONTEXT, id, id, GROUP, GROUP)));
    }

    @Test
    void oneAssignmentIsServedUnderEveryKeyFormWithItsEntityContext() {
        String id = api.createScript("One assignment");
        api.post(SCRIPTS + "/" + id + "/assign", EVERY_TARGET);
        String assignmentId = id + ":" + GROUP;

        for (String path : List.of(SCRIPTS + "/" + id + "/assignments/" + assignmentId,
                SCRIPTS + "('" + id + "')/assignments('" + assignmentId + "')",
                SCRIPTS + "/" + id + "/assignments/" + id + "%3A" + GROUP)) {
            Reply assignment = api.get(path);
            assertThat(assignment.status()).as(path).isEqualTo(200);
            assertThat(assignment.json().get("@odata.context").asText())
                    .isEqualTo(SCRIPTS_CONTEXT + "('" + id + "')/assignments/$entity");
            assertThat(assignment.json().get("id").asText()).isEqualTo(assignmentId);
            assertThat(assignment.json().get("target").get("groupId").asText()).isEqualTo(GROUP);
        }
    }

    @Test
    void oneGroupAssignmentIsServedUnderBothKeyFormsWithItsEntityContext() {
        String id = api.createScript("One group assignment");
        api.post(SCRIPTS + "/" + id + "/assign", EVERY_TARGET);
        String groupAssignmentId = id + ":" + GROUP;

        for (String path : List.of(SCRIPTS + "/" + id + "/groupAssignments/" + groupAssignmentId,
                SCRIPTS + "('" + id + "')/groupAssignments('" + groupAssignmentId + "')")) {
            Reply groupAssignment = api.get(path);
            assertThat(groupAssignment.status()).as(path).isEqualTo(200);
            assertThat(groupAssignment.json().get("@odata.context").asText())
                    .isEqualTo(SCRIPTS_CONTEXT + "('" + id + "')/groupAssignments/$entity");
            assertThat(groupAssignment.json().get("targetGroupId").asText()).isEqualTo(GROUP);
        }
    }

    @Test
    void assignUnderTheParenthesisedKeyReplacesTheWholeSet() {
        String id = api.createScript("Replaced");
        api.post(SCRIPTS + "/" + id + "/assign", EVERY_TARGET);

        Reply replaced = api.post(SCRIPTS + "('" + id + "')/assign",
                "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":\"" + EXCLUDED_GROUP + "\"}]}");

        assertThat(replaced.status()).isEqualTo(204);
        JsonNode value = api.assignmentsOf(id).get("value");
        assertThat(value).hasSize(1);
        assertThat(value.get(0).get("target").get("groupId").asText()).isEqualTo(EXCLUDED_GROUP);
    }

    @Test
    void anUnknownAssignmentIsNotFound() {
        String id = api.createScript("Unassigned");

        Reply missing = api.get(SCRIPTS + "/" + id + "/assignments/" + id + ":" + GROUP);

        assertGraphError(missing, 404, "ResourceNotFound", id + ":" + GROUP);
    }

    @Test
    void postAndDeleteOnAssignmentCollectionsAnswerGraphsNoMethodMatchAndChangeNothing() {
        String id = api.createScript("Read-only collections");
        api.post(SCRIPTS + "/" + id + "/assign", EVERY_TARGET);
        JsonNode before = api.assignmentsOf(id);
        String item = id + ":" + GROUP;

        List<Reply> refused = List.of(
                api.post(SCRIPTS + "/" + id + "/assignments", "{\"target\":{}}"),
                api.delete(SCRIPTS + "/" + id + "/assignments/" + item),
                api.post(SCRIPTS + "('" + id + "')/groupAssignments", "{\"targetGroupId\":\"" + GROUP + "\"}"),
                api.delete(SCRIPTS + "('" + id + "')/groupAssignments('" + item + "')"));

        for (Reply reply : refused) {
            assertGraphError(reply, 400, "No method match route template", "assign");
        }
        assertThat(api.assignmentsOf(id)).isEqualTo(before);
    }

    @Test
    void deletingAScriptTakesItsAssignmentsWithIt() {
        String id = api.createScript("Deleted with assignments");
        api.post(SCRIPTS + "/" + id + "/assign", EVERY_TARGET);

        api.delete(SCRIPTS + "/" + id);

        assertGraphError(api.get(SCRIPTS + "/" + id + "/assignments"), 404, "ResourceNotFound", id);
    }
}
