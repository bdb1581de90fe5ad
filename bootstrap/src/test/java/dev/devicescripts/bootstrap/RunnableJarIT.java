package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The jar's contract with its users: options, exit statuses, the serving line, SIGTERM, and a kept data folder. */
class RunnableJarIT {

    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";
    private static final String SCRIPTS = AssignLifecycle.SCRIPTS;

    @TempDir
    Path dataDirectory;

    @Test
    void theTokenCommandMintsTokensThatTheServerOnTheSameDataFolderTrustsAndNoOtherDoes(@TempDir Path elsewhere)
            throws Exception {
        String admin = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        String reader = JarTokens.mint("--tenant", TENANT, "--scopes", "DeviceManagementScripts.Read.All",
                "--data-dir", dataDirectory.toString());
        String app = JarTokens.mint("--tenant", TENANT, "--roles", "DeviceManagementConfiguration.ReadWrite.All",
                "--expires-in", "600", "--data-dir", dataDirectory.toString());
        String foreign = JarTokens.mint("--tenant", TENANT, "--data-dir", elsewhere.toString());
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            int port = jar.awaitPort();

            assertThat(new GraphClient(port, admin).post(SCRIPTS, "{\"displayName\":\"By admin\"}").statusCode())
                    .isEqualTo(201);
            assertThat(new GraphClient(port, app).post(SCRIPTS, "{\"displayName\":\"By app\"}").statusCode())
                    .isEqualTo(201);
            assertThat(new GraphClient(port, reader).get(SCRIPTS + "/$count").body()).isEqualTo("2");
            assertThat(new GraphClient(port, reader).post(SCRIPTS, "{\"displayName\":\"By reader\"}").statusCode())
                    .isEqualTo(403);
            var refused = new GraphClient(port, foreign).get(SCRIPTS);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
            assertThat(jar.terminate()).isZero();
            assertThat(jar.output()).doesNotContain(admin, reader, app, foreign);
        }
    }

    @Test
    void eachRequestWritesOneJsonLineToTheAccessLogWithWhoWhatHowAndHowLongButNeverTheToken() throws Exception {
        String token = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            int port = jar.awaitPort();
            GraphClient graph = new GraphClient(port, token);
            String id = GraphClient.json(graph.post(SCRIPTS, "{\"displayName\":\"Logged\"}")).get("id").asText();
            HttpResponse<String> read = graph.get(SCRIPTS + "/" + id);
            HttpResponse<String> refused = new GraphClient(port, "not-a-token").get(SCRIPTS);
            assertThat(jar.terminate()).isZero();

            Map<String, JsonNode> linesByRequestId = accessLogLines(jar.output());
            JsonNode readLine = linesByRequestId.get(read.headers().firstValue("request-id").orElseThrow());
            assertThat(readLine).isNotNull();
            assertThat(fieldNames(readLine)).containsExactly("timestamp", "requestId", "clientRequestId", "tenant",
                    "appId", "method", "route", "path", "status", "durationMs");
            assertThat(Instant.parse(readLine.get("timestamp").asText())).isBefore(Instant.now());
            assertThat(readLine.get("clientRequestId").asText())
                    .isEqualTo(read.headers().firstValue("client-request-id").orElseThrow());
            assertThat(readLine.get("tenant").asText()).isEqualTo(TENANT);
            assertThat(readLine.get("appId").asText()).isEqualTo(TokenCommand.DEFAULT_APP_ID);
            assertThat(readLine.get("method").asText()).isEqualTo("GET");
            assertThat(readLine.get("route").asText()).isEqualTo(SCRIPTS + "/{scriptKey}");
            assertThat(readLine.get("path").asText()).isEqualTo(SCRIPTS + "/" + id);
            assertThat(readLine.get("status").asInt()).isEqualTo(200);
            assertThat(readLine.get("durationMs").isNumber()).isTrue();
            JsonNode refusedLine = linesByRequestId.get(refused.headers().firstValue("request-id").orElseThrow());
            assertThat(refusedLine.get("status").asInt()).isEqualTo(401);
            assertThat(refusedLine.get("tenant").isNull()).isTrue();
            assertThat(linesByRequestId).hasSize(3);
            assertThat(jar.output()).doesNotContain(token, "not-a-token");
        }
    }

    @Test
    void logLevelDebugShowsWhyEachRequestWasRefusedAndAccessLogOffWritesNoAccessLine() throws Exception {
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString(),
                "--log-level", "debug", "--access-log", "off")) {
            HttpResponse<String> refused = new GraphClient(jar.awaitPort(), "not-a-token").get(SCRIPTS);
            assertThat(jar.terminate()).isZero();

            assertThat(jar.output()).containsPattern("DEBUG .* GET " + SCRIPTS + " answered 401 "
                    + "InvalidAuthenticationToken \\(request-id " + refused.headers().firstValue("request-id")
                    .orElseThrow() + "\\)");
            assertThat(jar.output().lines()).noneMatch(line -> line.startsWith("{"));
            assertThat(jar.output()).doesNotContain("not-a-token");
        }
    }

    @Test
    void theTokenCommandRefusesAMalformedTenantWithStatusTwo() throws InterruptedException {
        try (RunningJar jar = RunningJar.start("token", "--tenant", "contoso")) {
            assertThat(jar.awaitExit()).isEqualTo(2);
            assertThat(jar.output()).contains("--tenant must be a GUID");
        }
    }

    @Test
    void unverifiedSignaturesAreRefusedUnlessTheServerListensOnLoopbackOnly() throws InterruptedException {
        try (RunningJar jar = RunningJar.start("--auth", "unverified-signatures", "--host", "0.0.0.0")) {
            assertThat(jar.awaitExit()).isEqualTo(2);
            assertThat(jar.output()).contains("must listen on loopback only");
        }
    }

    @Test
    void unverifiedSignaturesSaySoAtStartEvenWhenTheLogShowsErrorsOnly() throws InterruptedException {
        try (RunningJar jar = RunningJar.start("--auth", "unverified-signatures", "--host", "127.0.0.1", "--port", "0",
                "--log-level", "error", "--data-dir", dataDirectory.toString())) {
            assertThat(jar.awaitLine(Pattern.compile("--auth unverified-signatures")))
                    .contains("SIGNATURES ARE NOT CHECKED", "127.0.0.1");
        }
    }

    @Test
    void helpPrintsEveryOptionAndExitsZero() throws InterruptedException {
        try (RunningJar jar = RunningJar.start("--help")) {
            assertThat(jar.awaitExit()).isZero();
            assertThat(jar.output()).contains("--port", "DEVICESCRIPTS_PORT", "--data-dir", "--persistence",
                    "--db-url", "--max-targets", "--log-level", "DEVICESCRIPTS_LOG_LEVEL", "--access-log");
        }
    }

    @Test
    void anUnknownOptionExitsWithStatusTwoAndSaysWhy() throws InterruptedException {
        try (RunningJar jar = RunningJar.start("--colour", "blue")) {
            assertThat(jar.awaitExit()).isEqualTo(2);
            assertThat(jar.output()).contains("unknown option '--colour'");
        }
    }

    @ParameterizedTest
    @CsvSource({"--port, http, --port must be a whole number",
            "--log-level, loud, --log-level must be error or warn or info or debug or trace"})
    void aMalformedOptionExitsWithStatusTwoAndSaysWhy(String option, String value, String message)
            throws InterruptedException {
        try (RunningJar jar = RunningJar.start(option, value)) {
            assertThat(jar.awaitExit()).isEqualTo(2);
            assertThat(jar.output()).contains(message);
        }
    }

    @Test
    void servesUntilSigtermThenExitsZeroAndKeepsItsDataForTheNextStart() throws Exception {
        String id;
        String token = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            GraphClient graph = new GraphClient(jar.awaitPort(), token);
            assertThat(graph.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(graph.get("/readyz").statusCode()).isEqualTo(200);
            id = AssignLifecycle.run(graph);
            assertThat(jar.terminate()).isZero();
        }
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            AssignLifecycle.assertLeftBehind(new GraphClient(jar.awaitPort(), token), id);
            assertThat(jar.terminate()).isZero();
        }
    }

    @Test
    void aDataFolderInUseByAnotherServerStopsTheSecondAtStartWithAClearMessage() throws Exception {
        try (RunningJar first = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            first.awaitPort();
            try (RunningJar second = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
                assertThat(second.awaitExit()).isEqualTo(1);
                assertThat(second.output()).contains("could not start").containsIgnoringCase("in use");
            }
            assertThat(first.terminate()).isZero();
        }
    }

    /** The access log's lines among what the jar printed (the JSON objects, one per line), by request-id. */
    private static Map<String, JsonNode> accessLogLines(String output) {
        return output.lines()
                .filter(line -> line.startsWith("{"))
                .map(GraphClient::json)
                .collect(Collectors.toMap(line -> line.get("requestId").asText(), Function.identity()));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
