package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.adapter.persistence.jdbc.Sql.Work;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Commits the changes that arrive while another commit is under way together, in one transaction (group commit).
 * Every commit reaches the database file before it returns, and with one commit per change, concurrent assigns spent
 * most of their time waiting for each other's commits.
 *
 * <p>A change returns only after the commit that holds it, so nothing is acknowledged before it is durable. A change
 * that fails is rolled back to its own savepoint and fails alone; a commit that fails fails every change it held.
 * A group takes its row locks in the order of the rows' keys, so that groups of two servers sharing one database
 * cannot deadlock.
 */
final class GroupCommit {
    /** Bounds how many changes, and so how long, one transaction holds row locks. */
    private static final int MAX_GROUP = 32;

    private final Sql sql;
    /** Changes waiting for a commit, oldest first. Guarded by this. */
    private final List<Pending<?>> waiting = new ArrayList<>();
    /** Whether some caller is committing a group. Guarded by this. */
    private boolean committing;

    GroupCommit(Sql sql) {
        this.sql = sql;
    }

    /**
     * Runs {@code work} in a transaction, possibly with other changes, and returns once it is committed.
     *
     * @param key the key of the row {@code work} locks first; it orders the changes of a group
     */
    <T> T run(UUID key, Work<T> work) {
        Pending<T> mine = new Pending<>(key, work);
        boolean interrupted = false;
        try {
            synchronized (this) {
                waiting.add(mine);
            }
            while (true) {
                List<Pending<?>> group;
                synchronized (this) {
                    while (committing && !mine.done) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the change may be committing: its outcome must still be told
                        }
                    }
                    if (mine.done) {
                        return mine.outcome();
                    }
                    committing = true;
                    List<Pending<?>> oldest = waiting.subList(0, Math.min(MAX_GROUP, waiting.size()));
                    group = new ArrayList<>(oldest);
                    oldest.clear();
                }
                try {
                    commit(group);
                } finally {
                    synchronized (this) {
                        committing = false;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void commit(List<Pending<?>> group) {
        group.sort(Comparator.comparing(change -> change.key)); // stable: changes of one key keep their order
        try {
            sql.inTransaction(connection -> {
                for (Pending<?> change : group) {
                    change.runWithin(connection);
                }
                return null;
            });
            group.forEach(Pending::committed);
        } catch (RuntimeException failure) {
            group.forEach(change -> change.failed(failure));
        }
    }

    /** A change and, once done, its outcome; written by the committing caller, read under the lock. */
    private static final class Pending<T> {
        private final UUID key;
        private final Work<T> work;
        private T result;
        private RuntimeException failure;
        private boolean done;

        Pending(UUID key, Work<T> work) {
            this.key = key;
            this.work = work;
        }

        void runWithin(Connection connection) throws SQLException {
            Savepoint before = connection.setSavepoint();
            try {
                result = work.run(connection);
            } catch (SQLException e) {
                connection.rollback(before);
                failure = Sql.failed(e);
            } catch (RuntimeException e) {
                connection.rollback(before);
                failure = e;
            }
        }

        void committed() {
            done = true;
        }

        void failed(RuntimeException commitFailure) {
            failure = failure == null ? commitFailure : failure;
            done = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
