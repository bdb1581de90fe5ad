package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.devicescripts.adapter.http.GraphHttpServer;
import dev.devicescripts.adapter.http.server.ServerMetrics;
import dev.devicescripts.adapter.http.support.TestCertificate;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server, wired by the real Guice module, over real HTTP on an H2 file database. */
class EndToEndTest {

    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";

    @TempDir
    Path dataDirectory;

    /** What the token command prints for this data folder. */
    private String adminToken() throws UsageException {
        return TokenCommand.mint(List.of("--tenant", TENANT, "--data-dir", dataDirectory.toString()), Map.of());
    }

    @Test
    void assignmentsSurviveARestartOnTheSameDataFolder() throws UsageException {
        Configuration configuration = Configuration.parse(
                List.of("--port", "0", "--data-dir", dataDirectory.toString()), Map.of());
        String id;
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port(), adminToken());
            assertThat(graph.get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
            id = AssignLifecycle.run(graph);
        }

        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            AssignLifecycle.assertLeftBehind(new GraphClient(server.port(), adminToken()), id);
        }
    }

    @Test
    void theMemoryStoreServesTheSameApiAndIsAlwaysReady() throws UsageException {
        Configuration configuration = Configuration.parse(
                List.of("--port", "0", "--persistence", "memory", "--data-dir", dataDirectory.toString()), Map.of());
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port(), adminToken());
            AssignLifecycle.assertLeftBehind(graph, AssignLifecycle.run(graph));
            assertThat(graph.get("/readyz").statusCode()).isEqualTo(200);
        }
    }

    /** One device reached through a nested group, answered from the H2 store's snapshot by the wired service. */
    @Test
    void effectiveTargetingAnswersFromTheH2Store() throws UsageException {
        Configuration configuration = Configuration.parse(
                List.of("--port", "0", "--data-dir", dataDirectory.toString()), Map.of());
        String outer = "b0000000-0000-4000-8000-000000000001";
        String device = "e0000000-0000-4000-8000-000000000001";
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port(), TokenCommand.mint(List.of("--tenant", TENANT,
                    "--scopes", "DeviceManagementScripts.ReadWrite.All Directory.Read.All "
                            + "DeviceManagementManagedDevices.Read.All Devicescripts.Seed",
                    "--data-dir", dataDirectory.toString()), Map.of()));
            assertThat(graph.post("/admin/seed", "{\"groups\":[{\"id\":\"b0000000-0000-4000-8000-000000000002\","
                    + "\"displayName\":\"Laptops\",\"members\":[\"c0000000-0000-4000-8000-000000000001\"]},"
                    + "{\"id\":\"" + outer + "\",\"displayName\":\"Pilot\","
                    + "\"members\":[\"b0000000-0000-4000-8000-000000000002\"]}],"
                    + "\"devices\":[{\"id\":\"c0000000-0000-4000-8000-000000000001\","
                    + "\"deviceId\":\"d0000000-0000-4000-8000-000000000001\",\"displayName\":\"LAB-1\","
                    + "\"operatingSystem\":\"Windows\",\"trustType\":\"AzureAd\"}],"
                    + "\"managedDevices\":[{\"id\":\"" + device + "\",\"deviceName\":\"LAB-1\","
                    + "\"azureADDeviceId\":\"d0000000-0000-4000-8000-000000000001\",\"joinType\":\"azureADJoined\","
                    + "\"operatingSystem\":\"Windows\",\"osVersion\":\"10.0.22631.4460\",\"skuNumber\":4}]}")
                    .statusCode()).isEqualTo(200);
            String id = GraphClient.json(graph.post(AssignLifecycle.SCRIPTS, "{\"displayName\":\"Cleanup\"}"))
                    .get("id").asText();
            assertThat(graph.post(AssignLifecycle.SCRIPTS + "/" + id + "/assign",
                    TargetSets.assign(List.of(outer), List.of())).statusCode()).isEqualTo(204);

            JsonNode targets = GraphClient.json(graph.get(AssignLifecycle.SCRIPTS + "/" + id
                    + "/devicescripts.effectiveTargets()")).get("value");
            assertThat(targets.size()).isEqualTo(1);
            assertThat(targets.get(0).get("subjectId").asText()).isEqualTo(device);
            assertThat(targets.get(0).get("state").asText()).isEqualTo("included");
            assertThat(targets.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("target.groupNested");
            JsonNode scripts = GraphClient.json(graph.get("/beta/deviceManagement/managedDevices/" + device
                    + "/devicescripts.effectiveScripts()")).get("value");
            assertThat(scripts.get(0).get("scriptId").asText()).isEqualTo(id);
            assertThat(scripts.get(0).get("state").asText()).isEqualTo("included");
        }
    }

    @Test
    void maxTargetsTwoAcceptsASetOfTwoAndRefusesThreeNamingTheLimitAndKeepingTheSet() throws UsageException {
        Configuration configuration = Configuration.parse(List.of("--port", "0", "--persistence", "memory",
                "--data-dir", dataDirectory.toString(), "--max-targets", "2"), Map.of());
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port(), adminToken());
            String id = GraphClient.json(graph.post(AssignLifecycle.SCRIPTS, "{\"displayName\":\"Limited\"}"))
                    .get("id").asText();
            String assign = AssignLifecycle.SCRIPTS + "/" + id + "/assign";
            List<String> groups = TargetSets.groups(1, 1, 3);

            assertThat(graph.post(assign, TargetSets.assign(groups.subList(0, 2), List.of())).statusCode())
                    .isEqualTo(204);
            HttpResponse<String> refused = graph.post(assign, TargetSets.assign(groups, List.of()));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(GraphClient.json(refused).at("/error/code").asText()).isEqualTo("BadRequest");
            assertThat(GraphClient.json(refused).at("/error/message").asText())
                    .contains("deviceManagementScriptAssignments", "3 distinct targets", "at most 2");
            assertThat(AssignLifecycle.assignmentIds(graph, id))
                    .containsExactly(id + ":" + groups.get(0), id + ":" + groups.get(1));
        }
    }

    @Test
    void withAPublicUrlTheLocationOfACreatedScriptStartsWithIt() throws UsageException {
        Configuration configuration = Configuration.parse(List.of("--port", "0", "--persistence", "memory",
                "--data-dir", dataDirectory.toString(), "--public-url", "https://graph.example.com/intune"), Map.of());
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            HttpResponse<String> created = new GraphClient(server.port(), adminToken())
                    .post(AssignLifecycle.SCRIPTS, "{\"displayName\":\"Linked\"}");

            assertThat(created.headers().firstValue("Location")).hasValue("https://graph.example.com/intune"
                    + AssignLifecycle.SCRIPTS + "/" + GraphClient.json(created).get("id").asText());
        }
    }

    @Test
    void withTlsCertAndTlsKeyTheServerAnswersAnAuthenticatedGetOverHttps() throws UsageException {
        TestCertificate certificate = TestCertificate.selfSigned("EC");
        Path cert = certificate.writeCertificate(dataDirectory.resolve("cert.pem"));
        Path key = certificate.writePkcs8Key(dataDirectory.resolve("key.pem"));
        Configuration configuration = Configuration.parse(List.of("--port", "0", "--persistence", "memory",
                "--data-dir", dataDirectory.toString(), "--tls-cert", cert.toString(), "--tls-key", key.toString()),
                Map.of());
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            HttpResponse<String> count = new GraphClient(server.port(), adminToken(), certificate.trustingIt())
                    .get(AssignLifecycle.SCRIPTS + "/$count");

            assertThat(count.statusCode()).isEqualTo(200);
            assertThat(count.body()).isEqualTo("0");
        }
    }

    @Test
    void metricsShowTheConnectionPoolBesideTheRequestsAndAssigns() throws UsageException {
        Configuration configuration = Configuration.parse(
                List.of("--port", "0", "--data-dir", dataDirectory.toString()), Map.of());
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port(), adminToken());
            AssignLifecycle.run(graph);

            assertThat(graph.get("/metrics").body()).contains(
                    "hikaricp_connections_active{pool=\"devicescripts\"}",
                    "hikaricp_connections_pending{pool=\"devicescripts\"}",
                    "hikaricp_connections_max{pool=\"devicescripts\"} 10",
                    "hikaricp_connections_timeout_total{pool=\"devicescripts\"} 0",
                    "hikaricp_connections_acquire_seconds_count{pool=\"devicescripts\"}",
                    "devicescripts_assigns_total{outcome=\"assigned\"}",
                    "http_server_requests_seconds_count{method=\"POST\",status=\"204\",uri=\""
                            + AssignLifecycle.SCRIPTS + "/{scriptKey}/assign\"}",
                    "jvm_memory_used_bytes{area=\"heap\"");
        }
    }

    @Test
    void withTheDatabaseGoneReadyzAnswers503WithRetryAfterWhileHealthzStillAnswers200() throws Exception {
        Configuration configuration = Configuration.parse(
                List.of("--port", "0", "--data-dir", dataDirectory.toString()), Map.of());
        Injector injector = Guice.createInjector(new DeviceScriptsModule(configuration));
        Storage storage = injector.getInstance(Storage.class);
        try (ServerMetrics metrics = injector.getInstance(ServerMetrics.class);
             GraphHttpServer http = injector.getInstance(GraphHttpServer.class).start()) {
            GraphClient graph = new GraphClient(http.port(), adminToken());
            assertThat(graph.get("/readyz").body()).isEqualTo("{\"status\":\"ready\"}");

            storage.close();

            HttpResponse<String> notReady = graph.get("/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.headers().firstValue("Retry-After")).isPresent();
            assertThat(GraphClient.json(notReady).at("/error/code").asText()).isEqualTo("ServiceUnavailable");
            assertThat(GraphClient.json(notReady).at("/error/message").asText())
                    .isEqualTo("The service is not ready: the database cannot be reached. Retry later.");
            assertThat(graph.get("/healthz").statusCode()).isEqualTo(200);
        } finally {
            storage.close();
        }
    }
}
