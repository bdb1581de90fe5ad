package dev.devicescripts.adapter.http.server;

import static dev.devicescripts.adapter.http.support.GraphApi.ADMIN_TOKEN;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.adapter.http.support.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The access log as a log shipper reads it: each line one JSON object, whatever a client sends. */
class AccessLogTest {
    private final Logger accessLogger = (Logger) LoggerFactory.getLogger(AccessLog.ACCESS_LOGGER);
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private GraphApi api;

    @BeforeEach
    void listen() {
        written.start();
        accessLogger.addAppender(written);
        accessLogger.setLevel(Level.INFO); // the tests' logback configuration shows warnings only
        accessLogger.setAdditive(false);
        api = GraphApi.start();
    }

    @AfterEach
    void stop() {
        api.close();
        accessLogger.detachAppender(written);
        accessLogger.setLevel(null);
        accessLogger.setAdditive(true);
    }

    @Test
    void aLineIsOneAsciiJsonObjectWhateverQuotesBackslashesTabsAndNonAsciiBytesTheClientSends() throws Exception {
        byte[] hostile = "\"},{\"status\":200,\t\"x\":\"\\ caf\u00e9 \u2028".getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[RawHttp.header("client-request-id", "").length + hostile.length];
        System.arraycopy(RawHttp.header("client-request-id", ""), 0, header, 0, header.length - hostile.length);
        System.arraycopy(hostile, 0, header, header.length - hostile.length, hostile.length);

        RawHttp.RawReply reply = RawHttp.exchangeOrFail(api.server().port(), "GET",
                (SCRIPTS + "/caf%C3%A9").getBytes(StandardCharsets.US_ASCII),
                List.of(RawHttp.header("Authorization", "Bearer " + ADMIN_TOKEN), header), new byte[0]);

        JsonNode line = onlyLine();
        assertThat(line.get("clientRequestId").asText()).isEqualTo(reply.header("client-request-id"))
                .contains("\"},{\"status\":200,\t\"x\":\"\\");
        assertThat(line.get("path").asText()).isEqualTo(SCRIPTS + "/caf%C3%A9"); // as sent
        assertThat(line.get("status").asInt()).isEqualTo(reply.status()).isEqualTo(400);
        assertThat(written.list.get(0).getFormattedMessage()).matches("\\p{Graph}[\\p{Graph} ]*");
    }

    @Test
    void aLineNamesTheTenantAndAppOfAVerifiedTokenNeverTheTokenItself() throws Exception {
        Reply reply = api.get(SCRIPTS);

        JsonNode line = onlyLine();
        assertThat(line.get("requestId").asText()).isEqualTo(reply.header("request-id"));
        assertThat(line.get("tenant").asText()).isEqualTo(TENANT.toString());
        assertThat(line.get("appId").asText()).isEqualTo("5e3ce6c0-2b1f-4285-8d4b-75ee78787346");
        assertThat(line.get("route").asText()).isEqualTo(SCRIPTS);
        assertThat(written.list.get(0).getFormattedMessage()).doesNotContain(ADMIN_TOKEN);
    }

    @Test
    void aRequestRefusedBeforeItsTokenWasReadHasNoTenantOrApp() throws Exception {
        api.as(null).get(SCRIPTS);

        JsonNode line = onlyLine();
        assertThat(line.get("status").asInt()).isEqualTo(401);
        assertThat(line.get("tenant").isNull()).isTrue();
        assertThat(line.get("appId").isNull()).isTrue();
    }

    private JsonNode onlyLine() throws Exception {
        List<ILoggingEvent> lines = written.list;
        assertThat(lines).hasSize(1);
        return mapper.readTree(lines.get(0).getFormattedMessage());
    }
}
