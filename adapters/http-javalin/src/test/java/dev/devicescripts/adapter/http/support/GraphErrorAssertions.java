package dev.devicescripts.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What every Graph error must look like to a client. */
public final class GraphErrorAssertions {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private GraphErrorAssertions() {
    }

    /**
     * The reply is Graph's error shape with this status and code, its message names every one of {@code named},
     * it carries a new request-id, and it shows no stack trace.
     */
    public static void assertGraphError(Reply reply, int status, String code, String... named) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode error = reply.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(named);
        assertErrorShape(reply.json(), reply.body(), reply.header("request-id"), reply.header("client-request-id"));
    }

    /**
     * A response in a batch that is Graph's error shape with this status and code, its message naming {@code named}.
     */
    public static void assertInnerError(JsonNode response, int status, String code, String... named) {
        assertThat(response.get("status").asInt()).as("%s", response).isEqualTo(status);
        JsonNode headers = response.get("headers");
        assertThat(headers.get("Content-Type").asText()).startsWith("application/json");
        JsonNode error = response.get("body").get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        if (named.length > 0) {
            assertThat(error.get("message").asText()).contains(named);
        }
        assertThat(headers.get("request-id").asText()).matches(GUID);
        assertThat(error.get("innerError").get("request-id").asText()).isEqualTo(headers.get("request-id").asText());
        assertThat(error.get("innerError").get("client-request-id").asText())
                .isEqualTo(headers.get("client-request-id").asText());
    }

    /** A raw reply with an error status is Graph's error shape, whatever its status and code. */
    public static void assertGraphShaped(RawHttp.RawReply reply) {
        assertThat(reply.header("Content-Type")).as("Content-Type of %s", reply).startsWith("application/json");
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + reply, e);
        }
        assertThat(json.path("error").path("code").asText()).as("code of %s", reply).isNotBlank();
        assertThat(json.path("error").path("message").asText()).as("message of %s", reply).isNotBlank();
        assertErrorShape(json, reply.body(), reply.header("request-id"), reply.header("client-request-id"));
    }

    private static void assertErrorShape(JsonNode json, String body, String requestId, String clientRequestId) {
        assertThat(json.size()).as("only the error property in %s", body).isEqualTo(1);
        assertThat(requestId).matches(GUID);
        JsonNode innerError = json.get("error").get("innerError");
        assertThat(innerError.get("request-id").asText()).isEqualTo(requestId);
        assertThat(innerError.get("client-request-id").asText()).isEqualTo(clientRequestId);
        assertThat(innerError.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(body).doesNotContain("Exception", "\tat ", ".java:");
    }
}
