package dev.devicescripts.adapter.http.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON object per request, on one line, for operators: when, which request (the request-id a client quotes and
 * its own client-request-id), who (tenant and client app, never the token), what (method, route template, path), how
 * it ended and how long it took. Its logger, {@value #ACCESS_LOGGER}, writes the message alone, so the
 * line is this JSON whole; a missing tenant or app (a request refused before its token was read) is null.
 */
public final class AccessLog {
    /** The logger of the access log: one JSON line per request, at INFO. */
    public static final String ACCESS_LOGGER = "devicescripts.access";
    private static final Logger LOG = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    /** ASCII only: the line reads the same whatever encoding the log is written in. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private AccessLog() {
    }

    static void record(RequestRecorder.Answer answer) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringWriter line = new StringWriter(320);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("timestamp", TIMESTAMP.format(Instant.now()));
            json.writeStringField("requestId", answer.requestId());
            json.writeStringField("clientRequestId", answer.clientRequestId());
            json.writeStringField("tenant", answer.tenant());
            json.writeStringField("appId", answer.appId());
            json.writeStringField("method", answer.method());
            json.writeStringField("route", answer.route());
            json.writeStringField("path", answer.path());
            json.writeNumberField("status", answer.status());
            json.writeNumberField("durationMs", Math.round(answer.duration().toNanos() / 100_000.0) / 10.0);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        LOG.info("{}", line);
    }
}
