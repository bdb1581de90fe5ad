package dev.devicescripts.bootstrap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.bootstrap.RawRequest.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12's attacks on the packaged jar at -Xmx256m. One tenant, the attacker, sends what a hostile client would
 * (reading with a read-only token, seeding with a write token of its own tenant), bounded in count and time, on
 * loopback only, while another tenant keeps reading and assigning. After each attack: every request of the other
 * tenant succeeded and its last acknowledged assign is what is stored; no answer to either tenant was a 500 (the
 * attacker's are 2xx, 4xx, or 503 with Retry-After); and /healthz and /readyz answer 200, which the other tenant's
 * answers show to be the truth. Each test starts a jar of its own, so that one attack's damage shows in its test.
 */
class AttacksIT {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m");
    /** The usual umask, which leaves new files readable by every local account unless the server says otherwise. */
    private static final String UMASK = "022";
    private static final String SCRIPTS = AssignLifecycle.SCRIPTS;
    private static final String ATTACKER_TENANT = "a77ac4e2-0b1d-4c5e-8f9a-1b2c3d4e5f60";
    private static final String OTHER_TENANT = "07be2ed1-3c4d-4e5f-a6b7-c8d9e0f1a2b3";
    private static final String READ_ONLY = "DeviceManagementScripts.Read.All";
    /** A safety net for what should end by itself (a request, a loop told to stop), not a timing assumption. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    /** Requests at once in the memory attacks: --max-concurrent-requests' default, all the work slots there are. */
    private static final int AT_ONCE = 64;
    private static final Duration MEMORY_ATTACK = Duration.ofSeconds(20);
    private static final int MOST_ATTACK_REQUESTS = 20_000;
    private static final int SEEDING_THREADS = 4;

    /** Lengths tried first for a script's texts: far beyond the limits the server should have, and accepted today. */
    private static final ScriptTexts TRIED_TEXTS = new ScriptTexts(20_000, 200_000, 20_000);
    /** Intune's documented limits for them: what a server that limits them must still accept. */
    private static final ScriptTexts DOCUMENTED_TEXTS = new ScriptTexts(1_000, 1_500, 260);
    /** A full page at --page-size's default. */
    private static final int SCRIPTS_WITH_LARGEST_TEXTS = 100;
    /** Words as Russian, Chinese, Greek and Hindi users write them: no character but the spaces is in Latin-1. */
    private static final String NON_LATIN_1 = "Сценарий очистки 清理脚本 σενάριο καθαρισμού सफ़ाई ";

    private static final int TARGETED_SCRIPTS = 200;
    /** --max-targets' default. */
    private static final int TARGETS_EACH = 1_000;
    private static final String FILTER = "f117e4a0-0000-4000-8000-000000000001";

    /** --max-body-bytes' default. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final Duration LARGE_BODY_ATTACK = Duration.ofSeconds(15);
    private static final int MOST_LARGE_BODIES = 2 * AT_ONCE;

    private static final int SLOW_CONNECTIONS_EACH = 200;
    private static final Duration TRICKLE = Duration.ofSeconds(2);
    private static final Duration SLOW_ATTACK = Duration.ofSeconds(20);
    private static final int MOST_SLOW_CONNECTIONS = 20 * 2 * SLOW_CONNECTIONS_EACH;
    /** --header-timeout and --body-timeout, short so the test sees them fire; SLOW_CLIENT_PATIENCE stays above both. */
    private static final Map<String, String> SLOW_CLIENT_DEADLINES = Map.of(
            "DEVICESCRIPTS_HEADER_TIMEOUT", "2",
            "DEVICESCRIPTS_BODY_TIMEOUT", "3");
    private static final Duration SLOW_CLIENT_PATIENCE = Duration.ofSeconds(10);

    private static final int DEEP_EXPRESSION_REPEATS = 5;
    /** A stack trace logged once per cause (per minute) is fine; one per request is the disk filling up. */
    private static final int MOST_STACK_OVERFLOW_LINES = 3;

    private static final String FORGED_HOST = "attacker.example";
    /** How a line of the application log starts, unlike the access log's JSON and the lines of a stack trace. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");

    /** Keeps the first KiB of an answer, enough to show what went wrong, and reads and drops the rest. */
    private static final HttpResponse.BodyHandler<String> HEAD_OF_BODY = info -> {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArrayConsumer(
                chunk -> chunk.ifPresent(bytes -> head.write(bytes, 0,
                        Math.min(bytes.length, Math.max(0, 1024 - head.size()))))),
                done -> head.toString(StandardCharsets.UTF_8));
    };

    @TempDir
    Path folders;

    enum Database { H2, POSTGRESQL }

    @ParameterizedTest
    @EnumSource(Database.class)
    void listsOfScriptsWithTheLargestTextsAtOnceLeaveTheOtherTenantServed(Database database) throws Exception {
        try (Server server = Server.start(database, folders)) {
            OtherTenant other = OtherTenant.start(server.client(server.tokens.other()));
            GraphClient seeder = server.client(server.tokens.attackerWrites());
            ScriptTexts texts = largestTextsAccepted(seeder);
            inParallel(SCRIPTS_WITH_LARGEST_TEXTS, n -> created(seeder, texts.createBody()));

            GraphClient attacker = server.client(server.tokens.attackerReads());
            Answers answers = hammer(AT_ONCE, MEMORY_ATTACK, MOST_ATTACK_REQUESTS, n -> attacker.send("GET",
                    SCRIPTS + (n % 2 == 0 ? "?$top=999" : "?$top=999&$select=id,displayName,description,fileName"),
                    null, HEAD_OF_BODY));

            SoftAssertions soft = new SoftAssertions();
            server.assertEveryoneServedWell(soft, other, answers);
            soft.assertAll();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void expandedListsOfScriptsWithTheLargestAssignmentSetsLeaveTheOtherTenantServed(Database database)
            throws Exception {
        try (Server server = Server.start(database, folders)) {
            OtherTenant other = OtherTenant.start(server.client(server.tokens.other()));
            GraphClient seeder = server.client(server.tokens.attackerWrites());
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            inParallel(TARGETED_SCRIPTS, n -> {
                String id = created(seeder, "{\"displayName\":\"Targeted " + n + "\"}");
                HttpResponse<String> assigned = seeder.post(SCRIPTS + "/" + id + "/assign", largestAssignment(n));
                assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
                ids.add(id);
            });

            GraphClient attacker = server.client(server.tokens.attackerReads());
            Answers answers = hammer(AT_ONCE, MEMORY_ATTACK, MOST_ATTACK_REQUESTS, n -> attacker.send("GET",
                    n % 2 == 0 ? SCRIPTS + "?$top=999&$expand=assignments,groupAssignments"
                            : SCRIPTS + "/" + ids.get(n % ids.size()) + "/assignments",
                    null, HEAD_OF_BODY));

            SoftAssertions soft = new SoftAssertions();
            server.assertEveryoneServedWell(soft, other, answers);
            soft.assertAll();
        }
    }

    @Test
    void createsWithBodiesJustUnderTheLimitAtOnceAreRefusedAndLeaveTheOtherTenantServed() throws Exception {
        try (Server server = Server.start(Database.H2, folders)) {
            OtherTenant other = OtherTenant.start(server.client(server.tokens.other()));
            GraphClient attacker = server.client(server.tokens.attackerWrites());
            byte[] body = justUnderTheBodyLimit();
            Answers answers = hammer(AT_ONCE, LARGE_BODY_ATTACK, MOST_LARGE_BODIES,
                    n -> attacker.send("POST", SCRIPTS, body, HEAD_OF_BODY));

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(answers.statuses().keySet()).as("statuses of creates of %d bytes, by count: %s",
                    body.length, answers.statuses()).isSubsetOf(400, 503);
            server.assertEveryoneServedWell(soft, other, answers);
            soft.assertAll();
        }
    }

    @Test
    void slowHeadersAndSlowBodiesHoldNoWorkSlotAndAreCutOff() throws Exception {
        try (Server server = Server.start(Database.H2, folders, SLOW_CLIENT_DEADLINES)) {
            OtherTenant other = OtherTenant.start(server.client(server.tokens.other()));
            SlowClients slow = new SlowClients(server.port, server.tokens.attackerReads());
            try (slow) {
                slow.hold(SLOW_ATTACK);
            }

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(slow.livedTooLong).as("slow connections (of %d opened, %d cut off) that the server left "
                    + "open for more than %s", slow.opened, slow.cutOff, SLOW_CLIENT_PATIENCE).isZero();
            server.assertEveryoneServedWell(soft, other, slow.answers);
            soft.assertAll();
        }
    }

    @Test
    void deepAndWideExpressionsAreRefusedInGraphsShapeWithoutAStackTraceEach() throws Exception {
        List<Expression> expressions = List.of(
                new Expression("1,000 nested parentheses",
                        "$filter=" + "(".repeat(1_000) + "displayName eq 'a'" + ")".repeat(1_000), Set.of(400)),
                new Expression("not 500 times", "$filter=" + "not ".repeat(500) + "runAs32Bit", Set.of(400)),
                // As long as no URL gets: refused for its length (414) before it is parsed is as good.
                new Expression("an or of 2,000 terms",
                        "$filter=" + String.join(" or ", Collections.nCopies(2_000, "runAs32Bit")), Set.of(400, 414)),
                new Expression("$orderby of 300 keys",
                        "$orderby=" + String.join(",", Collections.nCopies(300, "displayName desc")), Set.of(400)),
                new Expression("$select of 1,000 properties",
                        "$select=" + String.join(",", Collections.nCopies(1_000, "id")), Set.of(400)));
        try (Server server = Server.start(Database.H2, folders)) {
            OtherTenant other = OtherTenant.start(server.client(server.tokens.other()));
            GraphClient attacker = server.client(server.tokens.attackerReads());
            Answers answers = new Answers();
            SoftAssertions soft = new SoftAssertions();
            for (Expression expression : expressions) {
                String query = expression.query().replace(" ", "%20");
                Map<Integer, Integer> statuses = new TreeMap<>();
                Reply notGraphShaped = null;
                for (int repeat = 0; repeat < DEEP_EXPRESSION_REPEATS; repeat++) {
                    for (String path : List.of(SCRIPTS + "?" + query, SCRIPTS + "/$count?" + query)) {
                        HttpResponse<String> answer = attacker.get(path);
                        answers.record(answer);
                        statuses.merge(answer.statusCode(), 1, Integer::sum);
                        if (notGraphShaped == null && !isGraphError(Reply.of(answer))) {
                            notGraphShaped = Reply.of(answer);
                        }
                    }
                }
                soft.assertThat(statuses.keySet()).as("statuses answered to %s, by count: %s", expression.name(),
                        statuses).isSubsetOf(expression.statuses());
                soft.assertThat(notGraphShaped).as("an answer to %s not in Graph's error shape", expression.name())
                        .isNull();
            }

            long stackOverflows = server.jar.output().lines()
                    .filter(line -> line.contains("StackOverflowError")).count();
            soft.assertThat(stackOverflows).as("lines of the jar's output naming StackOverflowError after %d "
                    + "requests", answers.count()).isLessThanOrEqualTo(MOST_STACK_OVERFLOW_LINES);
            server.assertEveryoneServedWell(soft, other, answers);
            soft.assertAll();
        }
    }

    @Test
    void httpSemanticsThatGraphDoesNotHaveAreIgnoredOrRefused() throws Exception {
        try (Server server = Server.start(Database.H2, folders)) {
            OtherTenant other = OtherTenant.start(server.client(server.tokens.other()));
            GraphClient writer = server.client(server.tokens.attackerWrites());
            GraphClient attacker = server.client(server.tokens.attackerReads());
            String reads = "Authorization: Bearer " + server.tokens.attackerReads() + "\r\n";
            String writes = "Authorization: Bearer " + server.tokens.attackerWrites() + "\r\n";
            String host = "Host: 127.0.0.1:" + server.port + "\r\n";
            String id = created(writer, "{\"displayName\":\"Kept\"}");
            created(writer, "{\"displayName\":\"Second, so that a page of one has a next link\"}");
            created(writer, "{\"displayName\":\"Third, so that it still has one if an override deletes\"}");
            SoftAssertions soft = new SoftAssertions();

            // A method override would let a GET through a proxy that allows only GETs delete.
            for (String override : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
                Reply read = RawRequest.send(server.port, "GET " + SCRIPTS + "/" + id + " HTTP/1.1\r\n" + host
                        + writes + override + ": DELETE\r\n", "");
                soft.assertThat(read.status()).as("GET with %s: DELETE: %s", override, read).isEqualTo(200);
            }
            HttpResponse<String> batch = attacker.post("/beta/$batch", """
                    {"requests":[{"id":"1","method":"GET","url":"/deviceManagement/deviceManagementScripts/%s",
                                  "headers":{"X-HTTP-Method-Override":"DELETE"}}]}""".formatted(id));
            soft.assertThat(batch.statusCode()).as("$batch of a GET with an override: %s", batch.body())
                    .isEqualTo(200);
            soft.assertThat(writer.get(SCRIPTS + "/" + id).statusCode()).as("the script after GETs with overrides")
                    .isEqualTo(200);

            // Links are built from the server's own URL, never from what a client says the host is.
            for (String forged : List.of("Host: " + FORGED_HOST + "\r\n",
                    host + "X-Forwarded-Host: " + FORGED_HOST + "\r\nX-Forwarded-Proto: https\r\n",
                    host + "Forwarded: host=" + FORGED_HOST + ";proto=https\r\n")) {
                Reply page = RawRequest.send(server.port, "GET " + SCRIPTS + "?$top=1 HTTP/1.1\r\n" + forged + reads,
                        "");
                soft.assertThat(page.status()).as("a page asked for with %s", forged.strip()).isEqualTo(200);
                soft.assertThat(page.status() == 200 ? page.json().path("@odata.nextLink").asText() : "")
                        .as("the next link of a page asked for with %s", forged.strip())
                        .startsWith("http").doesNotContain(FORGED_HOST);
                String script = "{\"displayName\":\"Created through a forged host\"}";
                Reply create = RawRequest.send(server.port, "POST " + SCRIPTS + " HTTP/1.1\r\n" + forged + writes
                        + "Content-Type: application/json\r\nContent-Length: " + script.length() + "\r\n", script);
                soft.assertThat(create.status()).as("a create sent with %s", forged.strip()).isEqualTo(201);
                soft.assertThat(create.header("Location")).as("the Location of a create sent with %s", forged.strip())
                        .startsWith("http").doesNotContain(FORGED_HOST);
            }

            for (String path : List.of("/beta/%u0041", SCRIPTS + "/%u0041")) {
                assertGraphError(soft, "a malformed escape in the path " + path, RawRequest.send(server.port,
                        "GET " + path + " HTTP/1.1\r\n" + host + reads, ""), Set.of(400));
            }
            assertGraphError(soft, "two Authorization headers", RawRequest.send(server.port,
                    "GET " + SCRIPTS + " HTTP/1.1\r\n" + host + reads + reads, ""), Set.of(400));
            assertGraphError(soft, "an invalid chunk size", RawRequest.send(server.port,
                    "POST /beta/$batch HTTP/1.1\r\n" + host + reads
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
                    "zz\r\n{\"requests\":[]}\r\n0\r\n\r\n"), Set.of(400));
            HttpResponse<String> longInnerUrl = attacker.post("/beta/$batch", """
                    {"requests":[{"id":"1","method":"GET","url":"/deviceManagement/deviceManagementScripts?$filter=%s"},
                                 {"id":"2","method":"GET","url":"/deviceManagement/%%u0041"}]}"""
                    .formatted("displayName eq '" + "a".repeat(40_000) + "'")); // past the 32 KiB of a request head
            soft.assertThat(longInnerUrl.statusCode()).as("$batch of over-long and malformed URLs: %s",
                    abbreviated(longInnerUrl.body())).isEqualTo(200);
            if (longInnerUrl.statusCode() == 200) {
                for (JsonNode response : GraphClient.json(longInnerUrl).path("responses")) {
                    soft.assertThat(response.path("status").asInt()).as("inner answer %s", abbreviated(
                            response.toString())).isIn(response.path("id").asText().equals("1") ? List.of(400, 414)
                            : List.of(400));
                }
            }

            server.assertEveryoneServedWell(soft, other, new Answers());
            soft.assertAll();
        }
    }

    @Test
    void theDataFolderAndEveryFileInItArePrivateWhateverTheUmask() throws Exception {
        try (Server server = Server.start(Database.H2, folders)) {
            OtherTenant other = OtherTenant.start(server.client(server.tokens.other()));
            GraphClient writer = server.client(server.tokens.attackerWrites());
            for (int n = 0; n < 10; n++) { // each assign appends to the journal
                String id = created(writer, "{\"displayName\":\"Private " + n + "\"}");
                assertThat(writer.post(SCRIPTS + "/" + id + "/assign",
                        TargetSets.assign(TargetSets.groups(1, n, 3), List.of())).statusCode()).isEqualTo(204);
            }
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(notPrivate(server.dataFolder)).as("files and folders others may read, while it runs")
                    .isEmpty();
            server.assertEveryoneServedWell(soft, other, new Answers());
            soft.assertThat(server.jar.terminate()).as("exit status on SIGTERM").isZero();
            soft.assertThat(notPrivate(server.dataFolder)).as("files and folders others may read, after it ran")
                    .isEmpty();
            soft.assertAll();
        }
    }

    /** The attacker's server: the jar (with its own data folder) and the tokens of both tenants. */
    private static final class Server implements AutoCloseable {
        private final RunningJar jar;
        private final int port;
        private final Tokens tokens;
        private final Path dataFolder;
        private final PostgresServers postgres;

        private Server(RunningJar jar, Tokens tokens, Path dataFolder, PostgresServers postgres)
                throws InterruptedException {
            this.jar = jar;
            this.port = jar.awaitPort();
            this.tokens = tokens;
            this.dataFolder = dataFolder;
            this.postgres = postgres;
        }

        static Server start(Database database, Path folders) throws Exception {
            return start(database, folders, Map.of());
        }

        /**
         * On H2 the jar creates its data folder and key itself, under {@link #UMASK}, and the tokens are minted from
         * it afterwards; on PostgreSQL the key is minted first and copied into the data folder.
         */
        static Server start(Database database, Path folders, Map<String, String> environment) throws Exception {
            Path dataFolder = folders.resolve("data");
            if (database == Database.POSTGRESQL) {
                assertThat(environment).as("PostgresServers takes no variables of the test's").isEmpty();
                PostgresServers postgres = new PostgresServers(folders);
                try {
                    Tokens tokens = Tokens.mint(postgres::mint);
                    return new Server(postgres.start(dataFolder, JVM_OPTIONS, "--host", "127.0.0.1"), tokens,
                            dataFolder, postgres);
                } catch (Exception | AssertionError e) {
                    postgres.close();
                    throw e;
                }
            }
            RunningJar jar = RunningJar.start(JVM_OPTIONS, UMASK, environment,
                    "--host", "127.0.0.1", "--port", "0", "--data-dir", dataFolder.toString());
            try {
                jar.awaitPort();
                Tokens tokens = Tokens.mint(options -> JarTokens.mint(Stream.concat(Stream.of(options),
                        Stream.of("--data-dir", dataFolder.toString())).toArray(String[]::new)));
                return new Server(jar, tokens, dataFolder, null);
            } catch (Exception | AssertionError e) {
                jar.close();
                throw e;
            }
        }

        GraphClient client(String token) {
            return new GraphClient(port, token);
        }

        /**
         * What must hold after every attack: the other tenant was served well throughout, the attacker got no 500,
         * no OutOfMemoryError was logged, and the health routes say the server is alive and ready.
         */
        void assertEveryoneServedWell(SoftAssertions soft, OtherTenant other, Answers attacker)
                throws InterruptedException {
            other.stop();
            soft.assertThat(other.failures).as("of the other tenant's %d requests in %d rounds, those that failed "
                    + "(%d in all; the server's log ends:%n%s)", other.requests, other.rounds, other.failed,
                    applicationLogEnd()).isEmpty();
            soft.assertThat(other.rounds).as("rounds of the other tenant's reads and assigns").isPositive();
            soft.assertThat(attacker.wrong).as("the attacker's answers that were neither 2xx, 4xx nor 503 with "
                    + "Retry-After, or none (%d in all; statuses of %d answers: %s)", attacker.wrongCount.get(),
                    attacker.count(), attacker.statuses()).isEmpty();
            soft.assertThat(jar.output().lines().filter(line -> line.contains("OutOfMemoryError")).count())
                    .as("lines of the jar's output naming OutOfMemoryError").isZero();
            GraphClient anyone = client(tokens.other());
            soft.assertThat(statusOf(() -> anyone.get("/healthz"))).as("/healthz after the attack (-1: no answer)")
                    .isEqualTo(200);
            soft.assertThat(statusOf(() -> anyone.get("/readyz"))).as("/readyz after the attack (-1: no answer)")
                    .isEqualTo(200);
            other.assertLastAcknowledgedAssignsKept(soft);
        }

        /** The last lines of the application log, without the access log's lines or stack traces. */
        private String applicationLogEnd() {
            List<String> lines = jar.output().lines().filter(line -> LOG_LINE.matcher(line).lookingAt()).toList();
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }

        @Override
        public void close() {
            jar.close();
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** A query option a hostile client sends, and the statuses it may be answered. */
    private record Expression(String name, String query, Set<Integer> statuses) {
    }

    /** Mints a token of the server's key with these token-command options. */
    @FunctionalInterface
    private interface Minter {
        String mint(String... options) throws InterruptedException;
    }

    /** The tokens of the attacks: the attacker's to read (read-only) and to seed, and the other tenant's. */
    private record Tokens(String attackerReads, String attackerWrites, String other) {
        /** Mints the three at once, each being a JVM to start. */
        static Tokens mint(Minter minter) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                Future<String> reads = threads.submit(() -> minter.mint("--tenant", ATTACKER_TENANT,
                        "--scopes", READ_ONLY));
                Future<String> writes = threads.submit(() -> minter.mint("--tenant", ATTACKER_TENANT));
                Future<String> other = threads.submit(() -> minter.mint("--tenant", OTHER_TENANT));
                return new Tokens(reads.get(PATIENCE.toSeconds(), SECONDS), writes.get(PATIENCE.toSeconds(), SECONDS),
                        other.get(PATIENCE.toSeconds(), SECONDS));
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /**
     * The other tenant: reads and assigns its own scripts, one request after another, in the background, as a tenant
     * sharing the server with an attacker does. It keeps what failed, and for each script the groups of its last
     * acknowledged assign and of an assign since that went unanswered, to check that nothing acknowledged is lost.
     */
    private static final class OtherTenant {
        private static final int SCRIPTS_OF_ITS_OWN = 3;
        private static final int SENDER = 77;
        private static final int FAILURES_KEPT = 5;

        private final GraphClient graph;
        private final List<String> scripts = new ArrayList<>();
        private final Map<String, Set<String>> acknowledged = new HashMap<>();
        private final Map<String, Set<String>> unsure = new HashMap<>();
        private final List<String> failures = new ArrayList<>();
        private final Thread loop = new Thread(this::readAndAssign, "other-tenant");
        private volatile boolean stopping;
        private int requests;
        private int failed;
        private int rounds;

        private OtherTenant(GraphClient graph) {
            this.graph = graph;
        }

        static OtherTenant start(GraphClient graph) {
            OtherTenant tenant = new OtherTenant(graph);
            for (int n = 0; n < SCRIPTS_OF_ITS_OWN; n++) {
                String id = created(graph, "{\"displayName\":\"Other tenant's " + n + "\"}");
                tenant.scripts.add(id);
                tenant.acknowledged.put(id, Set.of());
            }
            tenant.loop.setDaemon(true);
            tenant.loop.start();
            return tenant;
        }

        void stop() throws InterruptedException {
            stopping = true;
            loop.join(PATIENCE.toMillis());
            assertThat(loop.isAlive()).as("the other tenant's loop still running").isFalse();
        }

        void assertLastAcknowledgedAssignsKept(SoftAssertions soft) {
            for (String id : scripts) {
                HttpResponse<String> assignments;
                try {
                    assignments = graph.get(SCRIPTS + "/" + id + "/assignments");
                } catch (UncheckedIOException noAnswer) {
                    soft.fail("no answer to a read of the other tenant's assignments: " + noAnswer.getMessage());
                    return;
                }
                if (assignments.statusCode() != 200) {
                    soft.fail("a read of the other tenant's assignments answered %d %s", assignments.statusCode(),
                            abbreviated(assignments.body()));
                    return;
                }
                Set<String> stored = new HashSet<>();
                GraphClient.json(assignments).path("value").forEach(
                        assignment -> stored.add(assignment.get("id").asText().substring(id.length() + 1)));
                List<Set<String>> candidates = unsure.containsKey(id)
                        ? List.of(acknowledged.get(id), unsure.get(id)) : List.of(acknowledged.get(id));
                soft.assertThat(stored).as("groups assigned to the other tenant's script %s", id).isIn(candidates);
            }
        }

        private void readAndAssign() {
            for (int round = 0; !stopping; round++) {
                String id = scripts.get(round % scripts.size());
                List<String> groups = TargetSets.groups(SENDER, round, 1 + round % 3);
                boolean served = succeeded("GET a page", () -> graph.get(SCRIPTS + "?$top=10"), 200)
                        && succeeded("GET a script", () -> graph.get(SCRIPTS + "/" + id), 200)
                        && assigned(id, groups);
                if (served) {
                    rounds++;
                } else {
                    pause(); // a server that is down answers at once: no need to count a thousand refusals
                }
            }
        }

        private boolean assigned(String id, List<String> groups) {
            unsure.put(id, Set.copyOf(groups));
            if (!succeeded("POST an assign", () -> graph.post(SCRIPTS + "/" + id + "/assign",
                    TargetSets.assign(groups, List.of())), 204)) {
                return false;
            }
            acknowledged.put(id, unsure.remove(id));
            return true;
        }

        private boolean succeeded(String request, Supplier<HttpResponse<String>> send, int expected) {
            requests++;
            String failure;
            try {
                HttpResponse<String> answer = send.get();
                if (answer.statusCode() == expected) {
                    return true;
                }
                failure = request + " answered " + answer.statusCode() + " " + abbreviated(answer.body());
            } catch (UncheckedIOException noAnswer) {
                failure = request + ": no answer: " + noAnswer.getMessage();
            }
            if (failed++ < FAILURES_KEPT) {
                failures.add(failure);
            }
            return false;
        }

        private static void pause() {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@code atOnce} clients each send requests (given a running number) one after another, until {@code duration}
     * has passed or {@code most} were sent; a client stops at its first request that gets no answer.
     */
    private static Answers hammer(int atOnce, Duration duration, int most, IntFunction<HttpResponse<String>> request)
            throws InterruptedException {
        Answers answers = new Answers();
        AtomicInteger sent = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(atOnce);
        for (int client = 0; client < atOnce; client++) {
            clients.execute(() -> {
                for (int n = sent.getAndIncrement(); n < most && System.nanoTime() < end; n = sent.getAndIncrement()) {
                    try {
                        answers.record(request.apply(n));
                    } catch (UncheckedIOException noAnswer) {
                        answers.wrong("no answer: " + noAnswer.getMessage());
                        return;
                    }
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(duration.plus(PATIENCE).toSeconds(), SECONDS)) {
            clients.shutdownNow();
            answers.wrong("requests still unanswered " + PATIENCE.toSeconds() + " s after the attack");
        }
        return answers;
    }

    /** What the attacker was answered: a count per status, and the first few answers no attack may get. */
    private static final class Answers {
        private static final int WRONG_KEPT = 5;

        private final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
        private final List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger wrongCount = new AtomicInteger();

        void record(HttpResponse<String> answer) {
            record(answer.statusCode(), answer.headers().firstValue("Retry-After").isPresent(),
                    () -> answer.request().method() + " " + abbreviated(answer.uri().toString()) + " answered "
                            + answer.statusCode() + " " + abbreviated(answer.body()));
        }

        /** An answer is wrong when a server error other than a 503 that says when to retry. */
        void record(int status, boolean retryAfter, Supplier<String> description) {
            statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
            if (status >= 500 && !(status == 503 && retryAfter)) {
                wrong(description.get());
            }
        }

        void wrong(String description) {
            if (wrongCount.incrementAndGet() <= WRONG_KEPT) {
                wrong.add(description);
            }
        }

        Map<Integer, Integer> statuses() {
            return statuses.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get(), (a, b) -> a,
                            TreeMap::new));
        }

        int count() {
            return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    /**
     * Connections that send the rest of their request one byte every {@link #TRICKLE}, half of them in the headers
     * and half in the body of a $batch, each replaced by a new one when the server cuts it off, so that as many stay
     * open all the time. The attacker's token is in every request's head.
     */
    private static final class SlowClients implements AutoCloseable {
        private final int port;
        private final String token;
        private final List<Slow> open = new ArrayList<>();
        private final Answers answers = new Answers();
        private int opened;
        private int cutOff;
        private int livedTooLong;

        /** One slow connection: what it has still to send, and what the server answered so far. */
        private record Slow(SocketChannel channel, ByteBuffer rest, long openedAt, ByteArrayOutputStream answer,
                            boolean inBody) {
        }

        SlowClients(int port, String token) {
            this.port = port;
            this.token = token;
        }

        /** Opens the connections and keeps them trickling for {@code duration}. */
        void hold(Duration duration) throws IOException, InterruptedException {
            for (int n = 0; n < SLOW_CONNECTIONS_EACH; n++) {
                open.add(connect(false));
                open.add(connect(true));
            }
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                for (ListIterator<Slow> each = open.listIterator(); each.hasNext(); ) {
                    Slow slow = each.next();
                    if (!trickled(slow)) {
                        cut(slow);
                        if (opened < MOST_SLOW_CONNECTIONS) {
                            each.set(connect(slow.inBody()));
                        } else {
                            each.remove();
                        }
                    }
                }
                Thread.sleep(TRICKLE.toMillis());
            }
        }

        /** Reads what the server sent and sends one more byte; false when the server has closed the connection. */
        private static boolean trickled(Slow slow) {
            ByteBuffer answered = ByteBuffer.allocate(4096);
            try {
                for (int read = slow.channel().read(answered); read != 0; read = slow.channel().read(answered)) {
                    if (read < 0) {
                        return false;
                    }
                    slow.answer().write(answered.array(), 0, answered.position());
                    answered.clear();
                }
                if (slow.rest().hasRemaining()) {
                    slow.channel().write(slow.rest().slice(slow.rest().position(), 1));
                    slow.rest().position(slow.rest().position() + 1);
                }
                return true;
            } catch (IOException reset) {
                return false;
            }
        }

        private void cut(Slow slow) {
            cutOff++;
            if (System.nanoTime() - slow.openedAt() > SLOW_CLIENT_PATIENCE.toNanos()) {
                livedTooLong++;
            }
            String answer = slow.answer().toString(StandardCharsets.ISO_8859_1);
            if (answer.startsWith("HTTP/1.1 ")) {
                answers.record(Integer.parseInt(answer.substring(9, 12)), answer.contains("\r\nRetry-After:"),
                        () -> (slow.inBody() ? "a slow body" : "slow headers") + " answered " + abbreviated(answer));
            }
            close(slow);
        }

        private Slow connect(boolean inBody) throws IOException {
            opened++;
            String head = "Host: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token + "\r\n";
            String sentAtOnce;
            String trickled;
            if (inBody) {
                String batch = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/deviceManagement/"
                        + "deviceManagementScripts\"}]}" + " ".repeat(1_000);
                sentAtOnce = "POST /beta/$batch HTTP/1.1\r\n" + head + "Content-Type: application/json\r\n"
                        + "Content-Length: " + batch.length() + "\r\n\r\n";
                trickled = batch;
            } else {
                sentAtOnce = "GET " + SCRIPTS + " HTTP/1.1\r\n" + head;
                trickled = "X-Slow: " + "a".repeat(1_000) + "\r\n\r\n";
            }
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(sentAtOnce.getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
            return new Slow(channel, ByteBuffer.wrap(trickled.getBytes(StandardCharsets.US_ASCII)), System.nanoTime(),
                    new ByteArrayOutputStream(), inBody);
        }

        /** Counts the connections still open that the server should have cut off by now, and closes them all. */
        @Override
        public void close() {
            for (Slow slow : open) { // each was still open at the last trickle
                if (System.nanoTime() - slow.openedAt() > SLOW_CLIENT_PATIENCE.toNanos()) {
                    livedTooLong++;
                }
                close(slow);
            }
        }

        private static void close(Slow slow) {
            try {
                slow.channel().close();
            } catch (IOException e) {
                // closed either way
            }
        }
    }

    /** The answer has one of these statuses and Graph's error shape, naming the request-id of its header. */
    private static void assertGraphError(SoftAssertions soft, String request, Reply reply, Set<Integer> statuses) {
        soft.assertThat(reply.status()).as("status of %s: %s", request, reply).isIn(statuses);
        soft.assertThat(isGraphError(reply)).as("Graph's error shape for %s: %s", request, reply).isTrue();
    }

    private static boolean isGraphError(Reply reply) {
        if (reply.header("Content-Type") == null || !reply.header("Content-Type").startsWith("application/json")) {
            return false;
        }
        JsonNode error;
        try {
            error = reply.json().path("error");
        } catch (UncheckedIOException notJson) {
            return false;
        }
        return !error.path("code").asText().isBlank() && !error.path("message").asText().isBlank()
                && error.path("innerError").path("request-id").asText().equals(reply.header("request-id"));
    }

    /**
     * An assign of {@link #TARGETS_EACH} groups, every other one through an assignment filter, so that both
     * assignments and groupAssignments (the groups without a filter) are large.
     */
    private static String largestAssignment(int script) {
        List<String> groups = TargetSets.groups(script, 0, TARGETS_EACH);
        String filter = ",\"deviceAndAppManagementAssignmentFilterId\":\"" + FILTER
                + "\",\"deviceAndAppManagementAssignmentFilterType\":\"include\"";
        return IntStream.range(0, groups.size())
                .mapToObj(n -> "{\"target\":{\"@odata.type\":\"#microsoft.graph.groupAssignmentTarget\",\"groupId\":\""
                        + groups.get(n) + "\"" + (n % 2 == 0 ? "" : filter) + "}}")
                .collect(Collectors.joining(",", "{\"deviceManagementScriptAssignments\":[", "]}"));
    }

    /** A create whose description makes the body 64 bytes shorter than --max-body-bytes' default. */
    private static byte[] justUnderTheBodyLimit() {
        String skeleton = "{\"displayName\":\"Just under the limit\",\"description\":\"%s\"}";
        int room = MAX_BODY_BYTES - 64 - skeleton.length();
        String description = "語".repeat(room / 3) + "a".repeat(room % 3);
        byte[] body = skeleton.formatted(description).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isEqualTo(MAX_BODY_BYTES - 64 - 2);
        return body;
    }

    /** The lengths of texts the server takes: those tried first if it takes them, else the documented limits. */
    private static ScriptTexts largestTextsAccepted(GraphClient seeder) {
        if (seeder.post(SCRIPTS, TRIED_TEXTS.createBody()).statusCode() == 201) {
            return TRIED_TEXTS;
        }
        created(seeder, DOCUMENTED_TEXTS.createBody());
        return DOCUMENTED_TEXTS;
    }

    /** Lengths, in characters, of the texts of a script. */
    private record ScriptTexts(int displayName, int description, int fileName) {
        String createBody() {
            return "{\"displayName\":\"%s\",\"description\":\"%s\",\"fileName\":\"%s.ps1\"}".formatted(
                    text(displayName), text(description), text(fileName - ".ps1".length()));
        }

        private static String text(int length) {
            return NON_LATIN_1.repeat(length / NON_LATIN_1.length() + 1).substring(0, length);
        }
    }

    private static String created(GraphClient graph, String body) {
        HttpResponse<String> created = graph.post(SCRIPTS, body);
        assertThat(created.statusCode()).as("create: %s", abbreviated(created.body())).isEqualTo(201);
        return GraphClient.json(created).get("id").asText();
    }

    /** Runs {@code step} for 0 to count - 1 on a few threads, as a client seeding data would. */
    private static void inParallel(int count, IntConsumer step) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(SEEDING_THREADS);
        try {
            List<Future<?>> steps = IntStream.range(0, count)
                    .<Future<?>>mapToObj(n -> threads.submit(() -> step.accept(n))).toList();
            for (Future<?> done : steps) {
                done.get(PATIENCE.toSeconds(), SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static int statusOf(Supplier<HttpResponse<String>> request) {
        try {
            return request.get().statusCode();
        } catch (UncheckedIOException noAnswer) {
            return -1;
        }
    }

    /** The folders of {@code folder} (itself included) not 0700 and the files in them not 0600, with their modes. */
    private static List<String> notPrivate(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.map(path -> {
                String mode = mode(path);
                boolean fine = mode == null || mode.equals(Files.isDirectory(path) ? "rwx------" : "rw-------");
                return fine ? null : path.getFileName() + " " + mode;
            }).filter(Objects::nonNull).toList();
        }
    }

    /** Its permissions as ls shows them; null for a file gone meanwhile, as a journal file the writer covered. */
    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException gone) {
            return null;
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
    }
}
