package dev.devicescripts.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.auth.AuthenticatedCaller;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON object per request, on one line, for operators: when, which request (the request-id a client quotes and
 * its own client-request-id), who (tenant and client app, never the token), what (method, route template, path), how
 * it ended and how long it took. Its logger, {@value GraphHttpServer#ACCESS_LOGGER}, writes the message alone, so the
 * line is this JSON whole; a missing tenant or app (a request refused before its token was read) is null.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger(GraphHttpServer.ACCESS_LOGGER);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    /** ASCII only: the line reads the same whatever encoding the log is written in. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private AccessLog() {
    }

    static void record(Context ctx, String route, Duration duration) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Optional<AuthenticatedCaller> caller = RequestCaller.authenticated(ctx);
        ObjectNode line = JSON.createObjectNode()
                .put("timestamp", TIMESTAMP.format(Instant.now()))
                .put("requestId", RequestIds.requestId(ctx))
                .put("clientRequestId", RequestIds.clientRequestId(ctx))
                .put("tenant", caller.map(known -> known.caller().tenant().toString()).orElse(null))
                .put("appId", caller.map(AuthenticatedCaller::clientAppId).orElse(null))
                .put("method", ctx.method().name())
                .put("route", route)
                .put("path", ctx.path())
                .put("status", ctx.statusCode())
                .put("durationMs", Math.round(duration.toNanos() / 100_000.0) / 10.0);
        try {
            LOG.info("{}", JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings and numbers always serialises", e);
        }
    }
}
