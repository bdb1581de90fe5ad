package dev.devicescripts.adapter.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.AuditLogRepository;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.port.out.StorageStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound ports kept in a database through JDBC, as {@code InMemoryStore} keeps them in memory: it opens a
 * connection pool, brings the schema up to date with Flyway, builds the repositories over them and reports whether
 * the database is ready. Open it once, hand its repositories to the services, and close it when the server stops.
 */
public final class JdbcStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    private static final String DATABASE_NAME = "devicescripts";
    /**
     * How long a request waits for a free connection before it is answered "retry later" instead of queueing without
     * bound behind a stuck database.
     */
    private static final Duration POOL_WAIT = Duration.ofSeconds(5);
    /** How long the readiness check waits for the database to answer. */
    private static final Duration READY_CHECK = Duration.ofSeconds(2);
    /**
     * How long a change waits for the row lock of the change before it, on PostgreSQL (H2's LOCK_TIMEOUT, below, says
     * the same); then it fails as busy instead of holding its connection without bound. A URL's own options win.
     */
    private static final String POSTGRESQL_OPTIONS = "-c lock_timeout=10s";

    private final HikariDataSource pool;
    /** The newest migration this build holds, which the schema must have for the service to be ready. */
    private final MigrationVersion newestMigration;
    /** Flyway's record of the migrations applied, read by the readiness check. */
    private final String schemaHistoryTable;
    /** How assigns reach the database: through the assign journal, or by shared commits. */
    private final SetWriter setWriter;
    private final ScriptRepository scripts;
    private final AssignmentSetRepository assignmentSets;
    private final DirectoryRepository directory;
    private final AuditLogRepository auditLogs;
    private final Breakage breakage;
    /** The embedded database's file, checked to be still there; null for any other database. */
    private final Path databaseFile;
    /**
     * A connection to the embedded database outside the pool, which H2 closes only when it closes the database: the
     * pool would replace a closed connection with one that opens the database anew. Null for any other database.
     */
    private final Connection sentinel;
    /** Set once {@link #close} starts: a database being closed is not broken. */
    private boolean closed;

    private JdbcStore(HikariDataSource pool, Sql sql, Breakage breakage, Vendor vendor,
                      MigrationVersion newestMigration, String schemaHistoryTable, Path journalDirectory,
                      Connection sentinel) {
        this.pool = pool;
        this.breakage = breakage;
        this.newestMigration = newestMigration;
        this.schemaHistoryTable = schemaHistoryTable;
        this.sentinel = sentinel;
        this.databaseFile = sentinel == null ? null : journalDirectory.resolve(DATABASE_NAME + ".mv.db");
        this.setWriter = journalDirectory == null
                ? new CommittingSetWriter(new GroupCommit(sql, DATABASE_NAME + ":assigns"))
                : new JournaledSetWriter(sql, AssignJournal.continuing(journalDirectory), breakage);
        this.assignmentSets = new JdbcAssignmentSetRepository(sql, vendor, setWriter);
        this.scripts = new JdbcScriptRepository(sql, vendor, setWriter);
        this.directory = new JdbcDirectory(sql, vendor);
        this.auditLogs = new JdbcAuditLogRepository(sql, setWriter);
    }

    /**
     * The embedded H2 database the server keeps under its data directory, as the file devicescripts.mv.db.
     * <ul>
     *   <li>LOCK_TIMEOUT=10000: a change of a script waits for the row lock of the change before it; under many
     *       concurrent assigns of one script the queue can be long, and H2's default of 1 s would fail them.</li>
     *   <li>DB_CLOSE_ON_EXIT=FALSE: H2 would otherwise close the database from its own shutdown hook, under the
     *       requests a graceful shutdown is still finishing; the database closes when {@link #close} closes the
     *       pool.</li>
     *   <li>WRITE_DELAY=0: every commit reaches the file before it returns; with H2's default of 500 ms, a process
     *       killed right after answering a create loses it. That cost is why assigns go through the journal of
     *       {@link JournaledSetWriter} or share commits through {@link GroupCommit}.</li>
     *   <li>QUERY_CACHE_SIZE=64: each pooled session keeps the parsed form of the statements it ran; H2's default
     *       of 8 is fewer than one request's statements, so it would parse the same SQL again on every request.</li>
     *   <li>TRACE_LEVEL_FILE=4: H2 logs its errors (such as the one after which it closes the database) through
     *       SLF4J, logger {@code h2database}, into the server's log, instead of into a devicescripts.trace.db file
     *       beside the database that nobody reads.</li>
     * </ul>
     * Not AUTO_SERVER: only this process may open the file, and a second server on the same data directory fails to
     * start instead of sharing it over a TCP port. Not MODE=PostgreSQL: the statements are standard SQL that both
     * databases run unchanged (their schemas differ only as db/vendor says).
     */
    public static String h2FileUrl(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().resolve(DATABASE_NAME);
        if (file.toString().contains(";")) {
            throw new IllegalArgumentException("The data directory must not contain ';' (H2 reads it as the start of "
                    + "a setting): " + dataDirectory);
        }
        return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64"
                + ";TRACE_LEVEL_FILE=4";
    }

    /**
     * Connects and brings the schema up to date.
     *
     * @throws JdbcStorageException when the database cannot be reached, is in use by another process, its schema
     *                              cannot be migrated, or the assign journal cannot be written to it; the message
     *                              says which and why
     */
    public static JdbcStore open(JdbcSettings settings) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new JdbcStorageException("Cannot open the database " + JdbcSettings.redacted(settings.url()) + ": "
                    + describe(e), e);
        }
        Breakage breakage = new Breakage();
        Sql sql = new Sql(pool, breakage);
        MigrationVersion newest;
        String schemaHistoryTable;
        try {
            // Flyway's own choice of logger would be java.util.logging wherever no SLF4J provider is found.
            Flyway flyway = Flyway.configure().dataSource(pool).locations(settings.vendor().migrations())
                    .javaMigrations(new V7__Assignment_sets_as_one_row_per_script(), new V8__Assignment_sets_packed(),
                            new V14__Managed_device_version_parts(), new V18__Managed_device_logons())
                    .loggers("slf4j").load();
            flyway.migrate();
            newest = newestMigration(flyway);
            schemaHistoryTable = flyway.getConfiguration().getTable();
        } catch (RuntimeException e) {
            pool.close();
            throw new JdbcStorageException("Cannot migrate the schema of the database "
                    + JdbcSettings.redacted(settings.url()) + ": " + describe(e), e);
        }
        if (settings.journalDirectory() != null) {
            try {
                JournaledSetWriter.replay(sql, settings.journalDirectory());
            } catch (RuntimeException e) {
                pool.close();
                throw new JdbcStorageException("Cannot write the assign journal in " + settings.journalDirectory()
                        + " to the database " + JdbcSettings.redacted(settings.url()) + ": " + describe(e), e);
            }
        }
        Connection sentinel = null;
        if (settings.embeddedDirectory() != null) {
            try {
                sentinel = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
            } catch (SQLException e) {
                pool.close();
                throw new JdbcStorageException("Cannot open the database " + JdbcSettings.redacted(settings.url())
                        + ": " + describe(e), e);
            }
            PrivateFiles.tighten(settings.embeddedDirectory(), DATABASE_NAME + ".");
        }
        return new JdbcStore(pool, sql, breakage, settings.vendor(), newest, schemaHistoryTable,
                settings.journalDirectory(), sentinel);
    }

    /** The highest version among the migrations this build holds, applied or not. */
    private static MigrationVersion newestMigration(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("This build holds no schema migrations"));
    }

    private static HikariConfig poolConfig(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(DATABASE_NAME);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(POOL_WAIT.toMillis());
        if (settings.vendor() == Vendor.POSTGRESQL) {
            // Defaults of the driver's connection properties, which the URL's own parameters override.
            config.addDataSourceProperty("options", POSTGRESQL_OPTIONS);
            config.addDataSourceProperty("ApplicationName", DATABASE_NAME);
        }
        return config;
    }

    public ScriptRepository scripts() {
        return scripts;
    }

    public AssignmentSetRepository assignmentSets() {
        return assignmentSets;
    }

    /** The directory, users, groups, devices and the run states of these scripts. */
    public DirectoryRepository directory() {
        return directory;
    }

    /** Both audit logs, which the other repositories write with each change. */
    public AuditLogRepository auditLogs() {
        return auditLogs;
    }

    /**
     * Has the connection pool report its metrics (connections active, idle and pending, waits and timeouts) through
     * {@code metrics}, for example HikariCP's MicrometerMetricsTrackerFactory. Call it once, right after opening.
     */
    public void recordPoolMetrics(MetricsTrackerFactory metrics) {
        pool.setMetricsTrackerFactory(metrics);
    }

    /**
     * Ready when the database answers now and its schema has the newest migration of this build. {@link #open}
     * migrated it, but the database may since have been restored from an older backup or replaced. Both checks share
     * one connection: asking Flyway instead would take two per check, and enough concurrent checks would hold the
     * whole pool waiting on itself.
     */
    public StorageStatus status() {
        return new StorageStatus() {
            @Override
            public Readiness readiness() {
                return JdbcStore.this.readiness();
            }

            @Override
            public Optional<String> broken() {
                return JdbcStore.this.broken();
            }
        };
    }

    /**
     * Why the database can never be used again in this process, or empty. Beside the failures {@link Sql} notes, it
     * looks for the embedded database closed under the server, and for its file gone (H2 would write on to the
     * deleted file, and the data would be lost at the next start).
     */
    private synchronized Optional<String> broken() {
        if (closed) {
            return Optional.empty();
        }
        if (breakage.cause().isEmpty() && sentinel != null) {
            if (!Files.isRegularFile(databaseFile)) {
                breakage.note("the database file " + databaseFile + " is gone");
            } else if (!isOpen(sentinel)) {
                breakage.note(Breakage.CLOSED_UNDER_THE_SERVER);
            }
        }
        return breakage.cause();
    }

    private static boolean isOpen(Connection connection) {
        try {
            return connection.isValid((int) READY_CHECK.toSeconds());
        } catch (SQLException e) {
            return false;
        }
    }

    private Readiness readiness() {
        Optional<String> broken = broken();
        if (broken.isPresent()) {
            return brokenReadiness(broken.get());
        }
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid((int) READY_CHECK.toSeconds())) {
                LOG.warn("The database is not ready: it did not answer within {} s", READY_CHECK.toSeconds());
                return broken().map(JdbcStore::brokenReadiness)
                        .orElseGet(() -> Readiness.notReady("the database does not answer"));
            }
            if (!hasNewestMigration(connection)) {
                LOG.warn("The database schema lacks migration {}, the newest of this build", newestMigration);
                return Readiness.notReady("the database schema is not at version " + newestMigration
                        + ", which this server needs; restarting the server migrates it");
            }
            return Readiness.ready();
        } catch (SQLException e) {
            if (breakage.noteIfBroken(e)) {
                return brokenReadiness(breakage.cause().orElseThrow());
            }
            LOG.warn("The database is not ready: {}", describe(e));
            return Readiness.notReady("the database cannot be reached");
        } catch (RuntimeException e) {
            LOG.warn("The database is not ready: {}", describe(e));
            return Readiness.notReady("the database cannot be reached");
        }
    }

    private static Readiness brokenReadiness(String cause) {
        return Readiness.notReady("the database can no longer be used and the server must restart: " + cause);
    }

    /**
     * Whether Flyway's history records the newest migration of this build as applied; false when its table is
     * missing (SQLSTATE class 42). Any other failure is the database's, not the schema's, and is thrown.
     */
    private boolean hasNewestMigration(Connection connection) throws SQLException {
        try (PreparedStatement applied = connection.prepareStatement("SELECT COUNT(*) FROM \"" + schemaHistoryTable
                + "\" WHERE \"version\" = ? AND \"success\"")) {
            applied.setString(1, newestMigration.getVersion());
            try (ResultSet count = applied.executeQuery()) {
                return count.next() && count.getLong(1) > 0;
            }
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("42")) {
                throw e;
            }
            LOG.warn("Cannot read the schema history table {}: {}", schemaHistoryTable, e.getMessage());
            return false;
        }
    }

    /**
     * Writes the assigns already waiting to the database, then closes every connection; an embedded H2 database closes
     * with the last, the sentinel.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        setWriter.close();
        pool.close();
        if (sentinel != null) {
            try {
                sentinel.close();
            } catch (SQLException e) {
                LOG.warn("Cannot close the database: {}", e.getMessage());
            }
        }
    }

    /** The driver's own words where there are some: the pool and Flyway wrap them in less telling ones. */
    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlFailure) {
                return sqlFailure.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                        ? "another process has it open, such as a second server on the same data directory ("
                                + sqlFailure.getMessage() + ")"
                        : sqlFailure.getMessage();
            }
        }
        return failure.getMessage();
    }
}
