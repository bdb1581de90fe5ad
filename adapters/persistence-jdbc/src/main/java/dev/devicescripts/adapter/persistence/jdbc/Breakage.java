package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.StorageUnavailableException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database broke for good in this process, and why: H2 closed it under the server (it does so after an
 * error it cannot undo, such as running out of memory or failing to write its file, so that no half-applied
 * transaction reaches the file), its file is gone, or the assign journal cannot be written. Every later statement
 * would fail the same way, or run on a database the pool had H2 open anew beside state this process no longer
 * knows to be right; so once broken, the adapter uses the database no more and says so, and a restart (which replays
 * the journal) is the cure. The first cause noted is kept, and logged once.
 *
 * <p>A busy or unreachable database (a lock timeout, no free connection, PostgreSQL restarting) is not broken: it
 * may answer again, and {@link Sql} answers those requests "retry later" one by one.
 */
final class Breakage {
    /** The cause when H2 closed the database and its own failure says no more, since it logged the reason itself. */
    static final String CLOSED_UNDER_THE_SERVER = "H2 closed the database under the server (H2's own lines in this "
            + "log, logger h2database, say why)";
    private static final Logger LOG = LoggerFactory.getLogger(Breakage.class);
    /**
     * H2's codes for a database closed under its sessions (after an error, or by a shutdown not the server's own),
     * for its running out of memory (after which it closes the database), and for a file it found damaged.
     */
    private static final Set<Integer> H2_BROKEN = Set.of(ErrorCode.DATABASE_IS_CLOSED,
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.OUT_OF_MEMORY, ErrorCode.FILE_CORRUPTED_1);

    private final AtomicReference<String> cause = new AtomicReference<>();

    /** H2's failure that says it broke for good, if {@code failure} is or wraps one (the pool wraps those it met). */
    private static Optional<JdbcException> brokenBy(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JdbcException h2 && H2_BROKEN.contains(h2.getErrorCode())) {
                return Optional.of(h2);
            }
        }
        return Optional.empty();
    }

    /** In words an operator can act on; H2's own words for a closed database blame a setting the URL has. */
    private static String describe(JdbcException h2) {
        return switch (h2.getErrorCode()) {
            case ErrorCode.OUT_OF_MEMORY -> "H2 ran out of memory and closed the database";
            case ErrorCode.FILE_CORRUPTED_1 -> "H2 found the database file damaged: " + h2.getOriginalMessage();
            default -> CLOSED_UNDER_THE_SERVER;
        };
    }

    /** Notes the cause, unless one was noted before. */
    void note(String cause) {
        if (this.cause.compareAndSet(null, cause)) {
            LOG.error("The database can no longer be used; the server must restart: {}", cause);
        }
    }

    /** Notes the failure if it says the database broke for good, and returns whether it did. */
    boolean noteIfBroken(SQLException failure) {
        Optional<JdbcException> h2 = brokenBy(failure);
        h2.ifPresent(closed -> note(describe(closed)));
        return h2.isPresent();
    }

    Optional<String> cause() {
        return Optional.ofNullable(cause.get());
    }

    /** Throws what a request on a broken database gets: "retry later", for the server that restarts. */
    void check() {
        String broken = cause.get();
        if (broken != null) {
            throw unavailable(broken, null);
        }
    }

    /** The failure to throw once {@link #noteIfBroken} said yes. */
    StorageUnavailableException unavailable(SQLException failure) {
        return unavailable(cause.get(), failure);
    }

    private static StorageUnavailableException unavailable(String cause, Throwable failure) {
        return new StorageUnavailableException("The database can no longer be used until the server restarts: "
                + cause, failure);
    }
}
