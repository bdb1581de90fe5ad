package dev.devicescripts.bootstrap;

import static dev.devicescripts.bootstrap.AssignLifecycle.GROUP;
import static dev.devicescripts.bootstrap.AssignLifecycle.SCRIPTS;
import static dev.devicescripts.bootstrap.AssignLifecycle.assignmentIds;
import static dev.devicescripts.bootstrap.AssignLifecycle.groupAssignmentIds;
import static dev.devicescripts.bootstrap.GraphClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.script.RealClientBodies;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on its embedded H2 database answers what real clients send: the bodies of Microsoft's samples,
 * the SDKs and Terraform (RealClientBodies), list query options, and a batch. One jar serves the whole class; each
 * test names its scripts apart, and its lists filter on those names.
 */
class GraphFeaturesIT {
    private static final String TENANT = "5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";

    @TempDir
    static Path dataDirectory;

    private static RunningJar jar;
    private static GraphClient graph;

    @BeforeAll
    static void startTheJar() throws Exception {
        String token = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString());
        graph = new GraphClient(jar.awaitPort(), token);
    }

    @AfterAll
    static void stopTheJar() {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void theCreatesOfRealClientsAreAcceptedWithTheirBooleansAsStrings() {
        JsonNode powerShell = created(RealClientBodies.POWERSHELL_CREATE);
        JsonNode stringTrue = created(RealClientBodies.CREATE_32_BIT_AS_STRING);

        assertThat(powerShell.get("enforceSignatureCheck").isBoolean()).isTrue();
        assertThat(powerShell.get("enforceSignatureCheck").asBoolean()).isFalse();
        assertThat(powerShell.has("runSchedule")).isFalse();
        assertThat(stringTrue.get("runAs32Bit").asBoolean()).isTrue();
    }

    @Test
    void theAssignsOfRealClientsEachReplaceTheSet() {
        String id = created("{\"displayName\":\"Assigned by every client\"}").get("id").asText();

        assign(id, RealClientBodies.powerShellGroupAssignment(GROUP, id));
        assertThat(groupAssignmentIds(graph, id)).containsExactly(id + ":" + GROUP);
        assign(id, RealClientBodies.TERRAFORM_CLEAR);
        assertThat(assignmentIds(graph, id)).isEmpty();
        assign(id, RealClientBodies.sdkAssign(GROUP));
        assertThat(assignmentIds(graph, id)).containsExactly(id + ":" + GROUP);
        assign(id, RealClientBodies.EMPTY_OBJECT);
        assertThat(assignmentIds(graph, id)).isEmpty();
        assign(id, RealClientBodies.exportedAssignment(GROUP));
        assertThat(groupAssignmentIds(graph, id)).as("no filter").containsExactly(id + ":" + GROUP);
        assign(id, RealClientBodies.NULL_COLLECTIONS);
        assertThat(assignmentIds(graph, id)).isEmpty();
        assign(id, RealClientBodies.ASSIGN_TYPES_WITHOUT_HASH);
        assertThat(assignmentIds(graph, id)).containsExactly(id + ":adadadad-808e-44e2-905a-0b7873a8a531");
    }

    @Test
    void aTypedPatchAndAScriptReadBackAndSentWholeAreAccepted() {
        String script = SCRIPTS + "/" + created("{\"displayName\":\"Patched\",\"scriptContent\":\"SGk=\"}")
                .get("id").asText();

        assertThat(graph.patch(script, RealClientBodies.PATCH_TYPE_WITHOUT_HASH).statusCode()).isEqualTo(204);
        JsonNode read = json(graph.get(script));
        assertThat(graph.patch(script, read.toString()).statusCode()).isEqualTo(204);

        JsonNode after = json(graph.get(script));
        assertThat(after.get("description").asText()).isEqualTo("typed");
        assertThat(after.get("createdDateTime")).isEqualTo(read.get("createdDateTime"));
        assertThat(after.get("scriptContent")).isEqualTo(read.get("scriptContent"));
    }

    @Test
    void aListOrderedBySeveralKeysSkipsAndCountsEveryMatch() {
        for (String[] script : new String[][] {{"b", "true"}, {"a", "false"}, {"b", "false"}, {"c", "true"}}) {
            created("{\"displayName\":\"Ordered " + script[0] + "\",\"runAs32Bit\":" + script[1] + "}");
        }

        JsonNode page = listed("?$filter=startswith(displayName,'Ordered%20')&$orderby=runAs32Bit%20desc,displayName"
                + "&$skip=1&$count=true&$select=displayName,runAs32Bit");

        assertThat(page.get("@odata.count").asInt()).isEqualTo(4);
        assertThat(page.get("value")).extracting(script -> script.get("displayName").asText(),
                        script -> script.get("runAs32Bit").asBoolean())
                .containsExactly(tuple("Ordered c", true), tuple("Ordered a", false), tuple("Ordered b", false));
    }

    @Test
    void aListExpandsEachScriptsAssignmentsAndGroupAssignments() {
        String id = created("{\"displayName\":\"Expanded\"}").get("id").asText();
        assign(id, RealClientBodies.sdkAssign(GROUP));

        JsonNode page = listed("?$filter=displayName%20eq%20'Expanded'&$expand=assignments,groupAssignments");

        assertThat(page.get("value")).hasSize(1);
        JsonNode script = page.get("value").get(0);
        assertThat(script.get("assignments@odata.context").asText()).endsWith("('" + id + "')/assignments");
        assertThat(script.get("assignments").get(0).get("target").get("groupId").asText()).isEqualTo(GROUP);
        assertThat(script.get("groupAssignments").get(0).get("targetGroupId").asText()).isEqualTo(GROUP);
    }

    @Test
    void anUnsupportedQueryOptionIsBadRequestNamingIt() {
        HttpResponse<String> refused = graph.get(SCRIPTS + "?$search=x");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").get("code").asText()).isEqualTo("BadRequest");
        assertThat(json(refused).get("error").get("message").asText()).contains("'$search'");
    }

    @Test
    void aBatchRunsEachRequestAfterThoseItDependsOnAndAnswers424WhenOneFailed() {
        String kept = created("{\"displayName\":\"Kept by the batch\"}").get("id").asText();

        HttpResponse<String> batch = graph.post("/beta/$batch", """
                {"requests":[
                  {"id":"missing","method":"GET",
                   "url":"/deviceManagement/deviceManagementScripts/00000000-0000-0000-0000-000000000001"},
                  {"id":"delete","method":"DELETE","url":"/deviceManagement/deviceManagementScripts/%s",
                   "dependsOn":["missing"]},
                  {"id":"list","method":"GET",
                   "url":"/deviceManagement/deviceManagementScripts?$filter=displayName eq 'Created by the batch'",
                   "dependsOn":["create"]},
                  {"id":"create","method":"POST","url":"/deviceManagement/deviceManagementScripts",
                   "headers":{"Content-Type":"application/json"},"body":{"displayName":"Created by the batch"}}]}
                """.formatted(kept));

        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        Map<String, JsonNode> responses = new HashMap<>();
        json(batch).get("responses").forEach(response -> responses.put(response.get("id").asText(), response));
        assertThat(responses.get("missing").get("status").asInt()).isEqualTo(404);
        assertThat(responses.get("delete").get("status").asInt()).isEqualTo(424);
        assertThat(responses.get("delete").get("body").get("error").get("code").asText())
                .isEqualTo("FailedDependency");
        assertThat(responses.get("create").get("status").asInt()).isEqualTo(201);
        assertThat(responses.get("list").get("body").get("value")).as("listed after the create it depends on")
                .hasSize(1);
        assertThat(graph.get(SCRIPTS + "/" + kept).statusCode()).isEqualTo(200);
    }

    /** Creates a script from this body and answers it as the server does. */
    private static JsonNode created(String body) {
        HttpResponse<String> created = graph.post(SCRIPTS, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private static void assign(String id, String body) {
        HttpResponse<String> assigned = graph.post(SCRIPTS + "/" + id + "/assign", body);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
    }

    private static JsonNode listed(String query) {
        HttpResponse<String> list = graph.get(SCRIPTS + query);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json(list);
    }
}
