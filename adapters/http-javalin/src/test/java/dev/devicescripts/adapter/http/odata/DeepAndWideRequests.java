package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphShaped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.adapter.http.support.RawHttp.RawReply;
import dev.devicescripts.application.collections.ScriptCollection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Query options nested thousands deep and chained hundreds long ($filter with parentheses, 'not' chains, long 'and'
 * and 'or' chains and many functions; $orderby, $select and $expand with hundreds of items), alone and inside a
 * $batch, and random bytes in paths and bodies, sent over a socket to a running server: every answer is a success or
 * Graph's error shape with a 4xx status, never a 5xx or a dropped connection. A subclass supplies the server, so the
 * same properties hold over each store: DeepAndWideRequestsTest in memory, bootstrap's DeepAndWideRequestsOnH2Test on
 * H2, whose SQL parser recurses too. Tries are few enough that a class runs in seconds.
 */
public abstract class DeepAndWideRequests {
    private static final String SCRIPTS = "/beta/deviceManagement/deviceManagementScripts";
    private static final String SEED = "{seed}";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Layers of nesting alone, and of every kind: far beyond every limit, yet mostly within a URL the server reads. */
    private static final int MAX_NESTING = 3_000;
    private static final int MAX_MIXED = 300;

    /** The script the paths name as {@value SEED}, created on first use. */
    private String seed;

    /** The port of the running server. */
    protected abstract int port();

    /** A token the server accepts, with permission to read and write the tenant's scripts. */
    protected abstract String bearerToken();

    /** One step outwards from an expression: {@code %s} stands for the expression so far, LEAF for a leaf. */
    enum Layer {
        NOT("not %s"), NOT_GROUPED("not(%s)"), GROUPED("(%s)"), AND_LEAF("%s and LEAF"), LEAF_OR("LEAF or %s"),
        AND_NOT_LEAF("%s and not LEAF"), AND_FUNCTION("%s and contains(description,'x')");

        private final String pattern;

        Layer(String pattern) {
            this.pattern = pattern;
        }

        String around(String expression, String leaf) {
            return pattern.replace("LEAF", leaf).formatted(expression);
        }
    }

    @Property(tries = 200)
    public void deepAndWideQueriesAreAnsweredOrRefusedInGraphsShape(@ForAll("readablePaths") String path,
                                                                    @ForAll("queries") String query) {
        checked(RawHttp.exchangeOrFail(port(), "GET", bytes(path.replace(SEED, seed()) + "?" + query),
                List.of(authorization()), new byte[0]), "GET " + path + "?" + query);
    }

    @Property(tries = 40)
    public void deepAndWideQueriesInABatchAreAnsweredOrRefusedInGraphsShape(@ForAll("innerQueries") List<String> urls) {
        ArrayNode requests = MAPPER.createArrayNode();
        for (int i = 0; i < urls.size(); i++) {
            requests.addObject().put("id", Integer.toString(i + 1)).put("method", "GET").put("url", urls.get(i));
        }
        ObjectNode batch = MAPPER.createObjectNode().set("requests", requests);
        RawReply reply = RawHttp.exchangeOrFail(port(), "POST", bytes("/beta/$batch"),
                List.of(authorization(), RawHttp.header("Content-Type", "application/json")), bytes(batch.toString()));

        checked(reply, "$batch of " + urls);
        if (reply.status() == 200) {
            for (JsonNode response : json(reply.body()).get("responses")) {
                assertThat(response.get("status").asInt()).as("%s in a batch of %s", response, urls)
                        .isBetween(200, 499);
                if (response.get("status").asInt() >= 400) {
                    assertThat(response.at("/body/error/code").asText()).as("%s", response).isNotBlank();
                    assertThat(response.at("/body/error/innerError/request-id").asText()).as("%s", response)
                            .isNotBlank();
                }
            }
        }
    }

    @Property(tries = 100)
    public void randomBytesInAPathAreAnsweredOrRefusedInGraphsShape(@ForAll("pathPrefixes") String prefix,
                                                                   @ForAll("pathBytes") byte[] path) {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        target.writeBytes(bytes(prefix.replace(SEED, seed())));
        target.writeBytes(path);
        checked(RawHttp.exchangeOrFail(port(), "GET", target.toByteArray(), List.of(authorization()), new byte[0]),
                "GET " + prefix + " and bytes " + Arrays.toString(path));
    }

    @Property(tries = 100)
    public void randomBytesInABodyAreRefusedInGraphsShape(@ForAll("writes") List<String> write,
                                                         @ForAll("bodies") byte[] body) {
        String method = write.get(0);
        String path = write.get(1).replace(SEED, seed());
        RawReply reply = RawHttp.exchangeOrFail(port(), method, bytes(path),
                List.of(authorization(), RawHttp.header("Content-Type", "application/json")), body);

        checked(reply, method + " " + path + " with bytes " + Arrays.toString(body));
        assertThat(reply.status()).as("%s %s answered %s", method, path, reply).isGreaterThanOrEqualTo(400);
    }

    /**
     * The worst the limits let through, which becomes the most deeply nested SQL: nots to the depth limit around a
     * chain of comparisons of an optional property (each two conditions in SQL) that takes every node left, and
     * parentheses nested to the limit to the right, each around an 'or'.
     */
    @Example
    public void theDeepestAndWidestFiltersWithinTheLimitsAreAnswered() {
        int depth = QueryLimits.MAX_FILTER_DEPTH;
        int comparisons = (QueryLimits.MAX_FILTER_NODES - (depth - 1) + 1) / 2; // and one 'or' fewer
        String chain = String.join(" or ", Collections.nCopies(comparisons, "description ne 'x'"));
        String nottedChain = "not ".repeat(depth - 1) + "(" + chain + ")";
        String rightDeep = "description eq 'x' or (".repeat(depth) + "runAs32Bit" + ")".repeat(depth);
        for (String filter : List.of(nottedChain, rightDeep)) {
            for (String query : List.of("/$count?$filter=" + encoded(filter),
                    "?$orderby=displayName%20desc&$filter=" + encoded(filter))) {
                RawReply reply = RawHttp.exchangeOrFail(port(), "GET", bytes(SCRIPTS + query),
                        List.of(authorization()), new byte[0]);
                assertThat(reply.status()).as("GET %s answered %s", query, reply).isEqualTo(200);
            }
        }
    }

    /** The property itself: a success, or a 4xx in Graph's shape. */
    private static void checked(RawReply reply, String request) {
        assertThat(reply.status()).as("%s answered %s", request, reply).isBetween(200, 499);
        if (reply.status() >= 400) {
            assertGraphShaped(reply);
        }
    }

    @Provide
    public Arbitrary<String> readablePaths() {
        return Arbitraries.frequency(Tuple.of(6, SCRIPTS), Tuple.of(2, SCRIPTS + "/$count"),
                Tuple.of(1, SCRIPTS + "/" + SEED), Tuple.of(1, SCRIPTS + "/" + SEED + "/assignments"),
                Tuple.of(1, SCRIPTS + "/" + SEED + "/groupAssignments"));
    }

    @Provide
    public Arbitrary<String> queries() {
        Arbitrary<String> others = Arbitraries.of("$top=1", "$top=999999", "$skip=3", "$count=true",
                "$orderby=displayName", "$select=id", "$expand=assignments");
        return Arbitraries.frequencyOf(Tuple.of(3, option()), Tuple.of(1, others)).list().ofMinSize(1).ofMaxSize(3)
                .map(options -> String.join("&", options));
    }

    @Provide
    public Arbitrary<List<String>> innerQueries() {
        return Arbitraries.frequencyOf(Tuple.of(2, option()), Tuple.of(1, Arbitraries.just("$top=1")))
                .map(query -> "/deviceManagement/deviceManagementScripts?" + query).list().ofMinSize(1).ofMaxSize(3);
    }

    /** One deep or wide option, URL-encoded but for the characters a query may hold as they are. */
    private static Arbitrary<String> option() {
        return Arbitraries.oneOf(filters().map(filter -> "$filter=" + encoded(filter)),
                items(Arbitraries.of("displayName", "createdDateTime desc", "lastModifiedDateTime asc", "displayName",
                        "displayName sideways", "nope", "", " ")).map(items -> "$orderby=" + encoded(items)),
                items(Arbitraries.of(ScriptCollection.SCRIPTS.properties().stream().map(property -> property.name())
                        .toArray(String[]::new))
                        .injectDuplicates(0.5)).map(items -> "$select=" + encoded(items)),
                items(Arbitraries.of("assignments", "groupAssignments", "assignments($select=id)", "x", ""))
                        .map(items -> "$expand=" + encoded(items)));
    }

    /** Up to hundreds of comma-separated items. */
    private static Arbitrary<String> items(Arbitrary<String> item) {
        return item.list().ofMaxSize(400).withSizeDistribution(RandomDistribution.uniform())
                .map(items -> String.join(",", items));
    }

    /**
     * A leaf wrapped in layers, built without recursion so that no depth strains the test: nested only (parentheses
     * and nots, thousands deep), or of every kind (hundreds, as each adds more text), or a long chain of leaves.
     */
    private static Arbitrary<String> filters() {
        Arbitrary<String> leaf = Arbitraries.of("displayName eq 'Seed'", "runAs32Bit", "contains(description,'x')",
                "startswith(displayName,'S')", "createdDateTime gt 2026-01-01T00:00:00Z", "description eq null",
                "not enforceSignatureCheck", "eq", "(", ")", "'");
        Arbitrary<List<Layer>> nesting = Arbitraries.of(Layer.NOT, Layer.NOT_GROUPED, Layer.GROUPED).list()
                .ofMaxSize(MAX_NESTING).withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<List<Layer>> mixed = Arbitraries.of(Layer.class).list().ofMaxSize(MAX_MIXED)
                .withSizeDistribution(RandomDistribution.uniform());
        Arbitrary<String> chain = Combinators.combine(leaf.list().ofMinSize(1).ofMaxSize(MAX_MIXED),
                Arbitraries.of(" and ", " or ")).as((leaves, joint) -> String.join(joint, leaves));
        return Arbitraries.oneOf(wrapped(leaf, nesting), wrapped(leaf, mixed), chain);
    }

    private static Arbitrary<String> wrapped(Arbitrary<String> leaf, Arbitrary<List<Layer>> layers) {
        return Combinators.combine(leaf, layers, leaf).as((inner, around, other) -> {
            String expression = inner;
            for (Layer layer : around) {
                expression = layer.around(expression, other);
            }
            return expression;
        });
    }

    @Provide
    public Arbitrary<String> pathPrefixes() {
        return Arbitraries.of("/", "/beta/", SCRIPTS + "/", SCRIPTS + "/" + SEED + "/", SCRIPTS + "?$filter=",
                SCRIPTS + "?$select=", "/beta/$batch/");
    }

    /** Any bytes but those that end the request target (space, CR, LF). */
    @Provide
    public Arbitrary<byte[]> pathBytes() {
        return Arbitraries.bytes().filter(b -> b != ' ' && b != '\r' && b != '\n').array(byte[].class)
                .ofMaxSize(300);
    }

    @Provide
    public Arbitrary<List<String>> writes() {
        return Arbitraries.of(List.of("POST", SCRIPTS), List.of("PATCH", SCRIPTS + "/" + SEED),
                List.of("POST", SCRIPTS + "/" + SEED + "/assign"), List.of("POST", "/beta/$batch"));
    }

    /** Random bytes, alone or after the start of a JSON object. */
    @Provide
    public Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        return Combinators.combine(Arbitraries.of("", "{", "{\"displayName\":\"", "{\"requests\":[{\"id\":\"1\","),
                random).as((start, rest) -> {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    body.writeBytes(bytes(start));
                    body.writeBytes(rest);
                    return body.toByteArray();
                });
    }

    private String seed() {
        if (seed == null) {
            RawReply created = RawHttp.exchangeOrFail(port(), "POST", bytes(SCRIPTS),
                    List.of(authorization(), RawHttp.header("Content-Type", "application/json")),
                    bytes("{\"displayName\":\"Seed\",\"description\":\"x\"}"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            seed = json(created.body()).get("id").asText();
        }
        return seed;
    }

    private byte[] authorization() {
        return RawHttp.header("Authorization", "Bearer " + bearerToken());
    }

    /**
     * As a client encodes a query value, with the characters a query may hold as they are left so, to keep it short.
     */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%28", "(").replace("%29", ")")
                .replace("%27", "'").replace("%2C", ",").replace("%3A", ":");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
