package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScriptRoutesTest {
    private static final String FULL_SCRIPT = """
            {"displayName":"Set time zone","description":"Sets the time zone","scriptContent":"V3JpdGUtSG9zdCBoaQ==",
             "fileName":"tz.ps1","runAsAccount":"user","enforceSignatureCheck":true,"runAs32Bit":true,
             "roleScopeTagIds":["0","7"]}""";

    private final GraphApi api = GraphApi.start();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void createAnswers201WithTheEntityInGraphsExactShapeAndALocationThatServesIt() throws Exception {
        Reply created = api.post(SCRIPTS, FULL_SCRIPT);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        String id = created.json().get("id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        JsonNode expected = mapper.readTree("""
                {"@odata.context":"%s/$entity","id":"%s","displayName":"Set time zone",
                 "description":"Sets the time zone","scriptContent":"V3JpdGUtSG9zdCBoaQ==",
                 "createdDateTime":"2026-11-28T12:00:00Z","lastModifiedDateTime":"2026-11-28T12:00:00Z",
                 "runAsAccount":"user","enforceSignatureCheck":true,"fileName":"tz.ps1","roleScopeTagIds":["0","7"],
                 "runAs32Bit":true}""".formatted(SCRIPTS_CONTEXT, id));
        assertThat(created.json()).isEqualTo(expected);
        assertThat(fieldNames(created.json())).isEqualTo(fieldNames(expected));
        assertThat(created.header("Location")).isEqualTo(api.url(SCRIPTS + "/" + id));
        Reply fetched = api.get(SCRIPTS + "/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(expected);
    }

    @Test
    void createFillsInGraphsDefaultsForWhatTheClientLeftOut() {
        JsonNode created = api.post(SCRIPTS, "{\"displayName\":\"Minimal\"}").json();

        assertThat(created.get("description").isNull()).isTrue();
        assertThat(created.get("scriptContent").isNull()).isTrue();
        assertThat(created.get("fileName").isNull()).isTrue();
        assertThat(created.get("runAsAccount").asText()).isEqualTo("system");
        assertThat(created.get("enforceSignatureCheck").asBoolean()).isFalse();
        assertThat(created.get("runAs32Bit").asBoolean()).isFalse();
        assertThat(created.get("roleScopeTagIds").toString()).isEqualTo("[\"0\"]");
        assertThat(created.has("@odata.type")).isFalse();
    }

    @Test
    void getServesTheScriptUnderBothKeyFormsAndAnUppercaseKey() {
        String id = api.createScript("Both forms");

        for (String path : List.of(SCRIPTS + "/" + id, SCRIPTS + "('" + id + "')",
                SCRIPTS + "/" + id.toUpperCase(Locale.ROOT))) {
            Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.json().get("id").asText()).isEqualTo(id);
            assertThat(reply.json().get("scriptContent").asText()).isEqualTo("V3JpdGUtSG9zdCBoaQ==");
        }
    }

    @Test
    void pathsAreCaseInsensitiveAndMayEndInASlash() {
        String id = api.createScript("Any case");

        assertThat(api.get("/BETA/devicemanagement/DEVICEMANAGEMENTSCRIPTS/" + id + "/").status()).isEqualTo(200);
        assertThat(api.get(SCRIPTS + "/").json().get("value")).hasSize(1);
    }

    @Test
    void listAnswersEveryScriptWithoutItsContentUnderTheCollectionContext() {
        String first = api.createScript("First");
        String second = api.createScript("Second");

        Reply list = api.get(SCRIPTS);

        assertThat(list.status()).isEqualTo(200);
        assertThat(fieldNames(list.json())).containsExactly("@odata.context", "value");
        assertThat(list.json().get("@odata.context").asText()).isEqualTo(SCRIPTS_CONTEXT);
        JsonNode value = list.json().get("value");
        assertThat(value).hasSize(2);
        assertThat(value.get(0).get("id").asText()).isEqualTo(first);
        assertThat(value.get(1).get("id").asText()).isEqualTo(second);
        assertThat(value.get(0).get("scriptContent").isNull()).isTrue();
        assertThat(value.get(0).has("@odata.context")).isFalse();
        assertThat(value.get(0).get("displayName").asText()).isEqualTo("First");
    }

    @Test
    void countAnswersThePlainNumberOfScripts() {
        api.createScript("One");
        api.createScript("Two");

        Reply count = api.get(SCRIPTS + "/$count");

        assertThat(count.status()).isEqualTo(200);
        assertThat(count.header("Content-Type")).startsWith("text/plain");
        assertThat(count.body()).isEqualTo("2");
    }

    @Test
    void patchAnswers204AndChangesOnlyThePropertiesItNames() {
        String id = api.post(SCRIPTS, FULL_SCRIPT).json().get("id").asText();
        ObjectNode before = (ObjectNode) api.script(id);

        Reply patched = api.patch(SCRIPTS + "/" + id, "{\"displayName\":\"Renamed\",\"description\":null}");

        assertThat(patched.status()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();
        ObjectNode expected = before.deepCopy().put("displayName", "Renamed").putNull("description")
                .put("lastModifiedDateTime", "2026-11-28T12:00:01Z");
        assertThat(api.script(id)).isEqualTo(expected);
    }

    @Test
    void patchWithPreferReturnRepresentationAnswers200AndTheChangedEntity() {
        String id = api.createScript("Before");

        Reply patched = api.patch(SCRIPTS + "('" + id + "')", "{\"runAsAccount\":\"user\"}",
                "Prefer", "return=representation");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("@odata.context").asText()).isEqualTo(SCRIPTS_CONTEXT + "/$entity");
        assertThat(patched.json().get("runAsAccount").asText()).isEqualTo("user");
        assertThat(patched.json().get("scriptContent").asText()).isEqualTo("V3JpdGUtSG9zdCBoaQ==");
        assertThat(patched.json()).isEqualTo(api.script(id));
    }

    @Test
    void deleteAnswers204UnderEitherKeyFormAndTheScriptIsGone() {
        String bySegment = api.createScript("By segment");
        String byParentheses = api.createScript("By parentheses");

        Reply first = api.delete(SCRIPTS + "/" + bySegment);
        Reply second = api.delete(SCRIPTS + "('" + byParentheses + "')");

        assertThat(first.status()).isEqualTo(204);
        assertThat(second.status()).isEqualTo(204);
        assertThat(api.get(SCRIPTS + "/" + bySegment).status()).isEqualTo(404);
        assertThat(api.count()).isZero();
    }

    @Test
    void healthzAnswersOkAndReadyzAnswersReadyWhileStorageIsReady() {
        Reply health = api.get("/healthz");
        Reply ready = api.get("/readyz");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().toString()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().toString()).isEqualTo("{\"status\":\"ready\"}");
    }

    @Test
    void everyResponseCarriesANewRequestIdAndEchoesTheClientRequestId() {
        Reply withoutClientId = api.get(SCRIPTS);
        Reply withClientId = api.get(SCRIPTS, "client-request-id", "5e1c6c5c-7c43-4c0e-9a64-1a2b3c4d5e6f");
        Reply another = api.get(SCRIPTS);

        assertThat(withoutClientId.header("request-id")).isNotNull();
        assertThat(withoutClientId.header("client-request-id")).isEqualTo(withoutClientId.header("request-id"));
        assertThat(withClientId.header("client-request-id")).isEqualTo("5e1c6c5c-7c43-4c0e-9a64-1a2b3c4d5e6f");
        assertThat(another.header("request-id")).isNotEqualTo(withoutClientId.header("request-id"));
    }

    /** Heads may be 32 KiB, for large tokens; a client-request-id of kilobytes is not copied into every answer. */
    @Test
    void aClientRequestIdLongerThan256CharactersIsNotEchoed() {
        Reply reply = api.get(SCRIPTS + "/00000000-0000-4000-8000-00000000dead", "client-request-id",
                "x".repeat(9_000));

        assertThat(reply.header("client-request-id")).isEqualTo(reply.header("request-id"));
        assertThat(reply.json().get("error").get("innerError").get("client-request-id").asText())
                .isEqualTo(reply.header("request-id"));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
