package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.CLIENT_APP;
import static dev.devicescripts.adapter.http.auth.TestTokens.GRAPH;
import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.TENANT;
import static dev.devicescripts.adapter.http.auth.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key that works with no configuration: where it is kept, who may read it, and the tokens it mints. */
class LocalSigningKeyTest {
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    @TempDir
    Path dataDirectory;

    private Path keyFile() {
        return dataDirectory.resolve("signing-key.jwk");
    }

    private static TokenRequest delegated(List<String> scopes) {
        return new TokenRequest(TenantId.of(TENANT), scopes, List.of(), CLIENT_APP, ONE_HOUR, RULES);
    }

    private static String keyIdOf(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @Test
    void firstLoadCreatesAKeyFileOnlyItsOwnerCanReadOrWrite() throws Exception {
        assumeTrue(dataDirectory.getFileSystem().supportedFileAttributeViews().contains("posix"));

        LocalSigningKey.loadOrCreate(dataDirectory);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
        assertThat(Files.readString(keyFile())).contains("\"kty\":\"RSA\"", "\"kid\"", "\"d\"");
    }

    @Test
    void missingDataDirectoryIsCreated() {
        Path nested = dataDirectory.resolve("not/yet/there");

        LocalSigningKey.loadOrCreate(nested);

        assertThat(nested.resolve("signing-key.jwk")).isRegularFile();
    }

    @Test
    void nextLoadUsesTheSameKey() throws Exception {
        LocalSigningKey first = LocalSigningKey.loadOrCreate(dataDirectory);
        String token = first.mint(delegated(List.of("DeviceManagementScripts.Read.All")));

        LocalSigningKey reloaded = LocalSigningKey.loadOrCreate(dataDirectory);

        assertThat(keyIdOf(reloaded.mint(delegated(List.of("x"))))).isEqualTo(keyIdOf(token));
        assertThat(Authenticators.localKey(reloaded, RULES).authenticate(bearer(token))).isNotNull();
    }

    @Test
    void loadsRacingToCreateTheKeyAllEndWithOneKey() throws Exception {
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> loadAndMint = () -> {
            start.await();
            return keyIdOf(LocalSigningKey.loadOrCreate(dataDirectory).mint(delegated(List.of("x"))));
        };
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<String>> keyIds = Stream.generate(() -> pool.submit(loadAndMint)).limit(racers).toList();
            start.countDown();

            Set<String> distinct = new HashSet<>();
            for (Future<String> keyId : keyIds) {
                distinct.add(keyId.get(30, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(dataDirectory)) {
            assertThat(files).containsExactly(keyFile()); // no draft left behind
        }
    }

    @Test
    void corruptKeyFileFailsNamingIt() throws Exception {
        Files.writeString(keyFile(), "{\"kty\":\"RSA\",\"n\":\"broken\"");

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDirectory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keyFile().toString())
                .hasMessageContaining("does not hold an RSA private key");
    }

    @Test
    void keyFileWithOnlyAPublicKeyFailsNamingIt() throws Exception {
        Files.writeString(keyFile(), TestTokens.RSA_KEY.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDirectory))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(keyFile().toString());
    }

    @Test
    void unreadableKeyFileFailsNamingIt() throws Exception {
        Files.createDirectory(keyFile()); // unreadable as a file even to root, unlike a chmod 000 file

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dataDirectory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot read the signing key file " + keyFile());
    }

    @Test
    void mintedDelegatedTokenVerifiesAndCarriesAzureAdV1Claims() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDirectory);

        String token = key.mint(delegated(List.of("DeviceManagementScripts.Read.All", "User.Read")));

        AuthenticatedCaller accepted = Authenticators.localKey(key, RULES).authenticate(bearer(token));
        Caller caller = accepted.caller();
        assertThat(caller.tenant()).isEqualTo(TenantId.of(TENANT));
        assertThat(caller.kind()).isEqualTo(Actor.Kind.DELEGATED);
        assertThat(caller.permissions()).containsExactlyInAnyOrder("DeviceManagementScripts.Read.All", "User.Read");
        assertThat(accepted.clientAppId()).isEqualTo(CLIENT_APP);
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(caller.actor().userId()).isEqualTo(jwt.getJWTClaimsSet().getStringClaim("oid"));
        assertThat(caller.actor().appId()).isEqualTo(CLIENT_APP);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(GRAPH);
        assertThat(claims.getIssuer()).isEqualTo("https://devicescripts.local/" + TENANT + "/");
        assertThat(claims.getStringClaim("tid")).isEqualTo(TENANT);
        assertThat(claims.getStringClaim("appid")).isEqualTo(CLIENT_APP);
        assertThat(claims.getStringClaim("ver")).isEqualTo("1.0");
        assertThat(claims.getStringClaim("scp")).isEqualTo("DeviceManagementScripts.Read.All User.Read");
        assertThat(claims.getClaim("roles")).isNull();
        assertThat(claims.getClaim("idtyp")).isNull();
        assertThat(Guids.isGuid(claims.getStringClaim("oid"))).isTrue();
        assertThat(claims.getSubject()).isEqualTo(claims.getStringClaim("oid"));
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(ONE_HOUR);
    }

    @Test
    void mintedApplicationTokenCarriesRolesAndIsAnApplicationCaller() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDirectory);

        String token = key.mint(new TokenRequest(TenantId.of(TENANT), List.of(),
                List.of("DeviceManagementScripts.ReadWrite.All"), CLIENT_APP, ONE_HOUR, RULES));

        AuthenticatedCaller accepted = Authenticators.localKey(key, RULES).authenticate(bearer(token));
        Caller caller = accepted.caller();
        assertThat(caller.tenant()).isEqualTo(TenantId.of(TENANT));
        assertThat(caller.kind()).isEqualTo(Actor.Kind.APPLICATION);
        assertThat(caller.permissions()).containsExactly("DeviceManagementScripts.ReadWrite.All");
        assertThat(caller.actor().appId()).isEqualTo(CLIENT_APP);
        assertThat(caller.actor().userId()).isNull();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("DeviceManagementScripts.ReadWrite.All");
        assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(claims.getClaim("scp")).isNull();
    }

    @Test
    void sameAppInTheSameTenantIsAlwaysTheSamePrincipal() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dataDirectory);

        String first = key.mint(delegated(List.of("a")));
        String second = key.mint(delegated(List.of("b")));

        assertThat(SignedJWT.parse(first).getJWTClaimsSet().getStringClaim("oid"))
                .isEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getStringClaim("oid"));
    }

    @Test
    void tokenMintedByAnotherDataDirectorysKeyIsRefused(@TempDir Path otherDirectory) {
        String foreign = LocalSigningKey.loadOrCreate(otherDirectory).mint(delegated(List.of("x")));

        Authenticator authenticator = Authenticators.localKey(LocalSigningKey.loadOrCreate(dataDirectory), RULES);

        assertThat(TestTokens.refusalOf(authenticator, foreign)).contains("does not trust");
    }
}
