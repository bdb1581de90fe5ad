package dev.devicescripts.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devicescripts.adapter.persistence.memory.InMemoryStore;
import dev.devicescripts.application.service.AssignmentService;
import dev.devicescripts.application.service.HealthService;
import dev.devicescripts.application.service.ScriptService;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * A GraphHttpServer on a free port over the real services and an in-memory store, and a client that talks to it
 * over a real socket. Each test starts its own, so no test sees another's scripts.
 */
final class GraphApi implements AutoCloseable {
    static final String SCRIPTS = "/beta/deviceManagement/deviceManagementScripts";
    /** The @odata.context Graph writes for the scripts collection, spelled out as a client reads it. */
    static final String SCRIPTS_CONTEXT =
            "https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceManagementScripts";
    static final long MAX_BODY_BYTES = 1024 * 1024;
    static final Instant FIRST_CLOCK_TICK = Instant.parse("2026-11-28T12:00:00Z");

    private final GraphHttpServer server;
    private final HttpClient http;
    /** http, or https when the server speaks TLS. */
    private final String scheme;
    private final ObjectMapper mapper = new ObjectMapper();

    private GraphApi(UnaryOperator<GraphUseCases> replaceSome, int pageSize, Optional<TlsFiles> tls, HttpClient http) {
        InMemoryStore store = new InMemoryStore();
        AtomicLong seconds = new AtomicLong();
        // Each reading of the clock is one second later, so scripts list in the order they were created.
        ScriptService scripts = new ScriptService(store, () -> FIRST_CLOCK_TICK.plusSeconds(seconds.getAndIncrement()),
                () -> new ScriptId(UUID.randomUUID()));
        AssignmentService assignments = new AssignmentService(store, AssignmentSet.DEFAULT_MAX_TARGETS);
        GraphUseCases useCases = new GraphUseCases(scripts, scripts, scripts, scripts, scripts, assignments,
                assignments, new HealthService(store));
        TenantId tenant = TenantId.of("11111111-2222-3333-4444-555555555555");
        server = new GraphHttpServer(replaceSome.apply(useCases),
                new HttpSettings("127.0.0.1", 0, MAX_BODY_BYTES, pageSize, tenant, tls)).start();
        this.http = http;
        scheme = tls.isPresent() ? "https" : "http";
    }

    static GraphApi start() {
        return new GraphApi(useCases -> useCases, HttpSettings.DEFAULT_PAGE_SIZE, Optional.empty(),
                HttpClient.newHttpClient());
    }

    /** A server that speaks HTTPS with {@code files}, called by a client whose {@code trust} accepts its chain. */
    static GraphApi startWithTls(TlsFiles files, SSLContext trust) {
        return new GraphApi(useCases -> useCases, HttpSettings.DEFAULT_PAGE_SIZE, Optional.of(files),
                HttpClient.newBuilder().sslContext(trust).build());
    }

    /** A server whose use cases are the real ones except those {@code replaceSome} swaps for fakes. */
    static GraphApi startWith(UnaryOperator<GraphUseCases> replaceSome) {
        return new GraphApi(replaceSome, HttpSettings.DEFAULT_PAGE_SIZE, Optional.empty(), HttpClient.newHttpClient());
    }

    static GraphApi startWithPageSize(int pageSize) {
        return new GraphApi(useCases -> useCases, pageSize, Optional.empty(), HttpClient.newHttpClient());
    }

    String url(String path) {
        return scheme + "://127.0.0.1:" + server.port() + path;
    }

    GraphHttpServer server() {
        return server;
    }

    Reply get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    Reply delete(String path) {
        return send("DELETE", path, BodyPublishers.noBody());
    }

    /** Sends {@code json} as application/json, as every real client does. */
    Reply post(String path, String json, String... headers) {
        return sendJson("POST", path, json, headers);
    }

    Reply patch(String path, String json, String... headers) {
        return sendJson("PATCH", path, json, headers);
    }

    private Reply sendJson(String method, String path, String json, String... headers) {
        return send(method, path, BodyPublishers.ofString(json),
                concat(headers, "Content-Type", "application/json"));
    }

    /** Sends exactly the given headers, name and value alternating. */
    Reply send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a script named {@code displayName} and answers its id. */
    String createScript(String displayName) {
        Reply created = post(SCRIPTS, "{\"displayName\":\"" + displayName + "\",\"scriptContent\":\"V3JpdGUtSG9zdCBoaQ==\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** What a client sees of the script, all of it, for comparing before and after a request. */
    JsonNode script(String id) {
        return get(SCRIPTS + "/" + id).json();
    }

    JsonNode assignmentsOf(String scriptId) {
        return get(SCRIPTS + "/" + scriptId + "/assignments").json();
    }

    long count() {
        return Long.parseLong(get(SCRIPTS + "/$count").body());
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    @Override
    public void close() {
        server.close();
    }
}
