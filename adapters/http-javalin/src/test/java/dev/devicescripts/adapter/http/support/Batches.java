package dev.devicescripts.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bodies of {@code POST /beta/$batch} as clients write them, and the answers to their requests by id. */
public final class Batches {
    public static final String BATCH = "/beta/$batch";
    /** Script paths as a batch writes them: relative to /beta. */
    public static final String BATCH_SCRIPTS = "/deviceManagement/deviceManagementScripts";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Batches() {
    }

    /** One request of a batch; {@code body} is JSON text or null, {@code headers} name and value alternating. */
    public static ObjectNode request(String id, String method, String url, String body, String... headers) {
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

    public static String batch(ObjectNode... requests) {
        ObjectNode batch = MAPPER.createObjectNode();
        batch.putArray("requests").addAll(List.of(requests));
        return batch.toString();
    }

    /** A batch of {@code size} requests that each list the scripts, their ids 1 to size. */
    public static String batchOfReads(int size) {
        ObjectNode[] reads = new ObjectNode[size];
        for (int i = 0; i < size; i++) {
            reads[i] = request(Integer.toString(i + 1), "GET", BATCH_SCRIPTS, null);
        }
        return batch(reads);
    }

    public static ArrayNode array(String... values) {
        ArrayNode array = MAPPER.createArrayNode();
        List.of(values).forEach(array::add);
        return array;
    }

    /** The answer to each request of a batch that was answered 200, by the request's id. */
    public static Map<String, JsonNode> responsesById(Reply batch) {
        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        Map<String, JsonNode> responses = new HashMap<>();
        batch.json().get("responses").forEach(response -> responses.put(response.get("id").asText(), response));
        return responses;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
