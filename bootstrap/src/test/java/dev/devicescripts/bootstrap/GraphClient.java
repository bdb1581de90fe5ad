package dev.devicescripts.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A Graph client as a test needs one: real HTTP over a socket to a running server with a bearer token, JSON read with
 * Jackson.
 */
final class GraphClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String root;
    private final String token;

    /** @param token the bearer token every request carries */
    GraphClient(int port, String token) {
        this(HttpClient.newBuilder(), "http://localhost:" + port, token);
    }

    /** A client of a server that speaks HTTPS, trusting the certificates that {@code trust} trusts. */
    GraphClient(int port, String token, SSLContext trust) {
        this(HttpClient.newBuilder().sslContext(trust), "https://localhost:" + port, token);
    }

    private GraphClient(HttpClient.Builder http, String root, String token) {
        this.http = http.connectTimeout(TIMEOUT).build();
        this.root = root;
        this.token = token;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Sends {@code method path}, with {@code json} as its body unless null, and hands the answer to {@code body}: for
     * answers too large to keep whole.
     */
    <T> HttpResponse<T> send(String method, String path, byte[] json, HttpResponse.BodyHandler<T> body) {
        return send(request(method, path, json), body);
    }

    /** Sends {@code method path} with one more header, such as {@code client-request-id}, and a body unless null. */
    HttpResponse<String> send(String method, String path, String json, String header, String value) {
        return send(request(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8))
                .header(header, value));
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }

    private HttpRequest.Builder request(String method, String path, byte[] json) {
        HttpRequest.Builder request = request(path);
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
