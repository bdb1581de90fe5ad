package dev.devicescripts.bootstrap;

import dev.devicescripts.application.port.out.AuditLogRepository;
import dev.devicescripts.application.port.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the audit entries older than {@code --audit-retention-days} in the background. A round deletes small batches,
 * each its own short transaction, until one comes back short, so that a write never waits long behind a delete; then
 * the task sleeps until the next round. A failed round is logged (one line a round, so at most one a minute) and the
 * next round tries again.
 */
final class AuditRetention implements AutoCloseable {
    static final int BATCH = 500;
    static final Duration ROUND_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);
    /** How long a stop waits for a batch in flight, so that the store is not closed under it. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private final AuditLogRepository auditLog;
    private final TimeSource time;
    private final Duration retention;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "devicescripts:audit-retention");
        thread.setDaemon(true);
        return thread;
    });

    /** Set at stop; not an interrupt, which would close H2's file channel under the batch and break the store. */
    private volatile boolean stopped;

    AuditRetention(AuditLogRepository auditLog, TimeSource time, Duration retention) {
        this.auditLog = auditLog;
        this.time = time;
        this.retention = retention;
    }

    /** Runs a round now, then one a {@link #ROUND_INTERVAL} after each ends, until {@link #close}. */
    AuditRetention start() {
        rounds.scheduleWithFixedDelay(this::round, 0, ROUND_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Deletes every entry older than the retention period, a batch at a time.
     *
     * @return how many it deleted
     */
    long deleteExpired() {
        Instant cutoff = time.now().minus(retention);
        long deleted = 0;
        int batch;
        do {
            batch = auditLog.deleteExpired(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH && !stopped);
        return deleted;
    }

    /** A scheduled task that throws is never run again, so a failure stops here. */
    private void round() {
        try {
            long deleted = deleteExpired();
            if (deleted > 0) {
                LOG.info("Deleted {} audit log entries older than {} days", deleted, retention.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired audit log entries; trying again in {} s", ROUND_INTERVAL.toSeconds(),
                    e);
        }
    }

    /** Stops the rounds: a batch in flight is let finish, none starts after. */
    @Override
    public void close() {
        stopped = true;
        rounds.shutdown();
        try {
            if (!rounds.awaitTermination(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A deletion of expired audit log entries was still running at stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
