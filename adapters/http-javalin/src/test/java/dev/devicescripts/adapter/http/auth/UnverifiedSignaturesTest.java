package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.GRAPH;
import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.TENANT;
import static dev.devicescripts.adapter.http.auth.TestTokens.assembled;
import static dev.devicescripts.adapter.http.auth.TestTokens.at;
import static dev.devicescripts.adapter.http.auth.TestTokens.bearer;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.rsaKey;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.auth.TestTokens.unsigned;
import static dev.devicescripts.adapter.http.auth.TestTokens.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.audit.Actor;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real Graph tokens, which no one but Graph can verify: claims checked, signatures not. */
class UnverifiedSignaturesTest {
    private final Authenticator authenticator = Authenticators.unverifiedSignatures(RULES);

    @Test
    void tokenSignedByAKeyNoOneHereKnowsIsAccepted() {
        Caller caller = authenticator.authenticate(bearer(signed(rsaKey("microsoft"), validClaims().build())))
                .caller();

        assertThat(caller.kind()).isEqualTo(Actor.Kind.DELEGATED);
        assertThat(caller.tenant().toString()).isEqualTo(TENANT);
    }

    @Test
    void unsignedTokenIsAcceptedSinceNothingIsVerified() {
        assertThat(authenticator.authenticate(bearer(unsigned(validClaims().build())))).isNotNull();
    }

    @Test
    void tokenWithAnAlgorithmThisServerCannotVerifyIsAccepted() {
        String token = assembled("{\"alg\":\"HS256\"}", validClaims().build(), "not checked");

        assertThat(authenticator.authenticate(bearer(token))).isNotNull();
    }

    @Test
    void expiredTokenIsStillRefused() {
        assertThat(refusalOf(authenticator, unsigned(validClaims().expirationTime(at(Duration.ofHours(-1))).build())))
                .contains("expired at");
    }

    @Test
    void tokenForAnotherAudienceIsStillRefused() {
        assertThat(refusalOf(authenticator, unsigned(validClaims().audience("https://vault.azure.net").build())))
                .contains("'https://vault.azure.net'");
    }

    @Test
    void tokenWithoutTenantIsStillRefused() {
        assertThat(refusalOf(authenticator, unsigned(validClaims().claim("tid", null).build())))
                .contains("no tenant id (tid claim)");
    }

    @Test
    void issuerIsCheckedWhenTheRulesNameOne() {
        assertThat(refusalOf(authenticator, unsigned(validClaims().issuer("https://sts.windows.net/x/").build())))
                .contains("'https://sts.windows.net/x/'");
    }

    @Test
    void anyIssuerIsAcceptedWhenTheRulesNameNone() {
        Authenticator withoutIssuer = Authenticators.unverifiedSignatures(
                new TokenRules(null, Set.of(GRAPH), Duration.ofSeconds(60)));

        assertThat(withoutIssuer.authenticate(bearer(unsigned(validClaims()
                .issuer("https://sts.windows.net/" + TENANT + "/").build())))).isNotNull();
    }
}
