package dev.devicescripts.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    static void record(RequestRecorder.Answer answer) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = JSON.createObjectNode()
                .put("timestamp", TIMESTAMP.format(Instant.now()))
                .put("requestId", answer.requestId())
                .put("clientRequestId", answer.clientRequestId())
                .put("tenant", answer.tenant())
                .put("appId", answer.appId())
                .put("method", answer.method())
                .put("route", answer.route())
                .put("path", answer.path())
                .put("status", answer.status())
                .put("durationMs", Math.round(answer.duration().toNanos() / 100_000.0) / 10.0);
        try {
            LOG.info("{}", JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings and numbers always serialises", e);
        }
    }
}
