package dev.devicescripts.adapter.http.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One request of a JSON batch as the client wrote it.
 *
 * @param method    upper case, as HTTP spells methods
 * @param url       relative to the version root, not yet checked
 * @param headers   in the client's order and spelling
 * @param body      null when the request has none
 * @param dependsOn ids of requests of the same batch that must run, and succeed, first
 */
record BatchStep(String id, String method, String url, Map<String, String> headers, JsonNode body,
                 List<String> dependsOn) {

    /** The value of the header {@code name}, whatever its case; null when the request has none. */
    String header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
