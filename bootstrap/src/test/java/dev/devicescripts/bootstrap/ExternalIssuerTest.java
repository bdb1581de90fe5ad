package dev.devicescripts.bootstrap;

import static dev.devicescripts.adapter.http.auth.TestTokens.ecKey;
import static dev.devicescripts.adapter.http.auth.TestTokens.rsaKey;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
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
        RSAKey first = rsaKey("first");
        RSAKey second = rsaKey("second");
        RSAKey third = rsaKey("third");
        Path jwks = dataDirectory.resolve("issuer-keys.json");
        writeJwks(jwks, first, second);

        try (DeviceScriptsServer server = DeviceScriptsServer.start(trusting(jwks))) {
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
    void anEs256TokenOfAnEcP256KeyInTheJwksFileIsTrusted() throws Exception {
        ECKey key = ecKey("ec-p256");
        Path jwks = dataDirectory.resolve("issuer-keys.json");
        writeJwks(jwks, key);

        try (DeviceScriptsServer server = DeviceScriptsServer.start(trusting(jwks))) {
            assertThat(countWith(server, token(key, "https://login.example.com/" + TENANT + "/v2.0"))).isEqualTo(200);
        }
    }

    @Test
    void unverifiedSignaturesOnLoopbackAcceptAGraphTokenNobodyHereCouldVerify() throws Exception {
        Configuration configuration = Configuration.parse(List.of("--port", "0", "--persistence", "memory",
                "--host", "127.0.0.1", "--data-dir", dataDirectory.toString(), "--auth", "unverified-signatures"),
                Map.of());
        String graphToken = signed(rsaKey("microsoft"), claims("https://sts.windows.net/" + TENANT + "/")
                .audience("https://graph.microsoft.com").build());
        String expired = signed(rsaKey("microsoft"), claims("https://sts.windows.net/" + TENANT + "/")
                .audience("https://graph.microsoft.com")
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))).build());

        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            assertThat(countWith(server, graphToken)).isEqualTo(200);
            assertThat(countWith(server, expired)).isEqualTo(401);
        }
    }

    /** A server in memory trusting tokens of {@link #ISSUER} for api://devicescripts signed by keys in {@code jwks}. */
    private Configuration trusting(Path jwks) throws UsageException {
        return Configuration.parse(List.of("--port", "0", "--persistence", "memory", "--data-dir",
                dataDirectory.toString(), "--jwks-file", jwks.toString(), "--issuer", ISSUER,
                "--audience", "api://devicescripts"), Map.of());
    }

    private static int countWith(DeviceScriptsServer server, String token) {
        return new GraphClient(server.port(), token).get(SCRIPTS + "/$count").statusCode();
    }

    private static void writeJwks(Path file, JWK... keys) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, new JWKSet(List.of(keys)).toPublicJWKSet().toString());
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static String token(JWK key, String issuer) {
        return signed(key, claims(issuer).audience("api://devicescripts").build());
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
}
