package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.adapter.http.graph.PublicUrl;
import dev.devicescripts.adapter.http.server.RequestLimits;
import dev.devicescripts.adapter.http.server.ThrottleLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void withNothingGivenTheDefaultsServeTheEmbeddedDatabaseOnPort8080() throws UsageException {
        Configuration configuration = Configuration.parse(List.of(), Map.of());

        assertThat(configuration.host()).isEqualTo("0.0.0.0");
        assertThat(configuration.port()).isEqualTo(8080);
        assertThat(configuration.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(configuration.persistence()).isEqualTo(Configuration.Persistence.JDBC);
        assertThat(configuration.database()).isEmpty();
        assertThat(configuration.maxTargets()).isEqualTo(1000);
        assertThat(configuration.maxBodyBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(configuration.pageSize()).isEqualTo(100);
    }

    @Test
    void environmentVariablesSetWhatTheCommandLineLeavesOut() throws UsageException {
        Configuration configuration = Configuration.parse(List.of("--port", "9000"), Map.of(
                "DEVICESCRIPTS_PORT", "7000",
                "DEVICESCRIPTS_DATA_DIR", "/var/lib/devicescripts",
                "DEVICESCRIPTS_PERSISTENCE", "memory",
                "DEVICESCRIPTS_DB_URL", "jdbc:h2:mem:x",
                "DEVICESCRIPTS_MAX_TARGETS", "5"));

        assertThat(configuration.port()).isEqualTo(9000);
        assertThat(configuration.dataDirectory()).isEqualTo(Path.of("/var/lib/devicescripts"));
        assertThat(configuration.persistence()).isEqualTo(Configuration.Persistence.MEMORY);
        assertThat(configuration.database()).hasValueSatisfying(
                database -> assertThat(database.url()).isEqualTo("jdbc:h2:mem:x"));
        assertThat(configuration.maxTargets()).isEqualTo(5);
    }

    @Test
    void anEnvironmentVariableSetToNothingCountsAsUnset() throws UsageException {
        Configuration configuration = Configuration.parse(List.of(), Map.of(
                "DEVICESCRIPTS_PORT", "",
                "DEVICESCRIPTS_DATA_DIR", " ",
                "DEVICESCRIPTS_LOG_LEVEL", ""));

        assertThat(configuration.port()).isEqualTo(8080);
        assertThat(configuration.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(configuration.logging().level()).isEqualTo(Configuration.LogLevel.INFO);
    }

    @Test
    void optionsAcceptTheirValueAfterAnEqualsSign() throws UsageException {
        Configuration configuration = Configuration.parse(
                List.of("--port=0", "--persistence=MEMORY", "--max-body-bytes=2048", "--host=127.0.0.1"), Map.of());

        assertThat(configuration.port()).isZero();
        assertThat(configuration.persistence()).isEqualTo(Configuration.Persistence.MEMORY);
        assertThat(configuration.maxBodyBytes()).isEqualTo(2048);
        assertThat(configuration.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--prot", "80"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--prot'.");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--port"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port needs a value.");
    }

    @Test
    void aMalformedNumberIsRefusedWithItsRange() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--port", "eighty"), Map.of()))
                .hasMessage("--port must be a whole number from 0 to 65535, not 'eighty'.");
        assertThatThrownBy(() -> Configuration.parse(List.of(), Map.of("DEVICESCRIPTS_MAX_TARGETS", "0")))
                .hasMessage("--max-targets must be a whole number from 1 to 100000, not '0'.");
    }

    @Test
    void auditEntriesAreKeptAYearUnlessTheOptionOrItsVariableSaysOtherwise() throws UsageException {
        assertThat(Configuration.parse(List.of(), Map.of()).auditRetention()).isEqualTo(Duration.ofDays(365));
        assertThat(Configuration.parse(List.of(), Map.of("DEVICESCRIPTS_AUDIT_RETENTION_DAYS", "30"))
                .auditRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(Configuration.parse(List.of("--audit-retention-days", "7"), Map.of()).auditRetention())
                .isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> Configuration.parse(List.of("--audit-retention-days", "0"), Map.of()))
                .hasMessage("--audit-retention-days must be a whole number from 1 to 36500, not '0'.");
    }

    @Test
    void theApplicationLogIsAtInfoAndTheAccessLogOnUnlessTheOptionsOrTheirVariablesSayOtherwise()
            throws UsageException {
        assertThat(Configuration.parse(List.of(), Map.of()).logging())
                .isEqualTo(new Configuration.Logging(Configuration.LogLevel.INFO, true));
        assertThat(Configuration.parse(List.of("--log-level", "DEBUG", "--access-log=off"), Map.of()).logging())
                .isEqualTo(new Configuration.Logging(Configuration.LogLevel.DEBUG, false));
        assertThat(Configuration.parse(List.of(), Map.of("DEVICESCRIPTS_LOG_LEVEL", "warn",
                "DEVICESCRIPTS_ACCESS_LOG", "off")).logging())
                .isEqualTo(new Configuration.Logging(Configuration.LogLevel.WARN, false));
    }

    @Test
    void linksPointWhereTheServerIsBoundUnlessAPublicUrlOrTrustedForwardedHeadersSayOtherwise()
            throws UsageException {
        assertThat(Configuration.parse(List.of(), Map.of()).publicUrl()).isEqualTo(PublicUrl.AS_BOUND);
        assertThat(Configuration.parse(List.of("--public-url", "https://graph.example.com/intune",
                "--trust-forwarded-headers=on"), Map.of()).publicUrl())
                .isEqualTo(new PublicUrl(Optional.of(URI.create("https://graph.example.com/intune")), true));
        assertThat(Configuration.parse(List.of(), Map.of("DEVICESCRIPTS_PUBLIC_URL", "http://10.0.0.5:8080/",
                "DEVICESCRIPTS_TRUST_FORWARDED_HEADERS", "off")).publicUrl())
                .isEqualTo(new PublicUrl(Optional.of(URI.create("http://10.0.0.5:8080/")), false));
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteHttpUrlWithoutQueryOrFragmentIsRefusedNamingIt() {
        for (String url : List.of("graph.example.com", "/beta", "ftp://graph.example.com", "https://",
                "https:///intune", "https://graph.example.com/?tenant=x", "https://graph.example.com/#top",
                "https://user:secret@graph.example.com", "https://graph example.com", "mailto:admin@example.com")) {
            assertThatThrownBy(() -> Configuration.parse(List.of("--public-url", url), Map.of()))
                    .as(url)
                    .isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--public-url must be an absolute http or https URL")
                    .hasMessageContaining("'" + url + "'");
        }
        assertThatThrownBy(() -> Configuration.parse(List.of("--trust-forwarded-headers", "yes"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--trust-forwarded-headers must be on or off, not 'yes'.");
    }

    @Test
    void anUnknownLogLevelOrAccessLogSwitchIsRefused() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--log-level", "loud"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--log-level must be error or warn or info or debug or trace, not 'loud'.");
        assertThatThrownBy(() -> Configuration.parse(List.of(), Map.of("DEVICESCRIPTS_ACCESS_LOG", "yes")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--access-log must be on or off, not 'yes'.");
    }

    @Test
    void aPostgresqlDatabaseTakesItsUserAndPasswordFromOptionsOrEnvironmentAndNeverShowsThePassword()
            throws UsageException {
        Configuration fromOptions = Configuration.parse(List.of("--db-url", "jdbc:postgresql://db:5432/devicescripts",
                "--db-user", "scripts", "--db-password", " s3cret "), Map.of());
        Configuration fromEnvironment = Configuration.parse(List.of(), Map.of(
                "DEVICESCRIPTS_DB_URL", "jdbc:postgresql://db:5432/devicescripts",
                "DEVICESCRIPTS_DB_USER", "scripts",
                "DEVICESCRIPTS_DB_PASSWORD", " s3cret "));

        for (Configuration configuration : List.of(fromOptions, fromEnvironment)) {
            Configuration.Database database = configuration.database().orElseThrow();
            assertThat(database.url()).isEqualTo("jdbc:postgresql://db:5432/devicescripts");
            assertThat(database.user()).contains("scripts");
            assertThat(database.password()).as("spaces are part of a password").contains(" s3cret ");
            assertThat(configuration.toString()).doesNotContain("s3cret");
        }
        assertThat(Configuration.usage()).contains("--db-password PASSWORD", "DEVICESCRIPTS_DB_PASSWORD");
    }

    @Test
    void aDatabaseUrlOfAnotherKindOrALoginWithoutAUrlIsRefused() {
        assertThatThrownBy(() -> Configuration.parse(
                List.of("--db-url", "jdbc:mysql://db/scripts?user=me&password=s3cret"), Map.of()))
                .hasMessage("--db-url must be a JDBC URL of PostgreSQL (jdbc:postgresql://HOST:PORT/DATABASE) or H2 "
                        + "(jdbc:h2:...), not 'jdbc:mysql://db/scripts?user=me&password=***'.");
        assertThatThrownBy(() -> Configuration.parse(List.of("--db-user", "scripts"), Map.of()))
                .hasMessageStartingWith("--db-user and --db-password log in to the database of --db-url");
    }

    @Test
    void anUnknownPersistenceIsRefused() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--persistence", "redis"), Map.of()))
                .hasMessage("--persistence must be jdbc or memory, not 'redis'.");
    }

    @Test
    void usageNamesEveryOptionAndItsEnvironmentVariable() {
        String usage = Configuration.usage();

        for (ServerOption option : ServerOption.values()) {
            assertThat(usage).contains(option.flag()).contains(option.environmentVariable());
        }
        assertThat(usage).contains("--help");
    }

    @Test
    void byDefaultTokensAreVerifiedWithTheLocalKeyAndTheServerSpeaksPlainHttp() throws UsageException {
        Configuration configuration = Configuration.parse(List.of(), Map.of());

        assertThat(configuration.authentication().mode()).isEqualTo(Configuration.AuthMode.VERIFIED);
        assertThat(configuration.authentication().jwksFile()).isEmpty();
        assertThat(configuration.authentication().jwksUrl()).isEmpty();
        assertThat(configuration.tls()).isEmpty();
    }

    @Test
    void anExternalIssuerIsTrustedThroughItsJwksWithTheAudiencesGiven() throws UsageException {
        Configuration configuration = Configuration.parse(List.of(
                "--jwks-url", "https://login.example.com/keys",
                "--issuer", "https://login.example.com/{tenantid}/v2.0",
                "--audience", "api://devicescripts, https://graph.microsoft.com"), Map.of());

        assertThat(configuration.authentication().jwksUrl()).hasValueSatisfying(
                url -> assertThat(url).hasToString("https://login.example.com/keys"));
        assertThat(configuration.authentication().issuer()).contains("https://login.example.com/{tenantid}/v2.0");
        assertThat(configuration.authentication().audiences())
                .containsExactly("api://devicescripts", "https://graph.microsoft.com");
    }

    @Test
    void jwksOptionsNeedAnIssuerAndOnlyOneOfThem() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--jwks-file", "keys.json"), Map.of()))
                .hasMessageContaining("need --issuer");
        assertThatThrownBy(() -> Configuration.parse(List.of("--jwks-file", "keys.json", "--jwks-url",
                "https://login.example.com/keys", "--issuer", "x"), Map.of()))
                .hasMessage("give --jwks-file or --jwks-url, not both.");
        assertThatThrownBy(() -> Configuration.parse(List.of("--jwks-url", "keys", "--issuer", "x"), Map.of()))
                .hasMessage("--jwks-url must be an absolute URL, not 'keys'.");
    }

    @Test
    void anIssuerWithoutKeysToCheckItsTokensIsRefused() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--issuer", "https://login.example.com/"), Map.of()))
                .hasMessageContaining("give its keys with --jwks-file or --jwks-url");
    }

    @Test
    void unverifiedSignaturesAreAllowedOnLoopbackOnly() throws UsageException {
        assertThat(Configuration.parse(List.of("--auth", "unverified-signatures", "--host", "127.0.0.1"), Map.of())
                .authentication().mode()).isEqualTo(Configuration.AuthMode.UNVERIFIED_SIGNATURES);
        assertThat(Configuration.parse(List.of("--auth", "unverified-signatures", "--host", "::1"), Map.of())
                .authentication().mode()).isEqualTo(Configuration.AuthMode.UNVERIFIED_SIGNATURES);

        assertThatThrownBy(() -> Configuration.parse(List.of("--auth", "unverified-signatures"), Map.of()))
                .hasMessageContaining("must listen on loopback only");
        assertThatThrownBy(() -> Configuration.parse(List.of("--auth", "unverified-signatures", "--host",
                "127.0.0.1", "--jwks-file", "keys.json"), Map.of()))
                .hasMessageContaining("takes no --jwks-file or --jwks-url");
    }

    @Test
    void tlsNeedsBothTheCertificateAndTheKey() throws UsageException {
        assertThat(Configuration.parse(List.of("--tls-cert", "cert.pem", "--tls-key", "key.pem"), Map.of()).tls())
                .hasValueSatisfying(tls -> {
                    assertThat(tls.certificateChain()).isEqualTo(Path.of("cert.pem"));
                    assertThat(tls.privateKey()).isEqualTo(Path.of("key.pem"));
                });
        assertThatThrownBy(() -> Configuration.parse(List.of("--tls-cert", "cert.pem"), Map.of()))
                .hasMessage("--tls-cert and --tls-key go together: give both to serve HTTPS.");
    }

    @Test
    void throttlingIsOffByDefaultAndIntunesLimitsWhenAskedForUnlessChanged() throws UsageException {
        assertThat(Configuration.parse(List.of(), Map.of()).throttle()).isEmpty();
        assertThat(Configuration.parse(List.of("--throttle", "intune"), Map.of()).throttle())
                .contains(ThrottleLimits.intune());
        assertThat(Configuration.parse(List.of("--throttle", "intune", "--throttle-writes-per-tenant", "3",
                "--throttle-window", "3600"), Map.of()).throttle())
                .contains(new ThrottleLimits(3, 200, 4000, 2000, Duration.ofHours(1)));
        assertThatThrownBy(() -> Configuration.parse(List.of("--throttle", "azure"), Map.of()))
                .hasMessage("--throttle must be off or intune, not 'azure'.");
    }

    @Test
    void slowClientsGetTheUsualWebServerDeadlinesAndBodiesAnEighthOfTheHeapUnlessTheOptionsSayOtherwise()
            throws UsageException {
        RequestLimits defaults = Configuration.parse(List.of(), Map.of()).requestLimits();
        RequestLimits given = Configuration.parse(List.of("--header-timeout", "5", "--body-timeout", "6",
                "--max-body-bytes", "1024"), Map.of("DEVICESCRIPTS_BODY_MIN_RATE", "100",
                "DEVICESCRIPTS_BODY_BUDGET_BYTES", "4096")).requestLimits();

        assertThat(List.of(defaults.headerTimeout(), defaults.bodyTimeout(), defaults.bodyMinBytesPerSecond()))
                .containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20), 500);
        assertThat(defaults.bodyBudgetBytes()).isEqualTo(Math.max(Runtime.getRuntime().maxMemory() / 8,
                2L * 4 * 1024 * 1024));
        assertThat(List.of(given.headerTimeout(), given.bodyTimeout(), given.bodyMinBytesPerSecond(),
                given.bodyBudgetBytes())).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(6), 100, 4096L);
        assertThatThrownBy(() -> Configuration.parse(List.of("--body-budget-bytes", "5000000"), Map.of()))
                .hasMessageContaining("--body-budget-bytes must be at least twice --max-body-bytes (8388608)");
    }
}
