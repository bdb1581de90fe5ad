package dev.devicescripts.adapter.http.graph;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphShaped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.adapter.http.support.RawHttp.RawReply;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated and mutated requests at the real server: whatever a client sends, the answer is a success or Graph's
 * error shape with a 4xx status, never a 5xx or a dropped connection, and a refusal changes no stored data.
 * One server serves every try; {@code {seed}} in a generated request stands for a script that has assignments.
 */
class HostileRequestsTest {
    private static final String SEED = "{seed}";
    private static final String GROUP = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String EXCLUDED_GROUP = "aaaaaaaa-0000-4000-8000-000000000002";
    private static final String FILTER = "ffffffff-0000-4000-8000-000000000001";
    private static final String CREATE_BODY = """
            {"displayName":"Hostile","description":"d","scriptContent":"V3JpdGUtSG9zdCBoaQ==","fileName":"a.ps1",
             "runAsAccount":"system","enforceSignatureCheck":false,"runAs32Bit":true,"roleScopeTagIds":["0"]}""";
    private static final String ASSIGN_BODY = """
            {"deviceManagementScriptGroupAssignments":[{"targetGroupId":"%s"}],
             "deviceManagementScriptAssignments":[
               {"target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget","groupId":"%s"}},
               {"target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget",
                          "deviceAndAppManagementAssignmentFilterId":"%s",
                          "deviceAndAppManagementAssignmentFilterType":"include"}}]}"""
            .formatted(GROUP, EXCLUDED_GROUP, FILTER);
    private static final String PATCH_BODY = "{\"displayName\":\"Renamed\",\"runAsAccount\":\"user\"}";
    /** The writes that take a body, each with a valid body to mutate. */
    private static final List<Write> WRITES = List.of(new Write("POST", SCRIPTS, CREATE_BODY),
            new Write("POST", SCRIPTS + "/" + SEED + "/assign", ASSIGN_BODY),
            new Write("PATCH", SCRIPTS + "/" + SEED, PATCH_BODY));

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static GraphApi api;
    private static String seed;

    record Write(String method, String path, String body) {
    }

    /** One change to a JSON body: {@code where} picks a property among all of the body's properties. */
    record Mutation(Kind kind, int where, String name, String rawValue) {
        enum Kind { DROP, RENAME, REPLACE_VALUE, ADD }
    }

    /** Damage to the bytes of the body after it is written. */
    record Damage(Kind kind, int where) {
        enum Kind { NONE, TRUNCATE, INVALID_UTF8, DUPLICATE_FIRST_PROPERTY }
    }

    @BeforeContainer
    static void start() {
        api = GraphApi.start();
        seed = newSeed();
    }

    @AfterContainer
    static void stop() {
        api.close();
    }

    @Property(tries = 250)
    void mutatedBodiesAreAnsweredOrRefusedInGraphsShape(@ForAll("writes") Write write,
                                                        @ForAll("mutations") List<Mutation> mutations,
                                                        @ForAll("damage") Damage damage) {
        byte[] body = damaged(mutated(write.body(), mutations), damage);
        exchangeAndCheck(write.method(), write.path(), List.of(RawHttp.header("Content-Type", "application/json")),
                body);
    }

    @Property(tries = 150)
    void hostileHeadersAreAnsweredOrRefusedInGraphsShape(@ForAll("writes") Write write,
                                                         @ForAll("headers") List<String> headers) {
        List<byte[]> lines = headers.stream().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
        exchangeAndCheck(write.method(), write.path(), lines, write.body().getBytes(StandardCharsets.UTF_8), false);
    }

    @Property(tries = 200)
    void hostilePathsAreAnsweredOrRefusedInGraphsShape(@ForAll("methods") String method,
                                                       @ForAll("paths") String path) {
        exchangeAndCheck(method, path, List.of(RawHttp.header("Content-Type", "application/json")),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void hostileQueriesAreAnsweredOrRefusedInGraphsShape(@ForAll("readablePaths") String path,
                                                         @ForAll("queries") String query) {
        exchangeAndCheck("GET", path + "?" + query, List.of(), new byte[0]);
    }

    private static void exchangeAndCheck(String method, String target, List<byte[]> headers, byte[] body) {
        exchangeAndCheck(method, target, headers, body, true);
    }

    /** The property itself: sends the request (with the admin's token unless told not to) and checks the answer. */
    private static void exchangeAndCheck(String method, String target, List<byte[]> headers, byte[] body,
                                         boolean withToken) {
        List<byte[]> allHeaders = new ArrayList<>(headers);
        if (withToken) {
            allHeaders.add(RawHttp.header("Authorization", "Bearer " + GraphApi.ADMIN_TOKEN));
        }
        JsonNode before = snapshot();
        RawReply reply = RawHttp.exchangeOrFail(api.server().port(), method,
                target.replace(SEED, seed).getBytes(StandardCharsets.UTF_8), allHeaders, body);

        assertThat(reply.status()).as("%s %s answered %s", method, escaped(target), reply).isBetween(200, 499);
        assertThat(reply.status()).as("%s %s answered %s", method, escaped(target), reply)
                .isNotIn(300, 301, 302, 303, 304, 307, 308);
        if (reply.status() >= 400) {
            assertGraphShaped(reply);
            assertThat(snapshot()).as("stored data after %s %s answered %s", method, target, reply).isEqualTo(before);
        } else {
            tidyAfterSuccess(method, reply);
        }
    }

    /** The target with every character outside printable ASCII as a Java escape, for a readable failure. */
    private static String escaped(String target) {
        StringBuilder readable = new StringBuilder();
        target.chars().forEach(c -> readable.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return readable.toString();
    }

    /** Keeps the store small and the seed present, so that every try starts from the same kind of tenant. */
    private static void tidyAfterSuccess(String method, RawReply reply) {
        if (reply.status() == 201 && reply.header("Location") != null) {
            assertThat(api.delete(URI.create(reply.header("Location")).getRawPath()).status()).isEqualTo(204);
        }
        if (method.equals("DELETE") && api.get(SCRIPTS + "/" + seed).status() == 404) {
            seed = newSeed();
        }
    }

    private static String newSeed() {
        String id = api.createScript("Seed");
        assertThat(api.post(SCRIPTS + "/" + id + "/assign", ASSIGN_BODY).status()).isEqualTo(204);
        return id;
    }

    /** Every script of the tenant as a client reads it, with its assignment sets. */
    private static JsonNode snapshot() {
        ArrayNode scripts = MAPPER.createArrayNode();
        for (JsonNode listed : api.get(SCRIPTS).json().get("value")) {
            scripts.add(api.get(SCRIPTS + "/" + listed.get("id").asText()
                    + "?$expand=assignments,groupAssignments").json());
        }
        return scripts;
    }

    private static String mutated(String validBody, List<Mutation> mutations) {
        try {
            ObjectNode body = (ObjectNode) MAPPER.readTree(validBody);
            mutations.forEach(mutation -> apply(mutation, body));
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void apply(Mutation mutation, ObjectNode body) {
        List<Map.Entry<ObjectNode, String>> properties = new ArrayList<>();
        collectProperties(body, properties);
        if (properties.isEmpty()) {
            body.putRawValue(mutation.name(), new RawValue(mutation.rawValue()));
            return;
        }
        Map.Entry<ObjectNode, String> picked = properties.get(mutation.where() % properties.size());
        ObjectNode owner = picked.getKey();
        String name = picked.getValue();
        switch (mutation.kind()) {
            case DROP -> owner.remove(name);
            case RENAME -> owner.set(mutation.name(), owner.remove(name));
            case REPLACE_VALUE -> owner.putRawValue(name, new RawValue(mutation.rawValue()));
            case ADD -> owner.putRawValue(mutation.name(), new RawValue(mutation.rawValue()));
        }
    }

    private static void collectProperties(JsonNode node, List<Map.Entry<ObjectNode, String>> properties) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> properties.add(Map.entry(object, name)));
        }
        node.forEach(child -> collectProperties(child, properties));
    }

    private static byte[] damaged(String json, Damage damage) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = damage.where() % (bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (damage.kind()) {
            case NONE -> out.writeBytes(bytes);
            case TRUNCATE -> out.write(bytes, 0, at);
            case INVALID_UTF8 -> {
                out.write(bytes, 0, at);
                out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0,
                        (byte) 0x80});
                out.write(bytes, at, bytes.length - at);
            }
            case DUPLICATE_FIRST_PROPERTY -> {
                int firstComma = json.indexOf(',');
                String duplicated = firstComma < 0 ? json
                        : json.substring(0, firstComma + 1) + json.substring(1, firstComma + 1)
                        + json.substring(firstComma + 1);
                out.writeBytes(duplicated.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<Write> writes() {
        return Arbitraries.of(WRITES);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Mutation.Kind.class),
                Arbitraries.integers().between(0, 1000), propertyNames(), hostileJsonValues()).as(Mutation::new);
        return mutation.list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(Arbitraries.of(Damage.Kind.class), Arbitraries.integers().between(0, 1000))
                .as(Damage::new);
    }

    private static Arbitrary<String> propertyNames() {
        return Arbitraries.oneOf(Arbitraries.of("", "displayname", "DisplayName", "@odata.type", "id", "runSchedule",
                        "target", "groupId", "targetGroupId", "__proto__", "displayName ", "scriptContent", "$ref"),
                unicodeText().ofMaxLength(12));
    }

    private static Arbitrary<String> hostileJsonValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "-0.0", "1e999999", "-1e-999999",
                        "123456789012345678901234567890123456789012345678901234567890", "9223372036854775808",
                        "\"\"", "[]", "{}", "[1,\"a\",null,{}]", "\"not-a-guid\"", "\"user\"", "\"include\"",
                        "\"#microsoft.graph.unknownTarget\"", "\"microsoft.graph.groupAssignmentTarget\"",
                        "{\"@odata.type\":\"#microsoft.graph.groupAssignmentTarget\"}", "\"V3JpdGU=\"",
                        "\"====\"", "\"" + GROUP + "\"", "\"0\"", "\"😀👍🏽\""),
                unicodeText().ofMaxLength(40).map(HostileRequestsTest::quoted),
                Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1, 3000).map(depth -> "{\"a\":".repeat(depth) + "1"
                        + "}".repeat(depth)),
                Arbitraries.integers().between(1, 400_000).map(length -> quoted("A".repeat(length))));
    }

    /**
     * Text of the basic plane without surrogates, which Jackson cannot write alone; other planes come in the fixed
     * values, invalid UTF-8 as damage.
     */
    private static StringArbitrary unicodeText() {
        return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD');
    }

    private static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<List<String>> headers() {
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8",
                "APPLICATION/JSON", "application/json;charset=utf-16", "application/json; charset=bogus",
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", ";",
                "application/", "application/json;;;", "*/*", "application/json\u0000").map(v -> "Content-Type: " + v);
        Arbitrary<String> clientRequestId = Arbitraries.oneOf(Arbitraries.of("", "not-a-guid", "'; drop table",
                        "x".repeat(9000)), unicodeText().ofMaxLength(60).filter(v -> !v.contains("\r")
                        && !v.contains("\n")))
                .map(v -> "client-request-id: " + v);
        Arbitrary<String> prefer = Arbitraries.of("return=representation", "RETURN=REPRESENTATION", "return=minimal",
                "return=representation, odata.maxpagesize=1", "", "odata.track-changes").map(v -> "Prefer: " + v);
        Arbitrary<String> authorization = Arbitraries.oneOf(
                Arbitraries.just("Bearer " + GraphApi.ADMIN_TOKEN),
                Arbitraries.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer " + GraphApi.ADMIN_TOKEN,
                        "Bearer " + GraphApi.ADMIN_TOKEN + "x", "Bearer a.b.c", "Bearer ....", "Bearer e30.e30.",
                        "Bearer " + "A".repeat(7000), "Bearer \u00e9\u00e9"),
                unicodeText().ofMaxLength(40).filter(v -> !v.contains("\r") && !v.contains("\n"))
                        .map(v -> "Bearer " + v)).map(v -> "Authorization: " + v);
        Arbitrary<String> odd = Arbitraries.of("Transfer-Encoding: identity", "Expect: 100-continue",
                "Accept: text/html", "Accept-Encoding: gzip, br", "X-HTTP-Method-Override: DELETE",
                "ConsistencyLevel: x", "Content-Encoding: gzip", "Host: other", "Cookie: a=b");
        return Combinators.combine(contentType.injectNull(0.2), clientRequestId.injectNull(0.3),
                prefer.injectNull(0.5), authorization, odd.list().ofMaxSize(2)).as((c, id, p, a, rest) -> {
                    List<String> lines = new ArrayList<>(rest);
                    for (String line : new String[] {c, id, p, a}) {
                        if (line != null) {
                            lines.add(line);
                        }
                    }
                    return lines;
                });
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "TRACE", "BREW");
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("beta", "v1.0", "deviceManagement", "deviceManagementScripts", "DEVICEMANAGEMENTSCRIPTS",
                        SEED, "('" + SEED + "')", "(" + SEED + ")", "('')", "('", "()", "(')", "assign",
                        "assignments", "groupAssignments", SEED + ":" + GROUP, "('" + SEED + ":" + GROUP + "')",
                        "$count", "$batch", "$metadata", "$ref", "..", ".", "", "%2F", "%2e%2e", "%00", "%zz", "%",
                        "%C0%AF", "%E2%82%AC", "%FF", ";a=b", "\u00e9", "😀", "a b", "healthz",
                        "00000000-0000-0000-0000-000000000000"),
                unicodeText().ofMaxLength(16).filter(v -> !v.contains(" ") && !v.contains("\r")
                        && !v.contains("\n")));
        Arbitrary<String> prefix = Arbitraries.of("/beta/deviceManagement/deviceManagementScripts/", "/beta/", "/",
                "//beta//", "/BETA/devicemanagement/devicemanagementscripts");
        return Combinators.combine(prefix, segment.list().ofMaxSize(6), Arbitraries.integers().between(1, 3))
                .as((start, segments, repeat) -> (start + String.join("/", segments)).repeat(
                        segments.size() > 4 ? repeat * 300 : 1));
    }

    @Provide
    Arbitrary<String> readablePaths() {
        return Arbitraries.of(SCRIPTS, SCRIPTS + "/$count", SCRIPTS + "/" + SEED, SCRIPTS + "('" + SEED + "')",
                SCRIPTS + "/" + SEED + "/assignments", SCRIPTS + "/" + SEED + "/groupAssignments",
                SCRIPTS + "/" + SEED + "/assignments/" + SEED + ":" + GROUP);
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> filterFragment = Arbitraries.of("displayName", "eq", "ne", "and", "or", "not", "'x'", "'",
                "''", "(", ")", "startswith(displayName,'S')", "startswith(", "contains(displayName,'a')", "null",
                "true", "1", "createdDateTime", "gt", "2026-11-28T12:00:00Z", "id", ",", "%27", "%28", "%zz", "+",
                "%20", "😀", "\u00e9");
        Arbitrary<String> filter = filterFragment.list().ofMaxSize(8).map(parts -> "$filter=" + String.join(" ",
                parts).replace(" ", "%20"));
        Arbitrary<String> option = Arbitraries.oneOf(filter,
                Arbitraries.of("$top=-1", "$top=0", "$top=99999999999999999999", "$top=abc", "$top=", "$skip=-5",
                        "$skip=1e3", "$select=", "$select=displayName,,id", "$select=nope", "$expand=assignments",
                        "$expand=foo", "$expand=assignments($select=id)", "$orderby=displayName desc",
                        "$orderby=nope", "$orderby=displayName%20sideways", "$count=true", "$count=maybe",
                        "$skiptoken=garbage", "$skiptoken=", "$skiptoken=eyJ9", "$search=x", "top=1", "$TOP=1",
                        "$format=xml", "%24top=1", "$top=1&$top=2", "=", "&", "&&", "%", "%zz=1", "$filter",
                        "a=%FF%FE", "$filter=displayName%20eq%20'%00'"),
                unicodeText().ofMaxLength(20).filter(v -> !v.contains(" ") && !v.contains("#") && !v.contains("\r")
                        && !v.contains("\n")));
        return option.list().ofMaxSize(4).map(options -> String.join("&", options));
    }
}
