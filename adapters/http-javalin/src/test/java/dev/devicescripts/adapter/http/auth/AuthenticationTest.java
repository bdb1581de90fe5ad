package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.assertQuotesNoPartOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.sign;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.TENANT;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a bearer token can fail, over real HTTP: each is a 401 InvalidAuthenticationToken with a Bearer challenge
 * and a message naming the failed check, and none changes anything.
 */
class AuthenticationTest {
    private static final RSAKey SERVER_KEY = GraphApi.signingKeyPair();
    private static final String CREATE = "{\"displayName\":\"Intruder\"}";
    /** What a request without a token sends as one. */
    private static final String NO_TOKEN = "";

    private final GraphApi api = GraphApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void validDelegatedApplicationAndHandMadeTokensAreAccepted() {
        String delegated = GraphApi.token(TENANT, List.of("DeviceManagementScripts.ReadWrite.All"), List.of());
        String application = GraphApi.token(TENANT, List.of(), List.of("DeviceManagementScripts.ReadWrite.All"));

        assertThat(api.as(delegated).post(SCRIPTS, CREATE).status()).isEqualTo(201);
        assertThat(api.as(application).post(SCRIPTS, CREATE).status()).isEqualTo(201);
        assertThat(api.as(signed(SERVER_KEY, validClaims().build())).get(SCRIPTS).status()).isEqualTo(200);
    }

    @Test
    void aMissingAuthorizationHeaderIsRefused() {
        assertRefused(api.as(null).post(SCRIPTS, CREATE), NO_TOKEN, "No Authorization header");
    }

    @Test
    void anotherSchemeAnEmptyBearerAndGarbageAreRefused() {
        String token = signed(SERVER_KEY, validClaims().build());
        assertRefused(api.as(null).post(SCRIPTS, CREATE, "Authorization", "Basic " + token), token,
                "Bearer scheme");
        assertRefused(api.as(null).post(SCRIPTS, CREATE, "Authorization", "Bearer"), NO_TOKEN, "Bearer");
        assertCreateRefused("not-a-jwt", "malformed");
        assertCreateRefused("Zm9v.YmFy.YmF6", "malformed");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertCreateRefused(new PlainJWT(validClaims().build()).serialize(), "alg none");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(SERVER_KEY.getKeyID()).generate();

        assertCreateRefused(signed(stranger, validClaims().build()), "signature does not verify");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = signed(SERVER_KEY, validClaims().claim("scp", "DeviceManagementScripts.Read.All").build())
                .split("\\.");
        String escalated = Base64URL.encode(validClaims().build().toString().getBytes(StandardCharsets.UTF_8))
                .toString();

        assertCreateRefused(parts[0] + "." + escalated + "." + parts[2], "signature does not verify");
    }

    @Test
    void anHmacTokenKeyedWithTheServersPublicKeyIsRefused() throws JOSEException {
        byte[] publicKey = SERVER_KEY.toPublicJWK().toRSAPublicKey().getEncoded();
        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(SERVER_KEY.getKeyID()).build(),
                validClaims().build(), new MACSigner(publicKey));

        assertCreateRefused(forged, "'HS256'", "RS256 and ES256");
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() {
        Instant now = Instant.now();
        assertCreateRefused(signed(SERVER_KEY, validClaims().expirationTime(Date.from(now.minus(Duration.ofHours(1))))
                .build()), "expired");
        assertCreateRefused(signed(SERVER_KEY, validClaims().notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))
                .build()), "not valid before");
    }

    @Test
    void aWrongAudienceOrIssuerIsRefused() {
        assertCreateRefused(signed(SERVER_KEY, validClaims().audience("https://management.azure.com").build()),
                "'https://management.azure.com'", "https://graph.microsoft.com");
        assertCreateRefused(signed(SERVER_KEY, validClaims().issuer("https://sts.windows.net/" + TENANT + "/").build()),
                "issued by", "https://devicescripts.local/" + TENANT + "/");
    }

    @Test
    void aMissingOrNonGuidTenantIsRefused() {
        assertCreateRefused(signed(SERVER_KEY, validClaims().claim("tid", null).build()), "no tenant id");
        assertCreateRefused(signed(SERVER_KEY, validClaims().claim("tid", "contoso").build()), "not a GUID");
    }

    /** Entra lists a user's groups in the token: for users in many groups, tokens pass 8 KiB. */
    @Test
    void aValidlySignedTokenOf16KilobytesIsAccepted() {
        List<String> groups = IntStream.range(0, 450)
                .mapToObj(i -> String.format("%08d-0000-4000-8000-000000000000", i)).toList();
        String large = signed(SERVER_KEY, validClaims().claim("groups", groups).build());
        assertThat(large.length()).isGreaterThanOrEqualTo(16 * 1024);

        assertThat(api.as(large).post(SCRIPTS, CREATE).status()).isEqualTo(201);
        assertThat(api.as(large).get(SCRIPTS).status()).isEqualTo(200);
    }

    /** Of two headers a proxy could check one and this server use the other; whatever their values, it is refused. */
    @Test
    void moreThanOneAuthorizationHeaderIsABadRequestNamingTheHeader() {
        String valid = "Bearer " + GraphApi.ADMIN_TOKEN;

        for (String second : List.of(valid, "Bearer forged", "Basic dXNlcjpwYXNzd29yZA")) {
            assertGraphError(api.post(SCRIPTS, CREATE, "Authorization", second), 400, "BadRequest",
                    "more than one Authorization header");
            assertGraphError(api.get(SCRIPTS, "Authorization", second), 400, "BadRequest",
                    "more than one Authorization header");
        }
        assertThat(api.count()).isZero();
    }

    @Test
    void everyGraphPathNeedsATokenWhateverItsCaseOrWhetherItExists() {
        for (String path : List.of("/BETA/deviceManagement/deviceManagementScripts",
                "/beta/deviceManagement/nothingHere", "/beta/")) {
            assertRefused(api.as(null).get(path), NO_TOKEN, "No Authorization header");
        }
    }

    @Test
    void theOperatorsRoutesNeedNoToken() {
        assertThat(api.as(null).get("/healthz").status()).isEqualTo(200);
        assertThat(api.as(null).get("/readyz").status()).isEqualTo(200);
        assertThat(api.as(null).get("/metrics").status()).isEqualTo(200);
    }

    /** A create with {@code token} as the bearer token is refused, as {@link #assertRefused} checks. */
    private void assertCreateRefused(String token, String... named) {
        assertRefused(api.as(token).post(SCRIPTS, CREATE), token, named);
    }

    /**
     * 401 with Graph's code, a Bearer challenge, the failed check named, no part of the token sent quoted back, and no
     * script created.
     */
    private void assertRefused(Reply reply, String token, String... named) {
        assertGraphError(reply, 401, "InvalidAuthenticationToken", named);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertQuotesNoPartOf(token, reply.body());
        assertThat(api.count()).isZero();
    }

    /** Claims the server accepts: an admin of {@link GraphApi#TENANT}, valid for an hour. */
    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .audience("https://graph.microsoft.com")
                .issuer(TokenRules.local().issuerFor(TENANT.toString()))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", TENANT.toString())
                .claim("scp", "DeviceManagementScripts.ReadWrite.All");
    }
}
