package dev.devicescripts.bootstrap;

import dev.devicescripts.adapter.http.graph.PublicUrl;
import dev.devicescripts.adapter.http.server.RequestLimits;
import dev.devicescripts.adapter.http.server.ThrottleLimits;
import dev.devicescripts.adapter.http.server.TlsFiles;
import dev.devicescripts.adapter.persistence.jdbc.JdbcSettings;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.TenantId;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the server runs with. Each setting comes from its command-line flag, else its environment variable, else its
 * default; see {@link ServerOption}.
 */
public record Configuration(
        String host,
        int port,
        Path dataDirectory,
        Persistence persistence,
        Optional<Database> database,
        int maxTargets,
        Duration auditRetention,
        long maxBodyBytes,
        int pageSize,
        RequestLimits requestLimits,
        Authentication authentication,
        Optional<TlsFiles> tls,
        Optional<ThrottleLimits> throttle,
        Logging logging,
        PublicUrl publicUrl,
        Optional<Seed> seed) {

    public enum Persistence { JDBC, MEMORY }

    /**
     * A seed document to load before serving.
     *
     * @param tenant the tenant to load it into; empty: the one the document names
     */
    public record Seed(Path file, Optional<TenantId> tenant) {
    }

    public enum AuthMode { VERIFIED, UNVERIFIED_SIGNATURES }

    public enum Throttle { OFF, INTUNE }

    public enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    public enum Switch { ON, OFF }

    /**
     * What the process logs.
     *
     * @param level     the application log's level
     * @param accessLog whether each request writes an access-log line
     */
    public record Logging(LogLevel level, boolean accessLog) {
    }

    /**
     * Another database than the H2 file in the data folder, such as a PostgreSQL that several servers share.
     *
     * @param user     empty: the URL's, else the driver's default
     * @param password empty: the URL's, or none; never shown by {@link #toString}
     */
    public record Database(String url, Optional<String> user, Optional<String> password) {
        @Override
        public String toString() {
            return "Database[url=" + JdbcSettings.redacted(url) + ", user=" + user.orElse("")
                    + (password.isPresent() ? ", password=***" : "") + "]";
        }
    }

    /**
     * How bearer tokens are checked: against the local signing key in the data folder (no JWKS given), an external
     * issuer's keys, or (unverified-signatures) not at all for signatures.
     *
     * @param audiences empty: Microsoft Graph's own audiences
     */
    public record Authentication(AuthMode mode, Optional<String> issuer, List<String> audiences,
                                 Optional<Path> jwksFile, Optional<URI> jwksUrl) {
    }

    public static Configuration parse(List<String> args, Map<String, String> environment) throws UsageException {
        Map<String, String> fallbacks = new HashMap<>();
        for (ServerOption option : ServerOption.values()) {
            option.defaultValue().ifPresent(value -> fallbacks.put(option.flag(), value));
            option.fromEnvironment(environment).ifPresent(value -> fallbacks.put(option.flag(), value));
        }
        CommandLine line = CommandLine.parse(args, ServerOption.flags(), fallbacks);
        String host = line.required(ServerOption.HOST.flag());
        Authentication authentication = authentication(line, host);
        int maxBodyBytes = line.integer(ServerOption.MAX_BODY_BYTES.flag(), 1024, Integer.MAX_VALUE);
        return new Configuration(
                host,
                line.integer(ServerOption.PORT.flag(), 0, 65535),
                Path.of(line.required(ServerOption.DATA_DIR.flag())),
                line.choice(ServerOption.PERSISTENCE.flag(), Persistence.class),
                database(line),
                line.integer(ServerOption.MAX_TARGETS.flag(), 1, 100_000),
                Duration.ofDays(line.integer(ServerOption.AUDIT_RETENTION_DAYS.flag(), 1, 36_500)),
                maxBodyBytes,
                line.integer(ServerOption.PAGE_SIZE.flag(), 1, 999),
                new RequestLimits(
                        line.integer(ServerOption.MAX_CONCURRENT_REQUESTS.flag(), 1, 10_000),
                        line.integer(ServerOption.MAX_QUEUED_REQUESTS.flag(), 0, 1_000_000),
                        Duration.ofSeconds(line.integer(ServerOption.QUEUE_TIMEOUT.flag(), 0, 3_600)),
                        Duration.ofSeconds(line.integer(ServerOption.IDLE_TIMEOUT.flag(), 1, 3_600)),
                        Duration.ofSeconds(line.integer(ServerOption.HEADER_TIMEOUT.flag(), 1, 3_600)),
                        Duration.ofSeconds(line.integer(ServerOption.BODY_TIMEOUT.flag(), 1, 3_600)),
                        line.integer(ServerOption.BODY_MIN_RATE.flag(), 1, 1_000_000_000),
                        bodyBudgetBytes(line, maxBodyBytes)),
                authentication,
                tls(line),
                throttle(line),
                new Logging(line.choice(ServerOption.LOG_LEVEL.flag(), LogLevel.class),
                        line.choice(ServerOption.ACCESS_LOG.flag(), Switch.class) == Switch.ON),
                publicUrl(line),
                seed(line));
    }

    private static Optional<Seed> seed(CommandLine line) throws UsageException {
        Optional<String> tenant = line.optional(ServerOption.SEED_TENANT.flag());
        if (tenant.isPresent() && !Guids.isGuid(tenant.get())) {
            throw new UsageException(ServerOption.SEED_TENANT.flag() + " must be a GUID such as "
                    + "00000000-0000-0000-0000-000000000000, not '" + tenant.get() + "'.");
        }
        return line.path(ServerOption.SEED.flag()).map(file -> new Seed(file, tenant.map(TenantId::of)));
    }

    private static PublicUrl publicUrl(CommandLine line) throws UsageException {
        boolean trustForwardedHeaders =
                line.choice(ServerOption.TRUST_FORWARDED_HEADERS.flag(), Switch.class) == Switch.ON;
        Optional<String> url = line.optional(ServerOption.PUBLIC_URL.flag());
        try {
            return new PublicUrl(url.map(PublicUrl::parse), trustForwardedHeaders);
        } catch (IllegalArgumentException e) {
            throw new UsageException(ServerOption.PUBLIC_URL.flag() + " " + e.getMessage());
        }
    }

    /** Each tenant may hold half the budget, so the budget holds at least two of the largest bodies. */
    private static long bodyBudgetBytes(CommandLine line, int maxBodyBytes) throws UsageException {
        long least = 2L * maxBodyBytes;
        if (line.optional(ServerOption.BODY_BUDGET_BYTES.flag()).isEmpty()) {
            return Math.max(RequestLimits.defaultBodyBudgetBytes(), least);
        }
        int budget = line.integer(ServerOption.BODY_BUDGET_BYTES.flag(), 1, Integer.MAX_VALUE);
        if (budget < least) {
            throw new UsageException("--body-budget-bytes must be at least twice --max-body-bytes (" + least
                    + "), so that each tenant's half holds the largest body, not " + budget + ".");
        }
        return budget;
    }

    private static Optional<Database> database(CommandLine line) throws UsageException {
        Optional<String> url = line.optional(ServerOption.DB_URL.flag());
        Optional<String> user = line.optional(ServerOption.DB_USER.flag());
        Optional<String> password = line.verbatim(ServerOption.DB_PASSWORD.flag());
        if (url.isEmpty()) {
            if (user.isPresent() || password.isPresent()) {
                throw new UsageException("--db-user and --db-password log in to the database of --db-url: give it "
                        + "too (the embedded H2 file needs neither).");
            }
            return Optional.empty();
        }
        if (!JdbcSettings.isSupported(url.get())) {
            throw new UsageException("--db-url must be a JDBC URL of PostgreSQL (jdbc:postgresql://HOST:PORT/DATABASE) "
                    + "or H2 (jdbc:h2:...), not '" + JdbcSettings.redacted(url.get()) + "'.");
        }
        return Optional.of(new Database(url.get(), user, password));
    }

    /** Intune's documented limits by default; each can be changed, for example to provoke 429s in a test. */
    private static Optional<ThrottleLimits> throttle(CommandLine line) throws UsageException {
        if (line.choice(ServerOption.THROTTLE.flag(), Throttle.class) == Throttle.OFF) {
            return Optional.empty();
        }
        int max = 1_000_000_000;
        return Optional.of(new ThrottleLimits(
                line.integer(ServerOption.THROTTLE_WRITES_PER_TENANT.flag(), 1, max),
                line.integer(ServerOption.THROTTLE_WRITES_PER_APP.flag(), 1, max),
                line.integer(ServerOption.THROTTLE_REQUESTS_PER_TENANT.flag(), 1, max),
                line.integer(ServerOption.THROTTLE_REQUESTS_PER_APP.flag(), 1, max),
                Duration.ofSeconds(line.integer(ServerOption.THROTTLE_WINDOW.flag(), 1, 86_400))));
    }

    private static Authentication authentication(CommandLine line, String host) throws UsageException {
        Authentication authentication = new Authentication(
                line.choice(ServerOption.AUTH.flag(), AuthMode.class),
                line.optional(ServerOption.ISSUER.flag()),
                line.list(ServerOption.AUDIENCE.flag()),
                line.path(ServerOption.JWKS_FILE.flag()),
                line.uri(ServerOption.JWKS_URL.flag()));
        boolean externalKeys = authentication.jwksFile().isPresent() || authentication.jwksUrl().isPresent();
        if (authentication.jwksFile().isPresent() && authentication.jwksUrl().isPresent()) {
            throw new UsageException("give --jwks-file or --jwks-url, not both.");
        }
        if (authentication.mode() == AuthMode.UNVERIFIED_SIGNATURES) {
            if (externalKeys) {
                throw new UsageException("--auth unverified-signatures checks no signatures, so it takes no "
                        + "--jwks-file or --jwks-url.");
            }
            if (!isLoopback(host)) {
                throw new UsageException("--auth unverified-signatures accepts forged tokens, so the server must "
                        + "listen on loopback only: add --host 127.0.0.1.");
            }
            return authentication;
        }
        if (externalKeys && authentication.issuer().isEmpty()) {
            throw new UsageException("--jwks-file and --jwks-url need --issuer, the issuer whose keys they are.");
        }
        if (!externalKeys && (authentication.issuer().isPresent() || !authentication.audiences().isEmpty())) {
            throw new UsageException("--issuer and --audience describe an external issuer's tokens: give its keys "
                    + "with --jwks-file or --jwks-url (tokens of the local signing key have fixed ones).");
        }
        return authentication;
    }

    private static boolean isLoopback(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<TlsFiles> tls(CommandLine line) throws UsageException {
        Optional<Path> certificate = line.path(ServerOption.TLS_CERT.flag());
        Optional<Path> key = line.path(ServerOption.TLS_KEY.flag());
        if (certificate.isPresent() != key.isPresent()) {
            throw new UsageException("--tls-cert and --tls-key go together: give both to serve HTTPS.");
        }
        return certificate.map(file -> new TlsFiles(file, key.orElseThrow()));
    }

    public static String usage() {
        return Stream.concat(
                        Stream.of("Usage: java -jar devicescripts.jar [options]",
                                "       java -jar devicescripts.jar token --tenant GUID [token options]",
                                "       java -jar devicescripts.jar seed FILE [--tenant GUID] [storage options]",
                                "Serves the Microsoft Graph beta API for Intune device management scripts.",
                                "",
                                "Options (each also settable by its environment variable):"),
                        Stream.of(ServerOption.values()).map(ServerOption::usageLine))
                .collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator() + "  --help                                   print this help and exit"
                + System.lineSeparator() + System.lineSeparator() + TokenCommand.usage()
                + System.lineSeparator() + SeedCommand.usage();
    }
}
