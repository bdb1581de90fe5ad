package dev.devicescripts.bootstrap;

import dev.devicescripts.adapter.http.HttpSettings;
import dev.devicescripts.adapter.http.server.RequestLimits;
import dev.devicescripts.adapter.http.server.ThrottleLimits;
import dev.devicescripts.domain.AssignmentSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The server's settings: each has a command-line flag, an environment variable and, most, a default. */
enum ServerOption {
    HOST("host", "ADDRESS", "0.0.0.0", "address to listen on"),
    PORT("port", "N", "8080", "port to listen on (0: any free port)"),
    DATA_DIR("data-dir", "DIR", "./data", "folder for the embedded database and the local signing key"),
    PERSISTENCE("persistence", "jdbc|memory", "jdbc", "where scripts are kept: a database, or memory (lost at exit)"),
    DB_URL("db-url", "JDBC_URL", null,
            "database to use instead of the H2 file in the data folder: jdbc:postgresql://HOST:PORT/DATABASE"),
    DB_USER("db-user", "USER", null, "user to log in to the database of --db-url as"),
    DB_PASSWORD("db-password", "PASSWORD", null,
            "that user's password (better in the environment variable: others can read command lines)"),
    SEED("seed", "FILE", null, "a seed document (users, groups, devices, managed devices, run states) to load "
            + "before serving, e.g. docs/samples/contoso.json"),
    SEED_TENANT("seed-tenant", "GUID", null, "the tenant --seed loads into (default: the document's tenantId)"),
    MAX_TARGETS("max-targets", "N", String.valueOf(AssignmentSet.DEFAULT_MAX_TARGETS),
            "most targets one script's assignment set may hold"),
    AUDIT_RETENTION_DAYS("audit-retention-days", "N", "365",
            "days audit log entries are kept; older ones are deleted in the background"),
    MAX_BODY_BYTES("max-body-bytes", "N", String.valueOf(HttpSettings.DEFAULT_MAX_BODY_BYTES),
            "largest request body accepted"),
    PAGE_SIZE("page-size", "N", String.valueOf(HttpSettings.DEFAULT_PAGE_SIZE),
            "most scripts one page of a list holds ($top may ask for fewer)"),
    MAX_CONCURRENT_REQUESTS("max-concurrent-requests", "N", String.valueOf(RequestLimits.DEFAULTS.maxConcurrent()),
            "requests worked on at once; more wait in a queue"),
    MAX_QUEUED_REQUESTS("max-queued-requests", "N", String.valueOf(RequestLimits.DEFAULTS.maxQueued()),
            "requests that may wait; more are answered 503 with Retry-After"),
    QUEUE_TIMEOUT("queue-timeout", "SECONDS", String.valueOf(RequestLimits.DEFAULTS.maxQueueWait().toSeconds()),
            "longest wait in the queue before a 503 with Retry-After"),
    IDLE_TIMEOUT("idle-timeout", "SECONDS", String.valueOf(RequestLimits.DEFAULTS.idleTimeout().toSeconds()),
            "how long a client may send nothing before its connection is closed"),
    HEADER_TIMEOUT("header-timeout", "SECONDS", String.valueOf(RequestLimits.DEFAULT_HEADER_TIMEOUT.toSeconds()),
            "longest a request's line and headers may take from their first byte; later, 408"),
    BODY_TIMEOUT("body-timeout", "SECONDS", String.valueOf(RequestLimits.DEFAULT_BODY_TIMEOUT.toSeconds()),
            "longest a request body may take, plus a second per --body-min-rate bytes received; later, 408"),
    BODY_MIN_RATE("body-min-rate", "BYTES", String.valueOf(RequestLimits.DEFAULT_BODY_MIN_BYTES_PER_SECOND),
            "bytes of request body that extend --body-timeout by one second"),
    BODY_BUDGET_BYTES("body-budget-bytes", "N", null, "request body bytes held in memory at once, at most half by "
            + "one tenant; a body that does not fit is 503 with Retry-After (default: 1/8 of the max heap, at least "
            + "twice --max-body-bytes)"),
    AUTH("auth", "verified|unverified-signatures", "verified",
            "unverified-signatures reads tokens without checking signatures (loopback only)"),
    ISSUER("issuer", "URL", null, "token issuer to trust, {tenantid} standing for the token's tid (with --jwks-*)"),
    AUDIENCE("audience", "LIST", null, "audiences a token may name (default: Microsoft Graph's)"),
    JWKS_FILE("jwks-file", "FILE", null, "the issuer's signing keys, as a JWKS file (re-read on an unknown kid)"),
    JWKS_URL("jwks-url", "URL", null, "the issuer's signing keys, fetched from its JWKS endpoint"),
    THROTTLE("throttle", "off|intune", "off", "simulate Intune's throttling: 429 and Retry-After over these limits"),
    THROTTLE_WINDOW("throttle-window", "SECONDS",
            String.valueOf(ThrottleLimits.intune().window().toSeconds()), "the window throttling limits count over"),
    THROTTLE_WRITES_PER_TENANT("throttle-writes-per-tenant", "N",
            String.valueOf(ThrottleLimits.intune().writesPerTenant()), "writes per window per tenant"),
    THROTTLE_WRITES_PER_APP("throttle-writes-per-app", "N",
            String.valueOf(ThrottleLimits.intune().writesPerApp()), "writes per window per app in a tenant"),
    THROTTLE_REQUESTS_PER_TENANT("throttle-requests-per-tenant", "N",
            String.valueOf(ThrottleLimits.intune().requestsPerTenant()), "requests per window per tenant"),
    THROTTLE_REQUESTS_PER_APP("throttle-requests-per-app", "N",
            String.valueOf(ThrottleLimits.intune().requestsPerApp()), "requests per window per app in a tenant"),
    TLS_CERT("tls-cert", "FILE", null, "PEM certificate chain: serve HTTPS (with --tls-key)"),
    TLS_KEY("tls-key", "FILE", null, "PEM private key of the certificate"),
    LOG_LEVEL("log-level", "error|warn|info|debug|trace", "info",
            "level of the application log (stderr); libraries log warnings and errors"),
    ACCESS_LOG("access-log", "on|off", "on", "the access log: one JSON line per request on stdout"),
    PUBLIC_URL("public-url", "URL", null, "where the links in responses (@odata.nextLink, Location) point, e.g. "
            + "https://graph.example.com (default: the URL logged at start)"),
    TRUST_FORWARDED_HEADERS("trust-forwarded-headers", "on|off", "off",
            "links follow a proxy's Forwarded / X-Forwarded-* headers (on only if the proxy sets them)");

    private final String flagName;
    private final String valueName;
    private final String defaultValue;
    private final String description;

    ServerOption(String flagName, String valueName, String defaultValue, String description) {
        this.flagName = flagName;
        this.valueName = valueName;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String flag() {
        return "--" + flagName;
    }

    String environmentVariable() {
        return "DEVICESCRIPTS_" + flagName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Its environment variable's value; one set to nothing ({@code DEVICESCRIPTS_PORT=}) counts as unset. */
    Optional<String> fromEnvironment(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(environmentVariable())).filter(value -> !value.isBlank());
    }

    static Set<String> flags() {
        return Arrays.stream(values()).map(ServerOption::flag).collect(Collectors.toSet());
    }

    /** One line of --help. */
    String usageLine() {
        String left = flag() + " " + valueName;
        String fallback = defaultValue == null ? "" : " (default " + defaultValue + ")";
        return String.format("  %-40s %s%s; env %s", left, description, fallback, environmentVariable());
    }
}
