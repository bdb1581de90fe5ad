package dev.devicescripts.adapter.http.graph;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.BATCH_SCRIPTS;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphShaped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devicescripts.adapter.http.support.Batches;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.adapter.http.support.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The links of a response (Location, @odata.nextLink, those of a batch's requests) start with the public URL, or the
 * URL the server is bound to, whatever Host and X-Forwarded-* headers a client forges; only behind a proxy the
 * operator trusts do Forwarded and X-Forwarded-* headers name them.
 */
class PublicUrlTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CREATE = "{\"displayName\":\"Linked\"}";
    /** Headers a client forges to send the links, and the SDK with its token, to a host of its choosing. */
    private static final List<List<String>> FORGERIES = List.of(
            List.of("Host: evil.example"),
            List.of("Host: evil.example:8443", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
                    "X-Forwarded-Port: 443", "X-Forwarded-Prefix: /steal"),
            List.of("Host: 127.0.0.1", "Forwarded: proto=https;host=evil.example"));

    @Test
    void givenNoPublicUrlWhenAClientForgesHostOrForwardedHeadersThenLinksStillPointWhereTheServerIsBound() {
        try (GraphApi api = GraphApi.startWithPublicUrl(PublicUrl.AS_BOUND, 1)) {
            api.createScript("Second, so that the list has a next page");
            for (List<String> forged : FORGERIES) {
                RawHttp.RawReply created = raw(api, "POST", SCRIPTS, CREATE, forged);
                RawHttp.RawReply list = raw(api, "GET", SCRIPTS, null, forged);

                assertThat(created.status()).as("%s", created).isEqualTo(201);
                assertThat(created.header("Location")).as("%s", forged)
                        .isEqualTo(api.url(SCRIPTS + "/" + json(created).get("id").asText()));
                assertThat(json(list).get("@odata.nextLink").asText()).as("%s", forged)
                        .startsWith(api.url(SCRIPTS + "?"));
            }
        }
    }

    @Test
    void givenNoPublicUrlWhenABatchIsSentWithAForgedHostThenItsRequestsLinkWhereTheServerIsBound() {
        try (GraphApi api = GraphApi.startWithPublicUrl(PublicUrl.AS_BOUND, 1)) {
            api.createScript("First");
            api.createScript("Second");
            String body = batch(
                    request("create", "POST", BATCH_SCRIPTS, CREATE, "Content-Type", "application/json",
                            "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example"),
                    request("list", "GET", BATCH_SCRIPTS, null, "X-Forwarded-Host", "evil.example",
                            "X-Devicescripts-Batch-Link-Base", "https://evil.example"));

            for (List<String> forged : FORGERIES) {
                Map<String, JsonNode> responses = responses(raw(api, "POST", BATCH, body, forged));

                assertLinks(responses, api.url(""));
            }
        }
    }

    @Test
    void givenAPublicUrlWithAPathPrefixWhenScriptsAreCreatedAndListedThenLinksStartWithItAndLeadBackHere() {
        PublicUrl publicUrl = new PublicUrl(Optional.of(URI.create("https://graph.example.com/intune/")), false);
        String base = "https://graph.example.com/intune";
        try (GraphApi api = GraphApi.startWithPublicUrl(publicUrl, 1)) {
            Reply created = api.post(SCRIPTS, CREATE, "X-Forwarded-Host", "evil.example");
            api.createScript("Second");
            String nextLink = api.get(SCRIPTS).json().get("@odata.nextLink").asText();

            assertThat(created.header("Location")).isEqualTo(base + SCRIPTS + "/" + created.json().get("id").asText());
            assertThat(nextLink).startsWith(base + SCRIPTS + "?$skiptoken=");
            // Behind the proxy that strips the prefix, the link is the next page.
            assertThat(api.get(nextLink.substring(base.length())).json().get("value").get(0).get("displayName")
                    .asText()).isEqualTo("Second");
            assertLinks(Batches.responsesById(api.post(BATCH, batch(
                    request("create", "POST", BATCH_SCRIPTS, CREATE, "Content-Type", "application/json"),
                    request("list", "GET", BATCH_SCRIPTS, null)))), base);
        }
    }

    @Test
    void givenTrustedForwardedHeadersWhenAProxySendsThemThenLinksFollowThemAndTheBatchsRequestsToo() {
        try (GraphApi api = GraphApi.startWithPublicUrl(new PublicUrl(Optional.empty(), true), 1)) {
            api.createScript("Second");
            Map<List<String>, String> forwardedTo = Map.of(
                    List.of("Host: 127.0.0.1", "X-Forwarded-Proto: https", "X-Forwarded-Host: graph.example.com",
                            "X-Forwarded-Prefix: /intune/"), "https://graph.example.com/intune",
                    List.of("Host: 127.0.0.1", "Forwarded: proto=https;host=\"proxy.example:8443\""),
                    "https://proxy.example:8443",
                    List.of("Host: graph.example.com", "X-Forwarded-Proto: https"), "https://graph.example.com");

            forwardedTo.forEach((headers, base) -> {
                RawHttp.RawReply created = raw(api, "POST", SCRIPTS, CREATE, headers);

                assertThat(created.header("Location")).as("%s", headers)
                        .isEqualTo(base + SCRIPTS + "/" + json(created).get("id").asText());
                assertThat(json(raw(api, "GET", SCRIPTS, null, headers)).get("@odata.nextLink").asText())
                        .startsWith(base + SCRIPTS + "?");
                // A batch's client is no proxy: its requests' own X-Forwarded-Host is not followed.
                assertLinks(responses(raw(api, "POST", BATCH, batch(
                        request("create", "POST", BATCH_SCRIPTS, CREATE, "Content-Type", "application/json",
                                "X-Forwarded-Host", "evil.example"),
                        request("list", "GET", BATCH_SCRIPTS, null, "Forwarded", "host=evil.example")), headers)),
                        base);
            });
        }
    }

    @Test
    void givenTrustedForwardedHeadersWhenARequestCarriesNoneThenLinksPointWhereTheServerIsBoundWhateverItsHost() {
        try (GraphApi api = GraphApi.startWithPublicUrl(new PublicUrl(Optional.empty(), true), 1)) {
            RawHttp.RawReply created = raw(api, "POST", SCRIPTS, CREATE, List.of("Host: evil.example"));

            assertThat(created.header("Location")).isEqualTo(api.url(SCRIPTS + "/" + json(created).get("id").asText()));
        }
    }

    @Test
    void givenTrustedForwardedHeadersWhenTheirPrefixIsNoPathThenTheRequestIs400NamingTheHeader() {
        try (GraphApi api = GraphApi.startWithPublicUrl(new PublicUrl(Optional.empty(), true), 1)) {
            for (String prefix : List.of("intune", "//evil.example", "/a b", "/a?b")) {
                RawHttp.RawReply refused = raw(api, "POST", SCRIPTS, CREATE,
                        List.of("Host: 127.0.0.1", "X-Forwarded-Prefix: " + prefix));

                assertThat(refused.status()).as("%s", prefix).isEqualTo(400);
                assertGraphShaped(refused);
                assertThat(refused.body()).contains("X-Forwarded-Prefix");
            }
            assertThat(api.count()).isZero();
        }
    }

    /** The Location of the batch's "create" and the next link of its "list" both start with {@code base}. */
    private static void assertLinks(Map<String, JsonNode> responses, String base) {
        JsonNode created = responses.get("create");
        assertThat(created.get("status").asInt()).as("%s", created).isEqualTo(201);
        assertThat(created.get("headers").get("Location").asText())
                .isEqualTo(base + SCRIPTS + "/" + created.get("body").get("id").asText());
        assertThat(responses.get("list").get("body").get("@odata.nextLink").asText()).startsWith(base + SCRIPTS + "?");
    }

    private static Map<String, JsonNode> responses(RawHttp.RawReply batch) {
        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        json(batch).get("responses").forEach(response -> byId.put(response.get("id").asText(), response));
        return byId;
    }

    /** Sends {@code method target} with the admin's token and {@code headers}, a Host among them, as lines. */
    private static RawHttp.RawReply raw(GraphApi api, String method, String target, String json, List<String> headers) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        head.append("Authorization: Bearer ").append(GraphApi.ADMIN_TOKEN).append("\r\n")
                .append("Content-Type: application/json\r\nContent-Length: ").append(body.length)
                .append("\r\nConnection: close\r\n\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        try (Socket socket = new Socket("127.0.0.1", api.server().port())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.toByteArray());
            return RawHttp.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(RawHttp.RawReply reply) {
        try {
            return MAPPER.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(reply.body(), e);
        }
    }
}
