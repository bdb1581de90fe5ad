package dev.devicescripts.adapter.http.graph;

import static dev.devicescripts.adapter.http.support.GraphApi.GROUP;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphShaped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.adapter.http.support.Reply;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal: its status, Graph's error code, a message that names what is wrong, and no change made. */
class RequestErrorsTest {
    private static final String ABSENT_SCRIPT = "00000000-0000-4000-8000-00000000dead";
    private static final String FILTER = "ffffffff-0000-4000-8000-000000000001";
    private static final String ALL_DEVICES = "\"@odata.type\":\"#microsoft.graph.allDevicesAssignmentTarget\"";
    private static final String GROUP_TARGET = "\"@odata.type\":\"#microsoft.graph.groupAssignmentTarget\"";
    private static final String EXCLUSION_TARGET =
            "\"@odata.type\":\"#microsoft.graph.exclusionGroupAssignmentTarget\"";

    private final GraphApi api = GraphApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void malformedJsonIsABadRequestOnCreateAssignAndPatchAndChangesNothing() {
        String id = api.assignedScript();
        List<Object> before = api.stored(id);

        for (Write write : writes(id)) {
            assertGraphError(api.sendJson(write.method(), write.path(), "{\"displayName\": "), 400, "BadRequest",
                    "not valid JSON", "line 1");
        }
        assertThat(api.stored(id)).isEqualTo(before);
    }

    @Test
    void trailingContentAndDuplicatePropertiesAreBadRequests() {
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"a\"} {}"), 400, "BadRequest", "not valid JSON");
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"a\",\"displayName\":\"b\"}"), 400, "BadRequest",
                "displayName");
        assertThat(api.count()).isZero();
    }

    @Test
    void aBodyNestedDeeperThanJacksonReadsIsABadRequestNotAFailure() {
        String deep = "[".repeat(2000) + "]".repeat(2000);

        assertGraphError(api.post(SCRIPTS, "{\"displayName\":" + deep + "}"), 400, "BadRequest", "not valid JSON");
        assertThat(api.count()).isZero();
    }

    @Test
    void aQueryOptionThatIsNotValidlyUrlEncodedIsABadRequest() {
        RawHttp.RawReply reply = RawHttp.exchangeOrFail(api.server().port(), "GET",
                (SCRIPTS + "?$filter=%zz").getBytes(StandardCharsets.US_ASCII),
                List.of(RawHttp.header("Authorization", "Bearer " + GraphApi.ADMIN_TOKEN)), new byte[0]);

        assertThat(reply.status()).isEqualTo(400);
        assertGraphShaped(reply);
        assertThat(reply.body()).contains("$filter", "URL-encoded");
    }

    @Test
    void anUnknownCharsetInTheContentTypeIsNoFailure() {
        Reply reply = api.send("POST", SCRIPTS, BodyPublishers.ofString("{\"displayName\":\"x\"}"),
                "Content-Type", "application/json; charset=bogus");

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    @Test
    void aPathJettyRefusesIsAGraphErrorWhateverTheMethod() {
        assertGraphError(api.patch(SCRIPTS + "/%C0%AF", "{}"), 400, "BadRequest", "refused");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsABadRequestOnCreateAssignAndPatch() {
        String id = api.assignedScript();
        List<Object> before = api.stored(id);

        for (Write write : writes(id)) {
            for (String body : List.of("[]", "\"script\"", "null", "5")) {
                assertGraphError(api.sendJson(write.method(), write.path(), body), 400, "BadRequest",
                        "must be a JSON object");
            }
        }
        assertThat(api.stored(id)).isEqualTo(before);
    }

    @Test
    void anEmptyBodyIsABadRequestOnCreateAssignAndPatch() {
        String id = api.assignedScript();
        List<Object> before = api.stored(id);

        for (Write write : writes(id)) {
            assertGraphError(api.sendJson(write.method(), write.path(), ""), 400, "BadRequest", "empty");
        }
        assertThat(api.stored(id)).isEqualTo(before);
    }

    @Test
    void wrongJsonTypesOnCreateAreBadRequestsNamingTheFieldAndTheRule() {
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":5}"), 400, "BadRequest", "displayName",
                "must be a string");
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"x\",\"runAs32Bit\":\"yes\"}"), 400, "BadRequest",
                "runAs32Bit", "true or false");
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"x\",\"roleScopeTagIds\":[\"0\",1]}"), 400,
                "BadRequest", "roleScopeTagIds[1]", "must be a string");
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"x\",\"roleScopeTagIds\":\"0\"}"), 400, "BadRequest",
                "roleScopeTagIds", "array");
        assertThat(api.count()).isZero();
    }

    @Test
    void unknownPropertiesAreBadRequestsNamingTheProperty() {
        String id = api.createScript("Typo target");
        JsonNode before = api.assignmentsOf(id);

        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"x\",\"displayNmae\":\"y\"}"), 400, "BadRequest",
                "displayNmae", "microsoft.graph.deviceManagementScript");
        assertGraphError(api.post(SCRIPTS + "/" + id + "/assign", "{\"deviceManagementScriptAssignments\":[{"
                        + "\"target\":{\"@odata.type\":\"#microsoft.graph.allDevicesAssignmentTarget\",\"groupId\":\""
                        + GROUP + "\"}}]}"), 400, "BadRequest",
                "deviceManagementScriptAssignments[0].target.groupId", "not a property");
        assertGraphError(api.post(SCRIPTS + "/" + id + "/assign", "{\"assignments\":[]}"), 400, "BadRequest",
                "assignments", "not a property");
        assertThat(api.count()).isEqualTo(1);
        assertThat(api.assignmentsOf(id)).isEqualTo(before);
    }

    @Test
    void wrongJsonTypesOnAssignAreBadRequestsAndChangeNoAssignment() {
        String id = api.assignedScript();
        JsonNode before = api.assignmentsOf(id);
        String assign = SCRIPTS + "/" + id + "/assign";

        assertGraphError(api.post(assign, "{\"deviceManagementScriptAssignments\":{}}"), 400, "BadRequest",
                "deviceManagementScriptAssignments", "array");
        assertGraphError(api.post(assign, "{\"deviceManagementScriptAssignments\":[5]}"), 400, "BadRequest",
                "deviceManagementScriptAssignments[0]", "JSON object");
        assertGraphError(api.post(assign, "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":7}]}"),
                400, "BadRequest", "deviceManagementScriptGroupAssignments[0].targetGroupId", "must be a string");
        assertThat(api.assignmentsOf(id)).isEqualTo(before);
    }

    @Test
    void aTargetWithoutOrWithAnUnknownOrAbstractTypeIsABadRequestNamingIt() {
        String id = api.assignedScript();
        JsonNode before = api.assignmentsOf(id);

        for (String target : List.of("{\"groupId\":\"" + GROUP + "\"}",
                "{\"@odata.type\":\"#microsoft.graph.someOtherTarget\"}",
                "{\"@odata.type\":\"#microsoft.graph.deviceAndAppManagementAssignmentTarget\"}")) {
            Reply reply = api.post(SCRIPTS + "/" + id + "/assign",
                    "{\"deviceManagementScriptAssignments\":[{\"target\":" + target + "}]}");
            assertGraphError(reply, 400, "BadRequest", "deviceManagementScriptAssignments[0].target.@odata.type",
                    "#microsoft.graph.groupAssignmentTarget");
        }
        assertThat(api.assignmentsOf(id)).isEqualTo(before);
    }

    @Test
    void anAssignmentWithoutATargetIsABadRequest() {
        String id = api.assignedScript();
        JsonNode before = api.assignmentsOf(id);

        Reply reply = api.post(SCRIPTS + "/" + id + "/assign", "{\"deviceManagementScriptAssignments\":[{}]}");

        assertGraphError(reply, 400, "BadRequest", "deviceManagementScriptAssignments[0].target", "required");
        assertThat(api.assignmentsOf(id)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assignRuleViolations")
    void ruleViolationsOfTheDomainNameTheJsonPathTheClientWrote(String violation, String body, String field,
                                                                  String rule) {
        String id = api.assignedScript();
        JsonNode before = api.assignmentsOf(id);

        assertGraphError(api.post(SCRIPTS + "/" + id + "/assign", body), 400, "BadRequest", field, rule);
        assertThat(api.assignmentsOf(id)).isEqualTo(before);
    }

    static Stream<Arguments> assignRuleViolations() {
        String targets = "deviceManagementScriptAssignments";
        String target = targets + "[0].target.";
        String filterId = "\"deviceAndAppManagementAssignmentFilterId\":\"" + FILTER + "\"";
        return Stream.of(
                arguments("a groupId that is not a GUID", assignments(ALL_DEVICES, ALL_DEVICES,
                        GROUP_TARGET + ",\"groupId\":\"not-a-guid\""), targets + "[2].target.groupId", "GUID"),
                arguments("a targetGroupId that is null",
                        "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":null}]}",
                        "deviceManagementScriptGroupAssignments[0].targetGroupId", "required"),
                arguments("a targetGroupId that is not a GUID",
                        "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":\"not-a-guid\"}]}",
                        "deviceManagementScriptGroupAssignments[0].targetGroupId", "GUID"),
                arguments("an exclusion target with a filter", assignments(EXCLUSION_TARGET + ",\"groupId\":\""
                        + GROUP + "\"," + filterId + ",\"deviceAndAppManagementAssignmentFilterType\":\"exclude\""),
                        target + "deviceAndAppManagementAssignmentFilterType", "exclusion"),
                arguments("filter type include without a filter id", assignments(ALL_DEVICES
                        + ",\"deviceAndAppManagementAssignmentFilterType\":\"include\""),
                        target + "deviceAndAppManagementAssignmentFilterId", "required"),
                arguments("a filter id with filter type none", assignments(ALL_DEVICES + "," + filterId
                        + ",\"deviceAndAppManagementAssignmentFilterType\":\"none\""),
                        target + "deviceAndAppManagementAssignmentFilterId", "must be null when"),
                arguments("a filter id without a filter type", assignments(ALL_DEVICES + "," + filterId),
                        target + "deviceAndAppManagementAssignmentFilterId", "must be null when"),
                arguments("a filter id that is not a GUID", assignments(ALL_DEVICES
                        + ",\"deviceAndAppManagementAssignmentFilterId\":\"not-a-guid\","
                        + "\"deviceAndAppManagementAssignmentFilterType\":\"include\""),
                        target + "deviceAndAppManagementAssignmentFilterId", "GUID"),
                arguments("an unknown filter type", assignments(ALL_DEVICES + "," + filterId
                        + ",\"deviceAndAppManagementAssignmentFilterType\":\"sometimes\""),
                        target + "deviceAndAppManagementAssignmentFilterType", "none, include, exclude"),
                arguments("one target named twice with different filters", assignments(ALL_DEVICES,
                        ALL_DEVICES + "," + filterId + ",\"deviceAndAppManagementAssignmentFilterType\":\"include\""),
                        targets, "twice with different assignment filters"),
                arguments("one group both included and excluded", "{\"deviceManagementScriptGroupAssignments\":[{"
                        + "\"targetGroupId\":\"" + GROUP + "\"}],\"deviceManagementScriptAssignments\":[{\"target\":{"
                        + EXCLUSION_TARGET + ",\"groupId\":\"" + GROUP + "\"}}]}", targets, GROUP),
                arguments("a blank collectionId", assignments(collection("")), target + "collectionId", "blank"),
                arguments("a collectionId over 128 characters", assignments(collection("x".repeat(129))),
                        target + "collectionId", "at most 128 characters"),
                arguments("a collectionId with ':'", assignments(collection("SMS:1")), target + "collectionId",
                        "':', '/' or white space"),
                arguments("a collectionId with '/'", assignments(collection("SMS/1")), target + "collectionId",
                        "':', '/' or white space"),
                arguments("a collectionId with white space", assignments(collection("SMS 1")),
                        target + "collectionId", "':', '/' or white space"),
                arguments("a collectionId that is another target's key", assignments(ALL_DEVICES,
                        collection("adadadad-808e-44e2-905a-0b7873a8a531")), targets, "two different kinds of target"),
                arguments("1001 group assignments, one more than the limit", groupAssignments(1001),
                        "deviceManagementScriptGroupAssignments",
                        "1001 distinct targets; a script holds at most 1000"));
    }

    /** An assign body whose deviceManagementScriptAssignments hold one target each of {@code targets}' members. */
    private static String assignments(String... targets) {
        return Arrays.stream(targets).map(target -> "{\"target\":{" + target + "}}")
                .collect(Collectors.joining(",", "{\"deviceManagementScriptAssignments\":[", "]}"));
    }

    private static String collection(String collectionId) {
        return "\"@odata.type\":\"#microsoft.graph.configurationManagerCollectionAssignmentTarget\","
                + "\"collectionId\":\"" + collectionId + "\"";
    }

    /** An assign body whose deviceManagementScriptGroupAssignments name {@code count} different groups. */
    private static String groupAssignments(int count) {
        return IntStream.range(0, count).mapToObj("{\"targetGroupId\":\"%08x-0000-4000-8000-000000000000\"}"::formatted)
                .collect(Collectors.joining(",", "{\"deviceManagementScriptGroupAssignments\":[", "]}"));
    }

    @Test
    void aRejectedCreateCreatesNothing() {
        api.createScript("Existing");

        assertGraphError(api.post(SCRIPTS, "{\"description\":\"no name\"}"), 400, "BadRequest", "displayName");
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\" \"}"), 400, "BadRequest", "displayName", "blank");
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"x\",\"scriptContent\":\"%%%\"}"), 400, "BadRequest",
                "scriptContent", "base64");
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"x\",\"@odata.type\":\"#microsoft.graph.user\"}"),
                400, "BadRequest", "@odata.type");
        assertGraphError(api.post(SCRIPTS, "{\"displayName\":\"x\",\"roleScopeTagIds\":[\"0\",\" \"]}"), 400,
                "BadRequest", "roleScopeTagIds", "non-blank");
        assertThat(api.count()).isEqualTo(1);
    }

    @Test
    void scriptContentOverIntunesLimitIsABadRequestNamingTheLimit() {
        String tooLarge = Base64.getEncoder().encodeToString(new byte[200 * 1024 + 1]);

        Reply reply = api.post(SCRIPTS, "{\"displayName\":\"Large\",\"scriptContent\":\"" + tooLarge + "\"}");

        assertGraphError(reply, 400, "BadRequest", "scriptContent", "200 KiB");
        assertThat(api.count()).isZero();
    }

    @Test
    void aRejectedPatchLeavesTheScriptAsItWas() {
        String id = api.createScript("Unchanged");
        JsonNode before = api.script(id);
        String script = SCRIPTS + "/" + id;

        assertGraphError(api.patch(script, "{\"displayName\":5}"), 400, "BadRequest", "displayName", "string");
        assertGraphError(api.patch(script, "{\"displayName\":\"\"}"), 400, "BadRequest", "displayName", "blank");
        assertGraphError(api.patch(script, "{\"displayName\":null}"), 400, "BadRequest", "displayName");
        assertGraphError(api.patch(script, "{\"description\":\"ok\",\"runAsAccount\":\"admin\"}"), 400,
                "BadRequest", "runAsAccount", "system");
        assertGraphError(api.patch(script, "{\"description\":\"ok\",\"enforceSignatureCheck\":null}"), 400,
                "BadRequest", "enforceSignatureCheck");
        assertGraphError(api.patch(script, "{\"description\":\"ok\",\"colour\":\"blue\"}"), 400, "BadRequest",
                "colour");
        assertGraphError(api.patch(script, "{\"roleScopeTagIds\":[\"\"]}"), 400, "BadRequest", "roleScopeTagIds",
                "non-blank");
        assertThat(api.script(id)).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRequestEntityTooLargeWhetherItsLengthIsDeclaredOrChunked() {
        String id = api.assignedScript();
        List<Object> before = api.stored(id);
        byte[] tooLarge = new byte[(int) GraphApi.MAX_BODY_BYTES + 1];

        for (Write write : writes(id)) {
            Reply declared = api.send(write.method(), write.path(), BodyPublishers.ofByteArray(tooLarge),
                    "Content-Type", "application/json");
            Reply chunked = api.send(write.method(), write.path(),
                    BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)),
                    "Content-Type", "application/json");

            assertGraphError(declared, 413, "RequestEntityTooLarge", Long.toString(GraphApi.MAX_BODY_BYTES));
            assertGraphError(chunked, 413, "RequestEntityTooLarge", Long.toString(GraphApi.MAX_BODY_BYTES));
        }
        assertThat(api.stored(id)).isEqualTo(before);
    }

    @Test
    void aContentTypeOtherThanJsonIsUnsupportedMediaTypeOnCreateAssignAndPatch() {
        String id = api.assignedScript();
        List<Object> before = api.stored(id);

        for (Write write : writes(id)) {
            for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded")) {
                Reply reply = api.send(write.method(), write.path(),
                        BodyPublishers.ofString("{\"displayName\":\"x\"}"), "Content-Type", contentType);
                assertGraphError(reply, 415, "UnsupportedMediaType", contentType);
            }
        }
        assertThat(api.stored(id)).isEqualTo(before);
    }

    @Test
    void aScriptKeyThatIsNotAGuidIsABadRequestNamingTheKey() {
        assertGraphError(api.get(SCRIPTS + "/not-a-guid"), 400, "BadRequest", "'not-a-guid'");
        assertGraphError(api.get(SCRIPTS + "('not-a-guid')"), 400, "BadRequest", "'not-a-guid'");
        assertGraphError(api.patch(SCRIPTS + "/1-2-3-4-5", "{}"), 400, "BadRequest", "'1-2-3-4-5'");
        assertGraphError(api.get(SCRIPTS + "/12345/assignments"), 400, "BadRequest", "'12345'");
    }

    @Test
    void aScriptThatDoesNotExistIsResourceNotFoundOnEveryRoute() {
        String script = SCRIPTS + "/" + ABSENT_SCRIPT;

        assertGraphError(api.get(script), 404, "ResourceNotFound", ABSENT_SCRIPT);
        assertGraphError(api.patch(script, "{\"description\":\"x\"}"), 404, "ResourceNotFound", ABSENT_SCRIPT);
        assertGraphError(api.delete(script), 404, "ResourceNotFound", ABSENT_SCRIPT);
        assertGraphError(api.post(script + "/assign", "{}"), 404, "ResourceNotFound", ABSENT_SCRIPT);
        assertGraphError(api.get(script + "/assignments"), 404, "ResourceNotFound", ABSENT_SCRIPT);
        assertGraphError(api.get(script + "/groupAssignments"), 404, "ResourceNotFound", ABSENT_SCRIPT);
        assertGraphError(api.get(script + "/assignments/" + ABSENT_SCRIPT + ":" + GROUP), 404, "ResourceNotFound",
                ABSENT_SCRIPT);
        assertGraphError(api.get(script + "/groupAssignments/" + ABSENT_SCRIPT + ":" + GROUP), 404,
                "ResourceNotFound", ABSENT_SCRIPT);
        assertThat(api.count()).isZero();
    }

    @Test
    void anUnknownPathUnderBetaIsABadRequestNamingTheFirstUnknownSegment() {
        String id = api.assignedScript();
        List<Object> before = api.stored(id);

        assertGraphError(api.get("/beta/deviceManagement/deviceManagementScriptz"), 400, "BadRequest",
                "Resource not found for the segment 'deviceManagementScriptz'.");
        assertGraphError(api.get("/beta/applications"), 400, "BadRequest", "segment 'applications'");
        assertGraphError(api.get(SCRIPTS + "/" + id + "/runStates"), 400, "BadRequest", "segment 'runStates'");
        assertGraphError(api.post(SCRIPTS + "('" + id + "')/unassign", "{}"), 400, "BadRequest",
                "segment 'unassign'");
        assertThat(api.stored(id)).isEqualTo(before);
    }

    @Test
    void anUnknownPathOutsideBetaIsResourceNotFound() {
        assertGraphError(api.get("/v1.0/deviceManagement/deviceManagementScripts"), 404, "ResourceNotFound",
                "/v1.0/deviceManagement/deviceManagementScripts");
    }

    @Test
    void aKnownPathWithAMethodItLacksIsMethodNotAllowed() {
        String id = api.createScript("Put target");
        JsonNode before = api.script(id);

        Reply put = api.send("PUT", SCRIPTS + "/" + id, BodyPublishers.ofString("{\"displayName\":\"x\"}"),
                "Content-Type", "application/json");
        Reply deleteAll = api.delete(SCRIPTS);

        assertGraphError(put, 405, "MethodNotAllowed", "PUT");
        assertThat(put.header("Allow")).contains("GET", "PATCH", "DELETE");
        assertGraphError(deleteAll, 405, "MethodNotAllowed", "DELETE");
        assertThat(api.script(id)).isEqualTo(before);
    }

    @Test
    void queryOptionsThisServiceDoesNotServeAreBadRequestsNamingTheOption() {
        String id = api.createScript("Queried");

        for (String option : List.of("$search=x", "$format=json", "$apply=x", "$levels=2", "search=x", "FORMAT=json")) {
            String name = option.substring(0, option.indexOf('='));
            assertGraphError(api.get(SCRIPTS + "?" + option), 400, "BadRequest",
                    "The query option '" + name + "' is not supported");
        }
        assertGraphError(api.get(SCRIPTS + "/" + id + "?$search=x"), 400, "BadRequest", "'$search'");
        assertThat(api.get(SCRIPTS + "?api-version=2&foo=bar").status()).isEqualTo(200);
    }

    @Test
    void queryOptionsOfCollectionsOnOneEntityAreBadRequestsNamingTheOption() {
        String id = api.createScript("Queried");

        for (String option : List.of("$filter=displayName%20eq%20'x'", "$top=1", "$skip=1", "$orderby=displayName",
                "$count=true", "$skiptoken=x")) {
            String name = option.substring(0, option.indexOf('='));
            assertGraphError(api.get(SCRIPTS + "/" + id + "?" + option), 400, "BadRequest",
                    "The query option '" + name + "' does not apply", "$select, $expand");
        }
        assertGraphError(api.get(SCRIPTS + "/$count?$top=1"), 400, "BadRequest", "'$top'", "$filter");
        assertGraphError(api.get(SCRIPTS + "/" + id + "/assignments?$select=id"), 400, "BadRequest", "'$select'",
                "no query options");
    }

    @Test
    void aQueryOptionGivenTwiceIsABadRequestNamingIt() {
        for (String query : List.of("$top=1&$top=2", "$top=1&TOP=2", "$filter=x&filter=y")) {
            assertGraphError(api.get(SCRIPTS + "?" + query), 400, "BadRequest", "more than once");
        }
    }

    @Test
    void malformedTopSkipAndCountAreBadRequestsNamingTheOption() {
        for (String query : List.of("$top=0", "$top=-1", "$top=two", "$top=99999999999")) {
            assertGraphError(api.get(SCRIPTS + "?" + query), 400, "BadRequest", "'$top'");
        }
        for (String query : List.of("$skip=-1", "$skip=x", "$skip=")) {
            assertGraphError(api.get(SCRIPTS + "?" + query), 400, "BadRequest", "'$skip'");
        }
        for (String query : List.of("$count=yes", "$count=", "$count=1")) {
            assertGraphError(api.get(SCRIPTS + "?" + query), 400, "BadRequest", "'$count'", "true or false");
        }
    }

    @Test
    void topAndSkipWithASignOrDigitsOtherThanAsciiOnesAreBadRequestsNamingTheOption() {
        // +5; Arabic-Indic 10; fullwidth 10; Devanagari 5: Integer.parseInt reads each as a number.
        for (String value : List.of("%2B5", "%D9%A1%D9%A0", "%EF%BC%91%EF%BC%90", "%E0%A5%AB", "-0", "%2B0")) {
            assertGraphError(api.get(SCRIPTS + "?$top=" + value), 400, "BadRequest", "'$top'", "digits 0 to 9");
            assertGraphError(api.get(SCRIPTS + "?$skip=" + value), 400, "BadRequest", "'$skip'", "digits 0 to 9");
        }
        assertThat(api.get(SCRIPTS + "?$top=0010&$skip=000").status()).isEqualTo(200);
    }

    @Test
    void aRequestTheHttpServerItselfRefusesIsAnsweredInGraphsShapeNotAnHtmlPage() throws Exception {
        URI server = URI.create(api.url("/"));
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write("GET /beta/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("request-id: ")
                    .contains("\"code\":\"BadRequest\"", "\"innerError\"").doesNotContain("<html");
        }
    }

    @Test
    void aMalformedPercentEscapeInThePathIsABadRequest() {
        for (String path : List.of("/beta/%u0041", SCRIPTS + "/%u0041", "/beta/%", "/healthz%zz")) {
            RawHttp.RawReply reply = RawHttp.exchangeOrFail(api.server().port(), "GET",
                    path.getBytes(StandardCharsets.US_ASCII), List.of(RawHttp.header("Authorization", "Bearer "
                            + GraphApi.ADMIN_TOKEN)), new byte[0]);

            assertThat(reply.status()).as("%s: %s", path, reply).isEqualTo(400);
            assertGraphShaped(reply);
        }
    }

    @Test
    void aChunkSizeThatIsNotHexadecimalIsABadRequestAndCreatesNothing() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.server().port())) {
            socket.getOutputStream().write(("POST " + SCRIPTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + GraphApi.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\nZZ\r\n{\"displayName\":\"Chunked\"}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            RawHttp.RawReply reply = RawHttp.read(socket.getInputStream());

            assertThat(reply.status()).as("%s", reply).isEqualTo(400);
            assertGraphShaped(reply);
        }
        assertThat(api.count()).isZero();
    }

    @Test
    void errorsEchoTheClientRequestId() {
        Reply reply = api.get(SCRIPTS + "/" + ABSENT_SCRIPT, "client-request-id", "my-correlation-id");

        assertGraphError(reply, 404, "ResourceNotFound", ABSENT_SCRIPT);
        assertThat(reply.header("client-request-id")).isEqualTo("my-correlation-id");
    }

    /** A route that reads a JSON body. */
    private record Write(String method, String path) {
    }

    /** Create, and assign and PATCH of script {@code id}: every route that reads a JSON body. */
    private static List<Write> writes(String id) {
        return List.of(new Write("POST", SCRIPTS), new Write("POST", SCRIPTS + "/" + id + "/assign"),
                new Write("PATCH", SCRIPTS + "/" + id));
    }
}
