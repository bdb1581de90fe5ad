package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server trusting tokens it did not mint: an external issuer's JWKS file, and unverified signatures. */
class ExternalIssuerTest {
    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";
    private static final String ISSUER = "https://login.example.com/{tenantid}/v2.0";
    private static final String SCRIPTS = AssignLifecycle.SCRIPTS;

    @TempDir
    Path dataDirectory;

    @Test
    void tokensOfEitherKeyInTheJwksFileAreTrustedAndARotatedFileIsPickedUpWithoutARestart() throws Exception {
        RSAKey first = key("first");
        RSAKey second = key("second");
        RSAKey third = key("third");
        Path jwks = dataDirectory.resolve("issuer-keys.json");
        writeJwks(jwks, first, second);
        Configuration configuration = Configuration.parse(List.of("--port", "0", "--persistence", "memory",
                "--data-dir", dataDirectory.toString(), "--jwks-file", jwks.toString(), "--issuer", ISSUER,
                "--audience", "api://devicescripts"), Map.of());

        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            assertThat(countWith(server, token(first, "https://login.example.com/" + TENANT + "/v2.0"))).isEqualTo(200);
            assertThat(countWith(server, token(second, "https://login.example.com/" + TENANT + "/v2.0")))
                    .isEqualTo(200);
            assertThat(countWith(server, token(first, "https://login.example.com/another-tenant/v2.0")))
                    .isEqualTo(401);

            writeJwks(jwks, second, third);

            assertThat(countWith(server, token(third, "https://login.example.com/" + TENANT + "/v2.0")))
                    .isEqualTo(200);
            assertThat(countWith(server, token(first, "https://login.example.com/" + TENANT + "/v2.0")))
                    .isEqualTo(401);
        }
    }

    @Test
    void unverifiedSignaturesOnLoopbackAcceptAGraphTokenNobodyHereCouldVerify() throws Exception {
        Configuration configuration = Configuration.parse(List.of("--port", "0", "--persistence", "memory",
                "--host", "127.0.0.1", "--data-dir", dataDirectory.toString(), "--auth", "unverified-signatures"),
                Map.of());
        String graphToken = sign(key("microsoft"), claims("https://sts.windows.net/" + TENANT + "/")
                .audience("https://graph.microsoft.com").build());
        String expired = sign(key("microsoft"), claims("https://sts.windows.net/" + TENANT + "/")
                .audience("https://graph.microsoft.com")
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))).build());

        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            assertThat(countWith(server, graphToken)).isEqualTo(200);
            assertThat(countWith(server, expired)).isEqualTo(401);
        }
    }

    private static int countWith(DeviceScriptsServer server, String token) {
        return new GraphClient(server.port(), token).get(SCRIPTS + "/$count").statusCode();
    }

    private static RSAKey key(String keyId) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(keyId).generate();
    }

    private static void writeJwks(Path file, RSAKey... keys) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, new JWKSet(List.of(keys)).toPublicJWKSet().toString());
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static String token(RSAKey key, String issuer) throws JOSEException {
        return sign(key, claims(issuer).audience("api://devicescripts").build());
    }

    /** A v2 token of an app with ReadWrite access in {@link #TENANT}, valid for an hour. */
    private static JWTClaimsSet.Builder claims(String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", TENANT)
                .claim("azp", "0b5f2f7e-2f2a-4c3c-9d4e-5f6a7b8c9d0e")
                .claim("roles", List.of("DeviceManagementScripts.ReadWrite.All"));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }
}
