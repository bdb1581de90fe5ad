package dev.devicescripts.adapter.http.server;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.BATCH_SCRIPTS;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A request is what its method says: no header or parameter makes a GET delete, alone or in a batch, as in Graph. */
class MethodOverrideTest {
    private static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override", "x-http-method-override");

    private final GraphApi api = GraphApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "delete", "PATCH", "POST"})
    void givenAGetWithAMethodOverrideHeaderWhenSentThenItIsAnsweredAsAGetAndTheScriptIsUnchanged(String method) {
        String id = api.createScript("Overridden");
        JsonNode before = api.script(id);

        for (String header : OVERRIDE_HEADERS) {
            Reply reply = api.get(SCRIPTS + "/" + id, header, method);

            assertThat(reply.status()).as("%s: %s", header, reply).isEqualTo(200);
            assertThat(reply.json()).isEqualTo(before);
        }
        assertThat(api.script(id)).isEqualTo(before);
    }

    @Test
    void givenAGetWithAMethodQueryParameterWhenSentThenItIsNotADeleteAndTheScriptStays() {
        String id = api.createScript("Overridden");

        Reply reply = api.get(SCRIPTS + "/" + id + "?_method=DELETE");

        assertThat(reply.status()).as("%s", reply).isNotEqualTo(204);
        assertThat(api.get(SCRIPTS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void givenAGetListWithAMethodOverrideHeaderWhenSentThenItListsAndCreatesNothing() {
        api.createScript("Listed");

        Reply reply = api.get(SCRIPTS, "X-HTTP-Method-Override", "POST");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().get("value")).hasSize(1);
        assertThat(api.count()).isEqualTo(1);
    }

    @Test
    void givenABatchWhoseGetsCarryMethodOverridesWhenPostedThenEachIsAGetAndTheScriptStays() {
        String id = api.createScript("Overridden in a batch");
        JsonNode before = api.script(id);
        String url = BATCH_SCRIPTS + "/" + id;

        Reply batch = api.post(BATCH, batch(
                request("1", "GET", url, null, "X-HTTP-Method-Override", "DELETE"),
                request("2", "GET", url, null, "X-HTTP-Method", "DELETE"),
                request("3", "GET", url, null, "X-Method-Override", "DELETE"),
                request("4", "GET", url + "?_method=DELETE", null)));

        var responses = responsesById(batch);
        for (String requestId : List.of("1", "2", "3")) {
            assertThat(responses.get(requestId).get("status").asInt()).as("%s", responses.get(requestId))
                    .isEqualTo(200);
            assertThat(responses.get(requestId).get("body")).isEqualTo(before);
        }
        assertThat(responses.get("4").get("status").asInt()).isNotEqualTo(204);
        assertThat(api.script(id)).isEqualTo(before);
    }

    @Test
    void givenTheWholeBatchCarryingAMethodOverrideWhenPostedThenItIsStillABatch() {
        String id = api.createScript("Read in an overridden batch");

        Reply batch = api.post(BATCH, batch(request("1", "GET", BATCH_SCRIPTS + "/" + id, null)),
                "X-HTTP-Method-Override", "GET");

        assertThat(responsesById(batch).get("1").get("status").asInt()).isEqualTo(200);
        assertThat(api.get(SCRIPTS + "/" + id).status()).isEqualTo(200);
    }
}
