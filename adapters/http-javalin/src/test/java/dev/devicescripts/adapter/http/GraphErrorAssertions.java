package dev.devicescripts.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** What every Graph error must look like to a client. */
final class GraphErrorAssertions {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private GraphErrorAssertions() {
    }

    /**
     * The reply is Graph's error shape with this status and code, its message names every one of {@code named},
     * it carries a new request-id, and it shows no stack trace.
     */
    static void assertGraphError(Reply reply, int status, String code, String... named) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode error = reply.json().get("error");
        assertThat(reply.json().size()).as("only the error property").isEqualTo(1);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(named);
        assertThat(reply.header("request-id")).matches(GUID);
        JsonNode innerError = error.get("innerError");
        assertThat(innerError.get("request-id").asText()).isEqualTo(reply.header("request-id"));
        assertThat(innerError.get("client-request-id").asText()).isEqualTo(reply.header("client-request-id"));
        assertThat(innerError.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", ".java:");
    }
}
