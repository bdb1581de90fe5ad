package dev.devicescripts.adapter.http.batch;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.BATCH_SCRIPTS;
import static dev.devicescripts.adapter.http.support.Batches.array;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.batchOfReads;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.TENANT;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertInnerError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.server.TlsFiles;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Waits;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.adapter.http.support.TestCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchTest {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String JSON = "application/json";
    private static final String ALL_DEVICES = "{\"deviceManagementScriptAssignments\":[{\"target\":{"
            + "\"@odata.type\":\"#microsoft.graph.allDevicesAssignmentTarget\"}}]}";

    private final GraphApi api = GraphApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void givenScriptsWhenABatchCreatesReadsListsAssignsPatchesAndDeletesThenEachRequestIsAnsweredAsAlone() {
        String read = api.createScript("Read in the batch");
        String assigned = api.createScript("Assigned in the batch");
        String deleted = api.createScript("Deleted in the batch");
        JsonNode readAlone = api.script(read);

        Reply batch = api.post(BATCH, batch(
                request("create1", "POST", BATCH_SCRIPTS, "{\"displayName\":\"Batch one\"}", "Content-Type", JSON),
                // Graph takes the url with or without its leading slash.
                request("create2", "POST", BATCH_SCRIPTS.substring(1), "{\"displayName\":\"Batch two\"}",
                        "Content-Type", JSON),
                request("read", "GET", BATCH_SCRIPTS + "/" + read, null),
                request("list", "GET", BATCH_SCRIPTS + "?$select=displayName", null)
                        .set("dependsOn", array("create1", "create2")),
                request("assign", "POST", BATCH_SCRIPTS + "/" + assigned + "/assign", ALL_DEVICES,
                        "Content-Type", JSON).set("dependsOn", array("create1")),
                request("patch", "PATCH", BATCH_SCRIPTS + "/" + assigned, "{\"description\":\"patched\"}",
                        "Content-Type", JSON, "Prefer", "return=representation"),
                request("delete", "DELETE", BATCH_SCRIPTS + "/" + deleted, null)));

        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        assertThat(batch.header("request-id")).matches(GUID);
        assertThat(batch.json().get("responses")).hasSize(7);
        Map<String, JsonNode> responses = responsesById(batch);

        JsonNode created = responses.get("create1");
        assertThat(created.get("status").asInt()).isEqualTo(201);
        String createdId = created.get("body").get("id").asText();
        assertThat(created.get("headers").get("Location").asText()).isEqualTo(api.url(SCRIPTS) + "/" + createdId);
        assertThat(created.get("body")).isEqualTo(api.script(createdId));
        assertThat(responses.get("create2").get("body").get("displayName").asText()).isEqualTo("Batch two");

        assertThat(responses.get("read").get("status").asInt()).isEqualTo(200);
        assertThat(responses.get("read").get("body")).isEqualTo(readAlone);

        JsonNode list = responses.get("list").get("body");
        assertThat(list.get("value")).extracting(script -> script.get("displayName").asText())
                .containsExactly("Read in the batch", "Assigned in the batch", "Deleted in the batch", "Batch one",
                        "Batch two");

        assertThat(responses.get("assign").get("status").asInt()).isEqualTo(204);
        assertThat(responses.get("assign").has("body")).isFalse();
        assertThat(api.assignmentsOf(assigned).get("value")).hasSize(1);

        JsonNode patched = responses.get("patch");
        assertThat(patched.get("status").asInt()).isEqualTo(200);
        assertThat(patched.get("headers").get("Preference-Applied").asText()).isEqualTo("return=representation");
        assertThat(patched.get("body")).isEqualTo(api.script(assigned));
        assertThat(patched.get("body").get("description").asText()).isEqualTo("patched");

        assertThat(responses.get("delete").get("status").asInt()).isEqualTo(204);
        assertThat(api.get(SCRIPTS + "/" + deleted).status()).isEqualTo(404);

        Set<String> requestIds = new HashSet<>();
        responses.values().forEach(response -> requestIds.add(response.get("headers").get("request-id").asText()));
        assertThat(requestIds).hasSize(7).allMatch(id -> id.matches(GUID)).doesNotContain(batch.header("request-id"));
    }

    @Test
    void givenRequestsSentAloneAndInABatchThenStatusHeadersAndBodiesMatch() {
        String id = api.createScript("Compared");
        String missing = SCRIPTS + "/00000000-0000-0000-0000-000000000001";
        Reply entity = api.get(SCRIPTS + "/" + id, "client-request-id", "c1");
        Reply notFound = api.get(missing);
        Reply count = api.get(SCRIPTS + "/$count");

        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("entity", "GET", BATCH_SCRIPTS + "/" + id, null, "client-request-id", "c1"),
                request("notFound", "GET", missing.substring("/beta".length()), null),
                request("count", "GET", BATCH_SCRIPTS + "/$count", null))));

        assertSameAsAlone(responses.get("entity"), entity);
        assertThat(responses.get("entity").get("body")).isEqualTo(entity.json());
        assertThat(responses.get("entity").get("headers").get("client-request-id").asText()).isEqualTo("c1");
        assertSameAsAlone(responses.get("notFound"), notFound);
        assertThat(responses.get("notFound").get("body").get("error").get("message"))
                .isEqualTo(notFound.json().get("error").get("message"));
        assertInnerError(responses.get("notFound"), 404, "ResourceNotFound");
        // Graph embeds a body that is not JSON as base64.
        assertSameAsAlone(responses.get("count"), count);
        assertThat(new String(Base64.getDecoder().decode(responses.get("count").get("body").asText()),
                StandardCharsets.UTF_8)).isEqualTo(count.body()).isEqualTo("1");
    }

    @Test
    void givenTwentyRequestsWhenBatchedThenAllAreAnswered() {
        Reply batch = api.post(BATCH, batchOfReads(20));

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().get("responses")).hasSize(20)
                .allSatisfy(response -> assertThat(response.get("status").asInt()).isEqualTo(200));
    }

    @Test
    void givenMoreConcurrentBatchesThanDispatchThreadsWhenSentAtOnceThenEveryRequestOfEachIsAnswered()
            throws Exception {
        api.createScript("Listed");
        ExecutorService clients = Executors.newFixedThreadPool(48);
        try {
            List<Future<Reply>> batches = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                batches.add(clients.submit(() -> api.post(BATCH, batchOfReads(20))));
            }
            for (Future<Reply> batch : batches) {
                assertThat(responsesById(Waits.join(batch))).hasSize(20).allSatisfy((id, response) ->
                        assertThat(response.get("body").get("value")).hasSize(1));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void givenTwentyOneRequestsWhenBatchedThenTheBatchIsRefusedNamingTheLimit() {
        assertGraphError(api.post(BATCH, batchOfReads(21)), 400, "BadRequest", "requests", "21", "20");
    }

    @Test
    void givenTwoRequestsWithOneIdWhenBatchedThenTheBatchIsRefusedAndNeitherRuns() {
        Reply batch = api.post(BATCH, batch(
                request("same", "POST", BATCH_SCRIPTS, "{\"displayName\":\"One\"}", "Content-Type", JSON),
                request("same", "GET", BATCH_SCRIPTS, null)));

        assertGraphError(batch, 400, "BadRequest", "requests[1].id", "'same'", "unique");
        assertThat(api.count()).isZero();
    }

    @Test
    void givenARequestThatFailsWhenOthersDependOnItThenTheyAnswer424AndDoNotRun() {
        String kept = api.createScript("Kept");

        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("fails", "GET", BATCH_SCRIPTS + "/00000000-0000-0000-0000-000000000001", null),
                request("delete", "DELETE", BATCH_SCRIPTS + "/" + kept, null).set("dependsOn", array("fails")),
                request("after", "GET", BATCH_SCRIPTS, null).set("dependsOn", array("delete")),
                request("independent", "GET", BATCH_SCRIPTS + "/" + kept, null))));

        assertInnerError(responses.get("fails"), 404, "ResourceNotFound");
        assertInnerError(responses.get("delete"), 424, "FailedDependency", "'delete'", "'fails'", "404");
        assertInnerError(responses.get("after"), 424, "FailedDependency", "'after'", "'delete'", "424");
        assertThat(responses.get("independent").get("status").asInt()).isEqualTo(200);
        assertThat(api.get(SCRIPTS + "/" + kept).status()).isEqualTo(200);
    }

    @Test
    void givenADependencyOnAnUnknownIdWhenBatchedThenTheBatchIsRefusedNamingIt() {
        Reply batch = api.post(BATCH, batch(request("1", "GET", BATCH_SCRIPTS, null).set("dependsOn",
                array("nowhere"))));

        assertGraphError(batch, 400, "BadRequest", "requests[0].dependsOn", "'nowhere'");
    }

    @Test
    void givenDependenciesInACycleWhenBatchedThenTheBatchIsRefusedAndNothingRuns() {
        Reply batch = api.post(BATCH, batch(
                request("free", "POST", BATCH_SCRIPTS, "{\"displayName\":\"Free\"}", "Content-Type", JSON),
                request("a", "GET", BATCH_SCRIPTS, null).set("dependsOn", array("b")),
                request("b", "GET", BATCH_SCRIPTS, null).set("dependsOn", array("a"))));

        assertGraphError(batch, 400, "BadRequest", "dependsOn", "a, b", "cycle");
        assertThat(api.count()).isZero();
    }

    @Test
    void givenABodyWithoutContentTypeWhenBatchedThenThatRequestIs400AndCreatesNothing() {
        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("untyped", "POST", BATCH_SCRIPTS, "{\"displayName\":\"Untyped\"}"),
                request("list", "GET", BATCH_SCRIPTS, null))));

        assertInnerError(responses.get("untyped"), 400, "BadRequest", "'untyped'", "Content-Type");
        assertThat(responses.get("list").get("status").asInt()).isEqualTo(200);
        assertThat(api.count()).isZero();
    }

    @Test
    void givenAReadOnlyTokenWhenABatchReadsAndWritesThenTheWriteIs403AndTheReadsSucceed() {
        String id = api.createScript("Readable");
        GraphApi reader = api.as(GraphApi.token(TENANT, List.of("DeviceManagementScripts.Read.All"), List.of()));

        Map<String, JsonNode> responses = responsesById(reader.post(BATCH, batch(
                request("list", "GET", BATCH_SCRIPTS, null),
                request("write", "POST", BATCH_SCRIPTS, "{\"displayName\":\"Denied\"}", "Content-Type", JSON),
                request("read", "GET", BATCH_SCRIPTS + "/" + id, null))));

        assertThat(responses.get("list").get("status").asInt()).isEqualTo(200);
        assertInnerError(responses.get("write"), 403, "Forbidden");
        assertThat(responses.get("read").get("status").asInt()).isEqualTo(200);
        assertThat(api.count()).isEqualTo(1);
    }

    @Test
    void givenAnInnerAuthorizationHeaderWhenBatchedThenTheBatchTokenIsUsedInstead() {
        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("1", "GET", BATCH_SCRIPTS, null, "Authorization", "Bearer forged"))));

        assertThat(responses.get("1").get("status").asInt()).isEqualTo(200);
    }

    @Test
    void givenNoTokenWhenBatchedThenTheWholeBatchIs401() {
        Reply batch = api.as(null).post(BATCH, batch(request("1", "GET", BATCH_SCRIPTS, null)));

        assertGraphError(batch, 401, "InvalidAuthenticationToken", "Authorization");
    }

    @Test
    void givenABatchInsideABatchWhenBatchedThenThatRequestIs400() {
        String inner = batch(request("x", "GET", BATCH_SCRIPTS, null));

        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("nested", "POST", "/$batch", inner, "Content-Type", JSON),
                request("nestedInOtherCase", "POST", "$Batch", inner, "Content-Type", JSON),
                request("list", "GET", BATCH_SCRIPTS, null))));

        assertInnerError(responses.get("nested"), 400, "BadRequest", "batch");
        assertInnerError(responses.get("nestedInOtherCase"), 400, "BadRequest", "batch");
        assertThat(responses.get("list").get("status").asInt()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
            "https://graph.microsoft.com/beta/deviceManagement/deviceManagementScripts, absolute",
            "//graph.microsoft.com/beta/deviceManagement/deviceManagementScripts, absolute",
            "../healthz, leaves /beta",
            "/deviceManagement/%2e%2e/%2E%2E/healthz, leaves /beta"})
    void givenAUrlOutsideTheVersionRootWhenBatchedThenThatRequestIs400(String url, String rule) {
        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(request("out", "GET", url, null))));

        assertInnerError(responses.get("out"), 400, "BadRequest", url, rule);
    }

    @Test
    void givenAQueryWithRawSpacesAndQuotesWhenBatchedThenItIsAnsweredAsAlone() {
        api.createScript("Spaced");

        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("1", "GET", BATCH_SCRIPTS + "?$select=displayName,id&$top=1", null))));

        assertThat(responses.get("1").get("status").asInt()).as("%s", responses).isEqualTo(200);
        assertThat(responses.get("1").get("body").get("value").get(0).get("displayName").asText())
                .isEqualTo("Spaced");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json | not valid JSON",
            "[] | JSON object",
            "{} | requests",
            "{\"requests\":{}} | requests",
            "{\"requests\":[],\"extra\":1} | extra",
            "{\"requests\":[]} | requests",
            "{\"requests\":[1]} | requests[0]",
            "{\"requests\":[{\"method\":\"GET\",\"url\":\"/x\"}]} | requests[0].id",
            "{\"requests\":[{\"id\":\"\",\"method\":\"GET\",\"url\":\"/x\"}]} | requests[0].id",
            "{\"requests\":[{\"id\":\"1\",\"url\":\"/x\"}]} | requests[0].method",
            "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\"}]} | requests[0].url",
            "{\"requests\":[{\"id\":\"1\",\"method\":\"GE T\",\"url\":\"/x\"}]} | requests[0].method",
            "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/x\",\"headers\":[]}]} | requests[0].headers",
            "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/x\",\"headers\":{\"a\":1}}]}"
                    + " | requests[0].headers.a",
            "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/x\",\"headers\":{\"a\":\"x\\ny\"}}]}"
                    + " | headers.a",
            "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/x\",\"dependsOn\":\"2\"}]}"
                    + " | requests[0].dependsOn",
            "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/x\",\"atomicityGroup\":\"g\"}]}"
                    + " | atomicityGroup"})
    void givenAMalformedBatchWhenPostedThenItIs400NamingTheProblem(String body, String named) {
        assertGraphError(api.post(BATCH, body), 400, "BadRequest", named);
    }

    @Test
    void givenAnHttpsServerWhenABatchCreatesAScriptThenItsLocationSaysHttps(@TempDir Path folder) {
        TestCertificate certificate = TestCertificate.selfSigned("RSA");
        TlsFiles files = new TlsFiles(certificate.writeCertificate(folder.resolve("cert.pem")),
                certificate.writePkcs8Key(folder.resolve("key.pem")));
        try (GraphApi https = GraphApi.startWithTls(files, certificate.trustingIt())) {
            Map<String, JsonNode> responses = responsesById(https.post(BATCH, batch(
                    request("1", "POST", BATCH_SCRIPTS, "{\"displayName\":\"Secure\"}", "Content-Type", JSON))));

            JsonNode created = responses.get("1");
            assertThat(created.get("status").asInt()).isEqualTo(201);
            assertThat(created.get("headers").get("Location").asText())
                    .isEqualTo(https.url(SCRIPTS) + "/" + created.get("body").get("id").asText())
                    .startsWith("https://");
        }
    }



    /** The same status and Content-Type as the request got alone. */
    private static void assertSameAsAlone(JsonNode inBatch, Reply alone) {
        assertThat(inBatch.get("status").asInt()).isEqualTo(alone.status());
        assertThat(inBatch.get("headers").get("Content-Type").asText()).isEqualTo(alone.header("Content-Type"));
    }
}
