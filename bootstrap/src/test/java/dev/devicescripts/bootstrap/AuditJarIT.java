package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "What did my pipeline change?" on the packaged jar: a run sends one GUID as {@code client-request-id}
 * with each of its requests, and the README's one {@code GET} (its time and correlation filter) lists exactly what
 * that run changed, in Intune's log and in Entra's, newest first, with who did it and the old and new values.
 */
class AuditJarIT {
    private static final Path SAMPLE = Path.of("../docs/samples/contoso.json");
    private static final String TENANT = "8c2a5a9e-3d4f-4b6a-9c1e-2f7d8e9a0b1c";
    private static final String SCRIPTS = "/beta/deviceManagement/deviceManagementScripts";
    private static final String EVENTS = "/beta/deviceManagement/auditEvents";
    private static final String DIRECTORY_AUDITS = "/beta/auditLogs/directoryAudits";
    private static final String GROUPS = "/beta/groups";
    /** The sample's All managed devices, and Ada Lovelace. */
    private static final String ALL_MANAGED = "9754b721-8725-5e4d-84ca-df322d52e6a6";
    private static final String ADA = "88f862ed-d5c5-5a15-b8a0-271eecc4ad3a";

    @TempDir
    Path dataDirectory;

    @Test
    void oneGetByTimeAndCorrelationIdListsWhatOnePipelineRunChangedInEachLog() throws Exception {
        String dataDir = dataDirectory.toString();
        String pipelineToken = JarTokens.mint("--tenant", TENANT, "--scopes",
                "DeviceManagementScripts.ReadWrite.All Directory.ReadWrite.All", "--data-dir", dataDir);
        String auditorToken = JarTokens.mint("--tenant", TENANT, "--scopes",
                "DeviceManagementApps.Read.All AuditLog.Read.All", "--data-dir", dataDir);
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDir, "--seed", SAMPLE.toString())) {
            int port = jar.awaitPort();
            GraphClient pipeline = new GraphClient(port, pipelineToken);
            GraphClient auditor = new GraphClient(port, auditorToken);
            // As the README: the run's start to the second, as date -u +%FT%TZ prints it, and its own GUID.
            String start = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            String run = UUID.randomUUID().toString();

            String script = id(pipeline.send("POST", SCRIPTS, "{\"displayName\":\"Cleanup.ps1\",\"fileName\":"
                    + "\"Cleanup.ps1\",\"scriptContent\":\"UmVtb3ZlLUl0ZW0gJGVudjpURU1QXCogLVJlY3Vyc2U=\"}",
                    "client-request-id", run), 201);
            String path = SCRIPTS + "/" + script;
            status(pipeline.send("PATCH", path, "{\"description\":\"Nightly\"}", "client-request-id", run), 204);
            status(pipeline.send("POST", path + "/assign", "{\"deviceManagementScriptAssignments\":[{\"target\":"
                    + "{\"@odata.type\":\"#microsoft.graph.groupAssignmentTarget\",\"groupId\":\"" + ALL_MANAGED
                    + "\"}}]}", "client-request-id", run), 204);
            status(pipeline.send("POST", path + "/assign", "{\"deviceManagementScriptAssignments\": []}",
                    "client-request-id", run), 204);
            String group = id(pipeline.send("POST", GROUPS, "{\"displayName\":\"Cleanup pilot\",\"mailEnabled\":"
                    + "false,\"mailNickname\":\"cleanup-pilot\",\"securityEnabled\":true}", "client-request-id", run),
                    201);
            status(pipeline.send("POST", GROUPS + "/" + group + "/members/$ref", "{\"@odata.id\":"
                    + "\"https://graph.microsoft.com/v1.0/directoryObjects/" + ADA + "\"}", "client-request-id", run),
                    204);
            String otherRun = UUID.randomUUID().toString();
            status(pipeline.send("PATCH", path, "{\"description\":\"Weekly\"}", "client-request-id", otherRun), 204);

            String readmeFilter = "activityDateTime ge " + start + " and correlationId eq '" + run + "'";
            List<JsonNode> events = values(auditor, EVENTS, readmeFilter);
            JsonNode token = claims(pipelineToken);
            assertThat(events).extracting(event -> event.get("activity").asText()).containsExactly(
                    "Assign DeviceManagementScript", "Assign DeviceManagementScript", "Patch DeviceManagementScript",
                    "Create DeviceManagementScript");
            assertThat(events).extracting(event -> event.get("activityOperationType").asText())
                    .containsExactly("Action", "Action", "Patch", "Create");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.get("correlationId").asText()).isEqualTo(run);
                assertThat(event.get("category").asText()).isEqualTo("DeviceConfiguration");
                assertThat(Instant.parse(event.get("activityDateTime").asText())).isAfterOrEqualTo(start);
                JsonNode actor = event.get("actor");
                assertThat(actor.get("auditActorType").asText()).isEqualTo("ItPro");
                assertThat(actor.get("userId").asText()).isEqualTo(token.get("oid").asText());
                assertThat(actor.get("applicationId").asText()).isEqualTo(token.get("appid").asText());
                assertThat(actor.get("ipAddress").asText()).isEqualTo("127.0.0.1");
                assertThat(event.get("resources")).hasSize(1);
                JsonNode resource = event.get("resources").get(0);
                assertThat(resource.get("displayName").asText()).isEqualTo("Cleanup.ps1");
                assertThat(resource.get("resourceId").asText()).isEqualTo(script);
            });
            String target = "{\"@odata.type\":\"#microsoft.graph.groupAssignmentTarget\","
                    + "\"deviceAndAppManagementAssignmentFilterId\":null,"
                    + "\"deviceAndAppManagementAssignmentFilterType\":\"none\",\"groupId\":\"" + ALL_MANAGED + "\"}";
            assertThat(modified(events.get(0))).containsExactly("assignments: [" + target + "] -> []");
            assertThat(modified(events.get(1))).containsExactly("assignments: [] -> [" + target + "]");
            assertThat(modified(events.get(2))).containsExactly("description: null -> Nightly");
            assertThat(modified(events.get(3))).contains("displayName: null -> Cleanup.ps1");

            List<JsonNode> audits = values(auditor, DIRECTORY_AUDITS, readmeFilter);
            assertThat(audits).extracting(audit -> audit.get("activityDisplayName").asText())
                    .containsExactly("Add member to group", "Add group");
            assertThat(audits).extracting(audit -> audit.get("operationType").asText())
                    .containsExactly("Assign", "Add");
            assertThat(audits).allSatisfy(audit -> {
                assertThat(audit.get("correlationId").asText()).isEqualTo(run);
                assertThat(audit.get("initiatedBy").get("user").get("id").asText())
                        .isEqualTo(token.get("oid").asText());
            });
            assertThat(audits.get(0).get("targetResources")).extracting(resource -> resource.get("id").asText())
                    .containsExactlyInAnyOrder(group, ADA);
            assertThat(audits.get(1).get("targetResources")).singleElement().satisfies(resource -> {
                assertThat(resource.get("id").asText()).isEqualTo(group);
                assertThat(resource.get("displayName").asText()).isEqualTo("Cleanup pilot");
            });

            // The script's whole history, the other run's change included; the run's filter alone left it out.
            List<JsonNode> history = values(auditor, EVENTS, "resources/any(r:r/resourceId eq '" + script + "')");
            assertThat(history).hasSize(5);
            assertThat(history.get(0).get("correlationId").asText()).isEqualTo(otherRun);
            assertThat(modified(history.get(0))).containsExactly("description: Nightly -> Weekly");
            assertThat(ids(history.subList(1, 5))).isEqualTo(ids(events));

            // The pipeline's own token may write but not read the logs: each 403 names the permission it lacks.
            assertForbidden(pipeline.get(EVENTS), "DeviceManagementApps.Read.All");
            assertForbidden(pipeline.get(DIRECTORY_AUDITS), "AuditLog.Read.All");
            assertThat(jar.terminate()).isZero();
        }
    }

    /** The entries a GET with this {@code $filter} lists, URL-encoded as curl's --data-urlencode does; one page. */
    private static List<JsonNode> values(GraphClient graph, String log, String filter) {
        String query = URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> response = graph.get(log + "?$filter=" + query);
        assertThat(response.statusCode()).as(filter + ": " + response.body()).isEqualTo(200);
        JsonNode body = GraphClient.json(response);
        assertThat(body.has("@odata.nextLink")).as("one page").isFalse();
        List<JsonNode> values = new ArrayList<>();
        body.get("value").forEach(values::add);
        return values;
    }

    private static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.get("id").asText()).toList();
    }

    /** The event's modified properties as "name: old -> new". */
    private static List<String> modified(JsonNode event) {
        List<String> modified = new ArrayList<>();
        event.get("resources").get(0).get("modifiedProperties").forEach(property -> modified.add(
                property.get("displayName").asText() + ": " + property.get("oldValue").asText() + " -> "
                        + property.get("newValue").asText()));
        return modified;
    }

    /** What the token says of its caller: the actor an entry must name. */
    private static JsonNode claims(String token) {
        return GraphClient.json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

    private static String id(HttpResponse<String> response, int expected) {
        status(response, expected);
        return GraphClient.json(response).get("id").asText();
    }

    private static void status(HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }

    private static void assertForbidden(HttpResponse<String> response, String permission) {
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = GraphClient.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("Forbidden");
        assertThat(error.get("message").asText()).contains(permission);
    }
}
