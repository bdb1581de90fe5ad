package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.GraphApi.TENANT;
import static dev.devicescripts.adapter.http.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.auth.TestTokens.sign;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
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
import dev.devicescripts.adapter.http.auth.TokenRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a bearer token can fail, over real HTTP: each is a 401 InvalidAuthenticationToken with a Bearer challenge
 * and a message naming the failed check, and none changes anything.
 */
class AuthenticationTest {
    private static final RSAKey SERVER_KEY = GraphApi.signingKeyPair();
    private static final String CREATE = "{\"displayName\":\"Intruder\"}";

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
        assertRefused(api.as(null).post(SCRIPTS, CREATE), "No Authorization header");
    }

    @Test
    void anotherSchemeAnEmptyBearerAndGarbageAreRefused() {
        String token = signed(SERVER_KEY, validClaims().build());
        assertRefused(api.as(null).post(SCRIPTS, CREATE, "Authorization", "Basic " + token), "Bearer scheme");
        assertRefused(api.as(null).post(SCRIPTS, CREATE, "Authorization", "Bearer"), "Bearer");
        assertRefused(api.as("not-a-jwt").post(SCRIPTS, CREATE), "malformed");
        assertRefused(api.as("a.b.c").post(SCRIPTS, CREATE), "malformed");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertRefused(api.as(new PlainJWT(validClaims().build()).serialize()).post(SCRIPTS, CREATE), "alg none");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(SERVER_KEY.getKeyID()).generate();

        assertRefused(api.as(signed(stranger, validClaims().build())).post(SCRIPTS, CREATE), "signature does not verify");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = signed(SERVER_KEY, validClaims().claim("scp", "DeviceManagementScripts.Read.All").build())
                .split("\\.");
        String escalated = Base64URL.encode(validClaims().build().toString().getBytes(StandardCharsets.UTF_8))
                .toString();

        assertRefused(api.as(parts[0] + "." + escalated + "." + parts[2]).post(SCRIPTS, CREATE),
                "signature does not verify");
    }

    @Test
    void anHmacTokenKeyedWithTheServersPublicKeyIsRefused() throws JOSEException {
        byte[] publicKey = SERVER_KEY.toPublicJWK().toRSAPublicKey().getEncoded();
        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(SERVER_KEY.getKeyID()).build(),
                validClaims().build(), new MACSigner(publicKey));

        assertRefused(api.as(forged).post(SCRIPTS, CREATE), "'HS256'", "RS256 and ES256");
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() {
        Instant now = Instant.now();
        assertRefused(api.as(signed(SERVER_KEY, validClaims().expirationTime(Date.from(now.minus(Duration.ofHours(1))))
                .build())).post(SCRIPTS, CREATE), "expired");
        assertRefused(api.as(signed(SERVER_KEY, validClaims().notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))
                .build())).post(SCRIPTS, CREATE), "not valid before");
    }

    @Test
    void aWrongAudienceOrIssuerIsRefused() {
        assertRefused(api.as(signed(SERVER_KEY, validClaims().audience("https://management.azure.com").build()))
                .post(SCRIPTS, CREATE), "'https://management.azure.com'", "https://graph.microsoft.com");
        assertRefused(api.as(signed(SERVER_KEY, validClaims().issuer("https://sts.windows.net/" + TENANT + "/")
                .build())).post(SCRIPTS, CREATE), "issued by", "https://devicescripts.local/" + TENANT + "/");
    }

    @Test
    void aMissingOrNonGuidTenantIsRefused() {
        assertRefused(api.as(signed(SERVER_KEY, validClaims().claim("tid", null).build())).post(SCRIPTS, CREATE),
                "no tenant id");
        assertRefused(api.as(signed(SERVER_KEY, validClaims().claim("tid", "contoso").build())).post(SCRIPTS, CREATE),
                "not a GUID");
    }

    @Test
    void everyGraphPathNeedsATokenWhateverItsCaseOrWhetherItExists() {
        assertRefused(api.as(null).get("/BETA/deviceManagement/deviceManagementScripts"), "No Authorization header");
        assertRefused(api.as(null).get("/beta/deviceManagement/nothingHere"), "No Authorization header");
        assertRefused(api.as(null).get("/beta/"), "No Authorization header");
    }

    @Test
    void theOperatorsRoutesNeedNoToken() {
        assertThat(api.as(null).get("/healthz").status()).isEqualTo(200);
        assertThat(api.as(null).get("/readyz").status()).isEqualTo(200);
        assertThat(api.as(null).get("/metrics").status()).isEqualTo(200);
    }

    /** 401 with Graph's code, a Bearer challenge, the failed check named, and no script created. */
    private void assertRefused(Reply reply, String... named) {
        assertGraphError(reply, 401, "InvalidAuthenticationToken", named);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
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
