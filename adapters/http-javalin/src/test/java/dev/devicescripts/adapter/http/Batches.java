package dev.devicescripts.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** JSON batches (POST /beta/$batch) as a client writes them, and their responses read back by request id. */
final class Batches {
    static final String BATCH = "/beta/$batch";
    /** Script paths as a batch writes them: relative to /beta. */
    static final String BATCH_SCRIPTS = "/deviceManagement/deviceManagementScripts";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Batches() {
    }

    /** One request of a batch; {@code body} is JSON text or null, {@code headers} name and value alternating. */
    static ObjectNode request(String id, String method, String url, String body, String... headers) {
        ObjectNode request = MAPPER.createObjectNode().put("id", id).put("method", method).put("url", url);
        if (headers.length > 0) {
            ObjectNode headerObject = request.putObject("headers");
            for (int i = 0; i < headers.length; i += 2) {
                headerObject.put(headers[i], headers[i + 1]);
            }
        }
        if (body != null) {
            request.set("body", json(body));
        }
        return request;
    }

    static String batch(ObjectNode... requests) {
        ObjectNode batch = MAPPER.createObjectNode();
        batch.putArray("requests").addAll(List.of(requests));
        return batch.toString();
    }

    /** The responses of a batch that was answered 200, by the ids of their requests. */
    static Map<String, JsonNode> responsesById(Reply batch) {
        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        Map<String, JsonNode> responses = new HashMap<>();
        batch.json().get("responses").forEach(response -> responses.put(response.get("id").asText(), response));
        return responses;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
