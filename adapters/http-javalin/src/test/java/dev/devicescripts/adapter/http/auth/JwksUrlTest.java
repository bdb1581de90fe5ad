package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.bearer;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.rsaKey;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.auth.TestTokens.validClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys from a JWKS URL: fetched once and cached, fetched again for a key id not seen yet. */
class JwksUrlTest {
    private final JWK first = rsaKey("first");
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first));
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;
    private Authenticator authenticator;

    @BeforeEach
    void publishTheKeys() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/keys", this::serveKeys);
        server.start();
        authenticator = Authenticators.jwksUrl(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keys"), RULES);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serveKeys(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        byte[] body = published.get().toString(true).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void accept(JWK key) {
        assertThat(authenticator.authenticate(bearer(signed(key, validClaims().build())))).isNotNull();
    }

    @Test
    void keysAreFetchedOnFirstUseAndThenServedFromTheCache() {
        assertThat(fetches).hasValue(0);

        accept(first);
        accept(first);

        assertThat(fetches).hasValue(1);
    }

    @Test
    void tokenNamingAnUnseenKeyIdFetchesTheKeysAgain() {
        accept(first);
        JWK rotated = rsaKey("rotated");
        published.set(new JWKSet(List.of(first, rotated)));

        accept(rotated);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void unknownKeyIdsRefetchAtMostOnceBeforeTheRateLimitRefusesThem() {
        accept(first);

        refusalOf(authenticator, signed(rsaKey("stranger"), validClaims().build()));
        String message = refusalOf(authenticator, signed(rsaKey("stranger"), validClaims().build()));

        assertThat(message).contains("does not trust", "'stranger'");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void anUnreachableKeyUrlIsTheServersFailureNotTheTokens() {
        server.stop(0);
        String token = signed(first, validClaims().build());

        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + token))
                .isInstanceOf(SigningKeysUnavailableException.class)
                .hasMessageContaining("could not load the keys")
                .hasMessageNotContaining(token);
    }
}
