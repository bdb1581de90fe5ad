package dev.devicescripts.adapter.http.batch;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.BATCH_SCRIPTS;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertInnerError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.GraphErrorAssertions;
import dev.devicescripts.adapter.http.support.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The url of a request in a batch that the server could not take is that request's 414 or 400, in Graph's shape, as
 * Graph answers it: never a 500 for the whole batch, and the other requests are answered.
 */
class BatchUrlLimitsTest {
    private final GraphApi api = GraphApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {40_000, 70_000, 400_000}) // past the 32 KiB of a request head
    void givenAnOverLongUrlInABatchWhenPostedThenThatRequestIs414AsAloneAndTheOthersAreAnswered(int length) {
        String id = api.createScript("Read beside a long url");
        String inQuery = BATCH_SCRIPTS + "?$filter=" + "a".repeat(length);
        String inPath = BATCH_SCRIPTS + "/" + "a".repeat(length);

        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("query", "GET", inQuery, null),
                request("path", "GET", inPath, null),
                request("read", "GET", BATCH_SCRIPTS + "/" + id, null))));

        String aloneCode = codeOf(RawHttp.exchangeOrFail(port(), "GET",
                ("/beta" + inQuery).getBytes(StandardCharsets.US_ASCII), List.of(), new byte[0]), 414);
        assertInnerError(responses.get("query"), 414, aloneCode);
        assertInnerError(responses.get("path"), 414, aloneCode);
        assertThat(responses.get("read").get("status").asInt()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%u0041", "/deviceManagement/%zz", "/deviceManagement/deviceManagementScripts%00",
            "/deviceManagement/deviceManagementScripts/%", "/deviceManagement/deviceManagementScripts/%0",
            "/deviceManagement/deviceManagementScripts/%ff", "/deviceManagement/deviceManagementScripts/%C0%AF",
            "/deviceManagement/deviceManagementScripts/%2e%2e%2f%2e%2e", "/deviceManagement%2FdeviceManagementScripts",
            "/deviceManagement/deviceManagementScripts?$filter=%", "/deviceManagement/deviceManagementScripts?$top=%G1",
            "/deviceManagement/deviceManagementScripts?$top=%00"})
    void givenAMalformedEscapeInABatchUrlWhenPostedThenThatRequestIs400(String url) {
        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(request("1", "GET", url, null))));

        assertInnerError(responses.get("1"), 400, "BadRequest");
    }

    private int port() {
        return api.server().port();
    }

    /** The Graph error code of a reply that must have {@code status}. */
    private static String codeOf(RawHttp.RawReply reply, int status) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        GraphErrorAssertions.assertGraphShaped(reply);
        try {
            return new ObjectMapper().readTree(reply.body()).get("error").get("code").asText();
        } catch (IOException e) {
            throw new AssertionError(reply.body(), e);
        }
    }
}
