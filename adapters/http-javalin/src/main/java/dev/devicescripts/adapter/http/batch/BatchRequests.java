package dev.devicescripts.adapter.http.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.graph.JsonObjectReader;
import dev.devicescripts.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a JSON batch body, {@code {"requests":[{"id","method","url","headers","body","dependsOn"}]}}, and refuses,
 * naming the property, whatever would make the whole batch meaningless: Graph answers those with one 400.
 */
final class BatchRequests {
    /** Graph's limit on the requests of one batch. */
    static final int MAX_REQUESTS = 20;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Visible ASCII, spaces and tabs: a CR or LF would end the header line and start another. */
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E\\t]*");

    private BatchRequests() {
    }

    static List<BatchStep> read(JsonObjectReader batch) {
        if (!batch.has("requests")) {
            throw new InvalidInputException("requests", "is required: a batch is {\"requests\":[...]}.");
        }
        List<BatchStep> steps = batch.objects("requests", BatchRequests::step);
        batch.rejectUnknown("a JSON batch");
        if (steps.isEmpty() || steps.size() > MAX_REQUESTS) {
            throw new InvalidInputException("requests", "holds " + steps.size() + " requests; a batch holds from 1 to "
                    + MAX_REQUESTS + ".");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!ids.add(steps.get(i).id())) {
                throw new InvalidInputException("requests[" + i + "].id", "'" + steps.get(i).id()
                        + "' is the id of an earlier request; ids must be unique within a batch.");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String dependency : steps.get(i).dependsOn()) {
                if (!ids.contains(dependency)) {
                    throw new InvalidInputException("requests[" + i + "].dependsOn", "names '" + dependency
                            + "', which is the id of no request in this batch.");
                }
            }
        }
        return steps;
    }

    /**
     * The steps in an order that runs each after the requests it depends on, otherwise in the order written.
     *
     * @throws InvalidInputException when dependencies form a cycle, naming the requests in it
     */
    static List<BatchStep> executionOrder(List<BatchStep> steps) {
        List<BatchStep> waiting = new ArrayList<>(steps);
        List<BatchStep> order = new ArrayList<>(steps.size());
        Set<String> done = new HashSet<>();
        while (!waiting.isEmpty()) {
            BatchStep ready = waiting.stream()
                    .filter(step -> done.containsAll(step.dependsOn()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException("dependsOn", "of the requests "
                            + waiting.stream().map(BatchStep::id).collect(Collectors.joining(", "))
                            + " forms a cycle, so none of them could run."));
            waiting.remove(ready);
            done.add(ready.id());
            order.add(ready);
        }
        return order;
    }

    private static BatchStep step(JsonObjectReader request) {
        String id = required(request, "id");
        String method = required(request, "method").toUpperCase(Locale.ROOT);
        if (!TOKEN.matcher(method).matches()) {
            throw new InvalidInputException("method", "'" + method + "' is not an HTTP method.");
        }
        String url = required(request, "url");
        Map<String, String> headers = headers(request.raw("headers"));
        JsonNode body = request.raw("body");
        List<String> dependsOn = request.strings("dependsOn");
        request.rejectUnknown("a batch request");
        if (dependsOn != null && dependsOn.contains(null)) {
            throw new InvalidInputException("dependsOn", "must hold request ids, not null.");
        }
        return new BatchStep(id, method, url, headers, body, dependsOn == null ? List.of() : List.copyOf(dependsOn));
    }

    private static String required(JsonObjectReader request, String name) {
        String value = request.string(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "is required and must not be empty.");
        }
        return value;
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> read = new LinkedHashMap<>();
        if (headers == null) {
            return read;
        }
        if (!headers.isObject()) {
            throw new InvalidInputException("headers", "must be a JSON object of header names and string values.");
        }
        headers.fields().forEachRemaining(header -> {
            String name = header.getKey();
            JsonNode value = header.getValue();
            if (!TOKEN.matcher(name).matches()) {
                throw new InvalidInputException("headers", "'" + name + "' is not a valid HTTP header name.");
            }
            if (!value.isTextual() || !HEADER_VALUE.matcher(value.textValue()).matches()) {
                throw new InvalidInputException("headers." + name, "must be a string of visible ASCII characters.");
            }
            read.put(name, value.textValue());
        });
        return read;
    }
}
