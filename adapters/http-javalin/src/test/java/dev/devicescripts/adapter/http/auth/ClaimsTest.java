package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.CLIENT_APP;
import static dev.devicescripts.adapter.http.auth.TestTokens.GRAPH;
import static dev.devicescripts.adapter.http.auth.TestTokens.OTHER_TENANT;
import static dev.devicescripts.adapter.http.auth.TestTokens.RSA_KEY;
import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.TENANT;
import static dev.devicescripts.adapter.http.auth.TestTokens.at;
import static dev.devicescripts.adapter.http.auth.TestTokens.bearer;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.auth.TestTokens.validClaims;
import static dev.devicescripts.adapter.http.auth.TestTokens.writeJwks;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the claims of a well-signed token must say, and the caller they make. */
class ClaimsTest {
    private static final String ISSUER_TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";

    private Path keys;
    private Authenticator authenticator;

    @BeforeEach
    void trustTheTestKey(@TempDir Path directory) {
        keys = writeJwks(directory.resolve("keys.json"), RSA_KEY);
        authenticator = Authenticators.jwksFile(keys, RULES);
    }

    private AuthenticatedCaller accepted(JWTClaimsSet.Builder claims) {
        return authenticator.authenticate(bearer(signed(RSA_KEY, claims.build())));
    }

    /** Signs {@code claims} exactly as given, numbers the library would not write included. */
    private static String signedAsIs(Map<String, Object> claims) {
        JWSObject token = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA_KEY.getKeyID()).build(),
                new Payload(claims));
        try {
            token.sign(new RSASSASigner(RSA_KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private String refusal(JWTClaimsSet.Builder claims) {
        return refusalOf(authenticator, signed(RSA_KEY, claims.build()));
    }

    @Test
    void delegatedTokenMakesADelegatedCallerWithItsScopes() {
        AuthenticatedCaller accepted = accepted(validClaims()
                .claim("scp", "DeviceManagementScripts.Read.All DeviceManagementConfiguration.ReadWrite.All"));

        assertThat(accepted.caller()).isEqualTo(new Caller(TenantId.of(TENANT),
                Set.of("DeviceManagementScripts.Read.All", "DeviceManagementConfiguration.ReadWrite.All"),
                new Actor(Actor.Kind.DELEGATED, null, null, null, CLIENT_APP, null, null), ClaimChecks.NO_REQUEST));
        assertThat(accepted.clientAppId()).isEqualTo(CLIENT_APP);
    }

    @Test
    void delegatedActorIsTheSignedInUserThroughTheApp() {
        Actor actor = accepted(validClaims().claim("oid", "0f5ab5c5-1d3a-4a0e-9c1b-6f3e2d1c0b9a")
                .claim("upn", "ada@contoso.test").claim("preferred_username", "other@contoso.test")
                .claim("name", "Ada Lovelace").claim("app_displayname", "Pipeline")).caller().actor();

        assertThat(actor).isEqualTo(new Actor(Actor.Kind.DELEGATED, "0f5ab5c5-1d3a-4a0e-9c1b-6f3e2d1c0b9a",
                "ada@contoso.test", "Ada Lovelace", CLIENT_APP, "Pipeline", null));
    }

    @Test
    void v2TokenNamesItsUserByPreferredUsernameAndItsAppByAzp() {
        Actor actor = accepted(validClaims().claim("appid", null).claim("azp", "azp-app")
                .claim("preferred_username", "ada@contoso.test")).caller().actor();

        assertThat(actor.userPrincipalName()).isEqualTo("ada@contoso.test");
        assertThat(actor.appId()).isEqualTo("azp-app");
    }

    @Test
    void namesThatAreNoStringsAreLeftOutNotRefused() {
        Actor actor = accepted(validClaims().claim("oid", 42).claim("upn", List.of("a")).claim("name", true))
                .caller().actor();

        assertThat(actor).isEqualTo(new Actor(Actor.Kind.DELEGATED, null, null, null, CLIENT_APP, null, null));
    }

    @Test
    void applicationTokenMakesAnApplicationCallerWithItsRoles() {
        AuthenticatedCaller accepted = accepted(validClaims().claim("scp", null)
                .claim("roles", List.of("DeviceManagementScripts.ReadWrite.All")).claim("idtyp", "app"));

        assertThat(accepted.caller()).isEqualTo(new Caller(TenantId.of(TENANT),
                Set.of("DeviceManagementScripts.ReadWrite.All"),
                new Actor(Actor.Kind.APPLICATION, null, null, null, CLIENT_APP, null, null), ClaimChecks.NO_REQUEST));
    }

    @Test
    void applicationActorIsTheAppNotItsServicePrincipal() {
        Actor actor = accepted(validClaims().claim("scp", null).claim("roles", List.of())
                .claim("oid", "5b2f0c1e-9d8a-4c7b-a6e5-f4d3c2b1a098").claim("app_displayname", "Pipeline"))
                .caller().actor();

        assertThat(actor).isEqualTo(new Actor(Actor.Kind.APPLICATION, null, null, null, CLIENT_APP, "Pipeline",
                null));
    }

    @Test
    void tokenWithNeitherScopesNorRolesIsAnApplicationWithNoPermissions() {
        Caller caller = accepted(validClaims().claim("scp", null)).caller();

        assertThat(caller.kind()).isEqualTo(Actor.Kind.APPLICATION);
        assertThat(caller.permissions()).isEmpty();
    }

    @Test
    void rolesThatAreNotAnArrayOfStringsAreRefused() {
        assertThat(refusal(validClaims().claim("scp", null).claim("roles", List.of(1, 2))))
                .contains("roles claim is not an array of strings");
    }

    @Test
    void clientAppIdOfAV2TokenComesFromAzp() {
        String v2App = "1950a258-227b-4e31-a9cf-717495945fc2";

        assertThat(accepted(validClaims().claim("appid", null).claim("azp", v2App)).clientAppId()).isEqualTo(v2App);
    }

    @Test
    void clientAppIdIsUnknownWhenTheTokenNamesNoApp() {
        assertThat(accepted(validClaims().claim("appid", null)).clientAppId()).isEqualTo("unknown");
    }

    @Test
    void expiredTokenIsRefused() {
        assertThat(refusal(validClaims().expirationTime(at(Duration.ofMinutes(-10))))).contains("expired at");
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsAccepted() {
        assertThat(accepted(validClaims().expirationTime(at(Duration.ofSeconds(-20))))).isNotNull();
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertThat(refusal(validClaims().expirationTime(null))).contains("no expiry time (exp claim)");
    }

    /** 1e20 seconds overflow the milliseconds of a date, which then read as a moment of 1969. */
    @Test
    void expOrNbfBeyondTheYear9999OrBefore1970IsRefusedAsInvalidNotAsAWrongDate() {
        for (String claim : List.of("exp", "nbf")) {
            for (Object seconds : List.of(1e20, 92_233_720_368_547_758L, -5)) {
                Map<String, Object> claims = new HashMap<>(validClaims().build().toJSONObject());
                claims.put(claim, seconds);

                assertThat(refusalOf(authenticator, signedAsIs(claims))).as("%s %s", claim, seconds)
                        .contains("token's " + claim + " claim is invalid", "year 9999").doesNotContain("1969");
            }
        }
    }

    @Test
    void tokenNotYetValidIsRefused() {
        assertThat(refusal(validClaims().notBeforeTime(at(Duration.ofMinutes(10))))).contains("not valid before");
    }

    @Test
    void tokenValidWithinTheClockSkewIsAccepted() {
        assertThat(accepted(validClaims().notBeforeTime(at(Duration.ofSeconds(20))))).isNotNull();
    }

    @Test
    void tokenForAnotherAudienceIsRefusedNamingTheAudiencesAccepted() {
        assertThat(refusal(validClaims().audience("https://management.azure.com")))
                .contains("'https://management.azure.com'", GRAPH, "00000003-0000-0000-c000-000000000000");
    }

    @Test
    void tokenWithoutAudienceIsRefused() {
        assertThat(refusal(validClaims().audience((String) null))).contains("names no audience (aud claim)");
    }

    @Test
    void tokenForGraphsAppIdAmongOtherAudiencesIsAccepted() {
        assertThat(accepted(validClaims().audience(List.of("api://other", "00000003-0000-0000-c000-000000000000"))))
                .isNotNull();
    }

    @Test
    void tokenFromAnotherIssuerIsRefusedNamingTheIssuerAccepted() {
        assertThat(refusal(validClaims().issuer("https://evil.example/")))
                .contains("'https://evil.example/'", RULES.issuerFor(TENANT));
    }

    @Test
    void tokenWithoutIssuerIsRefused() {
        assertThat(refusal(validClaims().issuer(null))).contains("names no issuer (iss claim)");
    }

    @Test
    void issuerTemplateAcceptsTheIssuerOfTheTokensOwnTenant() {
        authenticator = Authenticators.jwksFile(keys, new TokenRules(ISSUER_TEMPLATE, Set.of(GRAPH), Duration.ZERO));

        AuthenticatedCaller accepted = accepted(validClaims()
                .issuer("https://login.microsoftonline.com/" + TENANT + "/v2.0"));

        assertThat(accepted.caller().tenant()).isEqualTo(TenantId.of(TENANT));
    }

    @Test
    void issuerTemplateRefusesTheIssuerOfAnotherTenant() {
        authenticator = Authenticators.jwksFile(keys, new TokenRules(ISSUER_TEMPLATE, Set.of(GRAPH), Duration.ZERO));

        assertThat(refusal(validClaims().issuer("https://login.microsoftonline.com/" + OTHER_TENANT + "/v2.0")))
                .contains("https://login.microsoftonline.com/" + TENANT + "/v2.0 only");
    }

    @Test
    void rulesWithoutIssuerAcceptAnyIssuer() {
        authenticator = Authenticators.jwksFile(keys, new TokenRules(null, Set.of(GRAPH), Duration.ZERO));

        assertThat(accepted(validClaims().issuer("https://anyone.example/"))).isNotNull();
    }

    @Test
    void tokenWithoutTenantIsRefused() {
        assertThat(refusal(validClaims().claim("tid", null))).contains("no tenant id (tid claim)");
    }

    @Test
    void tokenWhoseTenantIsNotAGuidIsRefused() {
        assertThat(refusal(validClaims().claim("tid", "contoso.onmicrosoft.com")))
                .contains("tenant id (tid claim) is not a GUID");
    }
}
