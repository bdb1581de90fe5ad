package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.RSA_KEY;
import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.bearer;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.auth.TestTokens.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A token that passed is not checked again while it is valid, and no longer counts once it has expired. */
class RememberedTokensTest {
    private final AtomicInteger signatureChecks = new AtomicInteger();

    private Authenticator countingSignatureChecks(TokenRules rules) {
        SignatureCheck keys = new KeySignatureCheck(new ImmutableJWKSet<>(new JWKSet(RSA_KEY.toPublicJWK())));
        return new TokenAuthenticator(token -> {
            signatureChecks.incrementAndGet();
            keys.verify(token);
        }, new ClaimChecks(rules));
    }

    @Test
    void aTokenSentAgainGivesTheSameCallerWithoutASecondSignatureCheck() {
        Authenticator authenticator = countingSignatureChecks(RULES);
        String token = signed(RSA_KEY, validClaims().build());

        AuthenticatedCaller first = authenticator.authenticate(bearer(token));
        AuthenticatedCaller again = authenticator.authenticate(bearer(token));

        assertThat(again).isEqualTo(first);
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRefusedTokenIsCheckedAndRefusedEveryTime() {
        Authenticator authenticator = countingSignatureChecks(RULES);
        String token = signed(TestTokens.rsaKey("another-key"), validClaims().build());

        refusalOf(authenticator, token);
        String again = refusalOf(authenticator, token);

        assertThat(again).contains("does not trust");
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aTokenThatPassedIsRefusedOnceItHasExpired() throws InterruptedException {
        Authenticator authenticator = countingSignatureChecks(new TokenRules(RULES.issuer(), RULES.audiences(),
                Duration.ZERO));
        Instant expiry = Instant.now().plusSeconds(1);
        String token = signed(RSA_KEY, validClaims().expirationTime(Date.from(expiry)).build());
        authenticator.authenticate(bearer(token));

        while (!Instant.now().isAfter(expiry)) {
            Thread.sleep(50);
        }

        assertThat(refusalOf(authenticator, token)).contains("expired");
    }
}
