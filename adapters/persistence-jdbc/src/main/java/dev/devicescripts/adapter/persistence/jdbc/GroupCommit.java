package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.adapter.persistence.jdbc.Sql.Work;
import dev.devicescripts.application.StorageUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Commits the changes that arrive while one commit is under way together, as the next transaction: one writer thread
 * takes every change waiting and runs them in one transaction. A commit costs more than the change it holds: H2 writes
 * the pages a commit changed to the file before the commit returns, and PostgreSQL flushes its log (figures in
 * docs/adr/0003-shared-commits.md).
 *
 * <p>A change returns only after the commit that holds it, so nothing is acknowledged before it is durable. A group
 * locks its rows in the order of their keys, so that groups of two servers sharing one database cannot deadlock. When
 * a group fails for a reason other than the database being busy, its changes run again one transaction each, so that
 * only the change at fault fails.
 */
final class GroupCommit implements AutoCloseable {
    /** Bounds how many changes, and so how long, one transaction holds row locks. */
    private static final int MAX_GROUP = 64;

    /** Put in the queue by {@link #close}: the writer stops when it takes it. */
    private static final Pending<Void> STOP = new Pending<>(null, connection -> null);

    private final Sql sql;
    private final BlockingQueue<Pending<?>> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Set by the writer before it fails the changes left waiting, and stops. */
    private volatile boolean stopped;

    GroupCommit(Sql sql, String name) {
        this.sql = sql;
        this.writer = new Thread(this::commitGroups, name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Runs {@code work} in a transaction, possibly with other changes, and returns once it is committed. The work runs
     * on the writer thread and may run twice: it must do nothing but statements on the connection it is given.
     *
     * @param key the key of the row {@code work} locks first; it orders the changes of a group
     */
    <T> T run(UUID key, Work<T> work) {
        Pending<T> change = new Pending<>(key, work);
        waiting.add(change);
        if (stopped && waiting.remove(change)) {
            change.fail(closed());
        }
        try {
            return change.outcome.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private void commitGroups() {
        List<Pending<?>> group = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            group.add(next());
            waiting.drainTo(group, MAX_GROUP - 1);
            stop = group.remove(STOP);
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
        }
        stopped = true;
        for (Pending<?> change; (change = waiting.poll()) != null; ) {
            change.fail(closed());
        }
    }

    /**
     * The oldest change waiting, once there is one. The writer is never interrupted: an interrupt during a statement
     * would close H2's file under the database.
     */
    private Pending<?> next() {
        while (true) {
            try {
                return waiting.take();
            } catch (InterruptedException e) {
                // only close() stops the writer
            }
        }
    }

    private void commit(List<Pending<?>> group) {
        if (group.size() > 1) {
            group.sort(Comparator.comparing(change -> change.key)); // stable: changes of one key keep their order
            try {
                // A group holds many tenants' changes: it serves no one tenant (null) when it waits for a connection
                List<Object> results = sql.inTransaction(null, connection -> {
                    List<Object> ofGroup = new ArrayList<>(group.size());
                    for (Pending<?> change : group) {
                        ofGroup.add(change.work.run(connection));
                    }
                    return ofGroup;
                });
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).succeed(results.get(i));
                }
                return;
            } catch (StorageUnavailableException busy) {
                group.forEach(change -> change.fail(busy));
                return;
            } catch (RuntimeException | Error failed) {
                // one change failed, and the group was rolled back: each again alone, to fail only the one at fault
            }
        }
        for (Pending<?> change : group) {
            try {
                change.succeed(sql.inTransaction(null, change.work));
            } catch (RuntimeException | Error failed) {
                change.fail(failed instanceof RuntimeException e ? e : new JdbcStorageException(failed.toString(),
                        failed));
            }
        }
    }

    private static StorageUnavailableException closed() {
        return new StorageUnavailableException("The database is closing", null);
    }

    /** Commits the changes already waiting, then stops the writer; changes that arrive later fail as unavailable. */
    @Override
    public void close() {
        waiting.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Pending<T> {
        private final UUID key;
        private final Work<T> work;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();

        Pending(UUID key, Work<T> work) {
            this.key = key;
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void succeed(Object result) {
            outcome.complete((T) result);
        }

        void fail(RuntimeException failure) {
            outcome.completeExceptionally(failure);
        }
    }
}
