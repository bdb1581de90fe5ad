package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.RSA_KEY;
import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.bearer;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.rsaKey;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.auth.TestTokens.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A token that passed is not read and verified again while its key is still trusted, and is refused as soon as the
 * key is not, or the token has expired.
 */
class RememberedTokensTest {
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final AtomicReference<List<JWK>> trusted = new AtomicReference<>(List.of(RSA_KEY.toPublicJWK()));
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private final Authenticator authenticator = new TokenAuthenticator(new KeySignatureCheck(
            (JWKSource<SecurityContext>) (selector, context) -> selector.select(new JWKSet(trusted.get())),
            new DefaultJWSVerifierFactory() {
                @Override
                public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
                    signatureChecks.incrementAndGet();
                    return super.createJWSVerifier(header, key);
                }
            }), new ClaimChecks(RULES, clock));

    @Test
    void aTokenSentAgainGivesTheSameCallerWithoutASecondSignatureCheck() {
        String token = signed(RSA_KEY, validClaims().build());

        AuthenticatedCaller first = authenticator.authenticate(bearer(token));
        AuthenticatedCaller again = authenticator.authenticate(bearer(token));

        assertThat(again).isEqualTo(first);
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aTokenThatVerifiedIsRefusedOnceItExpires() {
        Instant expiry = now.get().plus(Duration.ofMinutes(10));
        String token = signed(RSA_KEY, validClaims().expirationTime(Date.from(expiry)).build());
        authenticator.authenticate(bearer(token));

        now.set(expiry.plus(RULES.clockSkew()).plusSeconds(1));

        assertThat(refusalOf(authenticator, token)).contains("The token expired at " + expiry.truncatedTo(
                ChronoUnit.SECONDS));
    }

    @Test
    void aTokenThatVerifiedIsRefusedOnceItsKeyIsWithdrawn() {
        String token = signed(RSA_KEY, validClaims().build());
        authenticator.authenticate(bearer(token));

        trusted.set(List.of(rsaKey("rsa-key-1").toPublicJWK())); // the same key id, another key

        assertThat(refusalOf(authenticator, token)).contains("signature does not verify");
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsCheckedAndRefused() {
        String token = signed(RSA_KEY, validClaims().build());
        authenticator.authenticate(bearer(token));
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + signed(RSA_KEY, validClaims().claim("scp",
                "DeviceManagementScripts.ReadWrite.All").build()).split("\\.")[1] + "." + parts[2];

        assertThat(refusalOf(authenticator, tampered)).contains("signature does not verify");
        assertThat(signatureChecks).hasValue(2);
    }
}
