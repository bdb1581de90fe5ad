package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The walk-through every end-to-end test makes against a running server: create a script, assign it, read the
 * assignments, re-assign, clear, and assign once more so a restart has something to find.
 */
final class AssignLifecycle {
    static final String SCRIPTS = "/beta/deviceManagement/deviceManagementScripts";
    static final String GROUP = "11111111-1111-1111-1111-111111111111";
    static final String OTHER_GROUP = "22222222-2222-2222-2222-222222222222";
    static final String FILTER = "33333333-3333-3333-3333-333333333333";
    static final String CONTENT = Base64.getEncoder().encodeToString("Write-Output 'hello'".getBytes());

    private AssignLifecycle() {
    }

    /** Runs the walk-through and returns the id of the script, left assigned to {@link #OTHER_GROUP}. */
    static String run(GraphClient graph) {
        HttpResponse<String> created = graph.post(SCRIPTS, """
                {"displayName":"Hello","scriptContent":"%s","fileName":"hello.ps1"}""".formatted(CONTENT));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = GraphClient.json(created).get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith(id));

        assertThat(graph.post(SCRIPTS + "/" + id + "/assign", """
                {"deviceManagementScriptGroupAssignments":[{"targetGroupId":"%s"}],
                 "deviceManagementScriptAssignments":[
                   {"target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget","groupId":"%s"}},
                   {"target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget",
                              "deviceAndAppManagementAssignmentFilterId":"%s",
                              "deviceAndAppManagementAssignmentFilterType":"include"}}]}"""
                .formatted(GROUP, OTHER_GROUP, FILTER)).statusCode()).isEqualTo(204);
        assertThat(assignmentIds(graph, id)).containsExactly(
                id + ":" + GROUP, id + ":" + OTHER_GROUP, id + ":adadadad-808e-44e2-905a-0b7873a8a531");
        assertThat(groupAssignmentIds(graph, id)).containsExactly(id + ":" + GROUP);

        assertThat(graph.post(SCRIPTS + "/" + id + "/assign", """
                {"deviceManagementScriptAssignments":[
                   {"target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"%s"}}]}"""
                .formatted(OTHER_GROUP)).statusCode()).isEqualTo(204);
        assertThat(assignmentIds(graph, id)).containsExactly(id + ":" + OTHER_GROUP);

        assertThat(graph.post(SCRIPTS + "/" + id + "/assign", "{\"deviceManagementScriptAssignments\":[]}")
                .statusCode()).isEqualTo(204);
        assertThat(assignmentIds(graph, id)).isEmpty();
        assertThat(groupAssignmentIds(graph, id)).isEmpty();

        assertThat(graph.post(SCRIPTS + "/" + id + "/assign",
                "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":\"" + OTHER_GROUP + "\"}]}")
                .statusCode()).isEqualTo(204);
        return id;
    }

    /** What {@link #run} left behind, read back, for example after a restart. */
    static void assertLeftBehind(GraphClient graph, String id) {
        HttpResponse<String> script = graph.get(SCRIPTS + "/" + id);
        assertThat(script.statusCode()).isEqualTo(200);
        JsonNode body = GraphClient.json(script);
        assertThat(body.get("displayName").asText()).isEqualTo("Hello");
        assertThat(body.get("scriptContent").asText()).isEqualTo(CONTENT);
        assertThat(body.get("fileName").asText()).isEqualTo("hello.ps1");
        assertThat(assignmentIds(graph, id)).containsExactly(id + ":" + OTHER_GROUP);
        assertThat(groupAssignmentIds(graph, id)).containsExactly(id + ":" + OTHER_GROUP);
    }

    static List<String> assignmentIds(GraphClient graph, String id) {
        return ids(graph.get(SCRIPTS + "/" + id + "/assignments"));
    }

    static List<String> groupAssignmentIds(GraphClient graph, String id) {
        return ids(graph.get(SCRIPTS + "/" + id + "/groupAssignments"));
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        GraphClient.json(response).get("value").forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }
}
