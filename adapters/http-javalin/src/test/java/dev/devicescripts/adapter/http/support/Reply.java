package dev.devicescripts.adapter.http.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** One response as a client sees it: status, headers, body. */
public final class Reply {
    private final HttpResponse<String> response;
    private final ObjectMapper mapper;

    Reply(HttpResponse<String> response, ObjectMapper mapper) {
        this.response = response;
        this.mapper = mapper;
    }

    public int status() {
        return response.statusCode();
    }

    public String body() {
        return response.body();
    }

    /** The header's value, null when absent. */
    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
        try {
            return mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Override
    public String toString() {
        return response.statusCode() + " " + response.headers().map() + " " + response.body();
    }
}
