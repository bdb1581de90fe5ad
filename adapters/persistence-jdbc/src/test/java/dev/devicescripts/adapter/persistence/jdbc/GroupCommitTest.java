package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.StorageUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes through one GroupCommit on the H2 file database: each caller learns its own change's outcome, a failed change
 * leaves nothing and fails alone, every other change is committed when its call returns, and changes that waited
 * while a commit was under way share the next one.
 */
class GroupCommitTest {
    private static final int WRITERS = 8;
    private static final int CHANGES_PER_WRITER = 60;
    private static final UUID TAKEN = new UUID(0, 1);

    private Sql sql;
    private GroupCommit groupCommit;
    /** Keeps the database open between transactions, as the pool does: H2 closes it with the last connection. */
    private Connection keepOpen;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void openTable(@TempDir Path directory) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(JdbcStore.h2FileUrl(directory));
        keepOpen = dataSource.getConnection();
        try (Statement statement = keepOpen.createStatement()) {
            statement.execute("CREATE TABLE change_row (k uuid PRIMARY KEY, session_id integer)");
            statement.execute("INSERT INTO change_row VALUES ('" + TAKEN + "', NULL)");
        }
        sql = new Sql(dataSource, new ConnectionGate(10, Duration.ofSeconds(5)), new Breakage());
        groupCommit = new GroupCommit(sql, "test-writer");
    }

    @AfterEach
    void close() throws SQLException {
        callers.shutdownNow();
        groupCommit.close();
        keepOpen.close();
    }

    @Test
    void eachChangeIsCommittedOrFailsAloneAndItsCallerKnowsWhich() throws Exception {
        List<Future<List<UUID>>> committedByWriter = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            committedByWriter.add(callers.submit(this::write));
        }
        Set<UUID> acknowledged = new HashSet<>();
        for (Future<List<UUID>> committed : committedByWriter) {
            acknowledged.addAll(committed.get(30, TimeUnit.SECONDS));
        }

        assertThat(acknowledged).hasSize(WRITERS * CHANGES_PER_WRITER * 4 / 5);
        Set<UUID> expected = new HashSet<>(acknowledged);
        expected.add(TAKEN);
        assertThat(storedKeys()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void changesThatWaitedDuringACommitShareTheNextOne() throws Exception {
        CountDownLatch release = blockWriter();
        List<UUID> keys = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Running> inserts = new ArrayList<>();
        for (UUID key : keys) {
            inserts.add(Running.start(() -> groupCommit.run(key, connection -> insert(connection, key))));
        }
        awaitParked(inserts);
        release.countDown();
        for (Running insert : inserts) {
            insert.awaitDone();
        }

        assertThat(sessionsOf(keys)).hasSize(1);
    }

    @Test
    void aChangeThatThrowsAnErrorFailsAloneAndTheWriterGoesOn() {
        assertThatThrownBy(() -> groupCommit.run(UUID.randomUUID(), connection -> {
            throw new AssertionError("a bug in a change");
        })).isInstanceOf(JdbcStorageException.class).hasMessageContaining("a bug in a change");

        UUID key = UUID.randomUUID();
        groupCommit.run(key, connection -> insert(connection, key));
        assertThat(storedKeys()).contains(key);
    }

    @Test
    void closeCommitsWhatIsWaitingAndLaterChangesFailAsUnavailable() throws Exception {
        CountDownLatch release = blockWriter();
        UUID key = UUID.randomUUID();
        Running waiting = Running.start(() -> groupCommit.run(key, connection -> insert(connection, key)));
        awaitParked(List.of(waiting));
        Running closing = Running.start(groupCommit::close);
        awaitParked(List.of(waiting, closing));
        release.countDown();
        closing.awaitDone();

        waiting.awaitDone();
        assertThat(storedKeys()).contains(key);
        assertThatThrownBy(() -> groupCommit.run(UUID.randomUUID(), connection -> null))
                .isInstanceOf(StorageUnavailableException.class);
    }

    /**
     * Has the writer run a change that waits until the latch returned is counted down, so that changes sent meanwhile
     * wait in the queue.
     */
    private CountDownLatch blockWriter() {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callers.submit(() -> groupCommit.run(UUID.randomUUID(), connection -> {
            running.countDown();
            await(release);
            return null;
        }));
        await(running);
        return release;
    }

    /** An action running on a thread of its own, and its outcome. */
    private record Running(Thread thread, FutureTask<Void> outcome) {
        static Running start(Runnable action) {
            FutureTask<Void> outcome = new FutureTask<>(action, null);
            Thread thread = new Thread(outcome);
            thread.start();
            return new Running(thread, outcome);
        }

        /** Returns once the action returned, and throws what it threw. */
        void awaitDone() throws Exception {
            outcome.get(30, TimeUnit.SECONDS);
        }
    }

    /** Every fifth change inserts the taken key, and must fail; the others must be stored when run returns. */
    private List<UUID> write() {
        List<UUID> acknowledged = new ArrayList<>();
        for (int change = 0; change < CHANGES_PER_WRITER; change++) {
            boolean clashes = change % 5 == 4;
            UUID key = clashes ? TAKEN : UUID.randomUUID();
            try {
                groupCommit.run(key, connection -> insert(connection, key));
                assertThat(clashes).as("a clashing insert was acknowledged").isFalse();
                assertThat(storedKeys()).as("committed when acknowledged").contains(key);
                acknowledged.add(key);
            } catch (JdbcStorageException refused) {
                assertThat(clashes).as("an insert that does not clash failed: %s", refused).isTrue();
            }
        }
        return acknowledged;
    }

    /**
     * Inserts the key with the id of the database session that inserts it. The test's data source opens a session per
     * connection, and GroupCommit commits once per connection it takes: changes of one session shared one commit.
     */
    private static Void insert(Connection connection, UUID key) throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection, "INSERT INTO change_row VALUES (?, NULL)", key);
             PreparedStatement session = Sql.prepare(connection,
                     "UPDATE change_row SET session_id = SESSION_ID() WHERE k = ?", key)) {
            insert.executeUpdate();
            session.executeUpdate();
        }
        return null;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("released in time").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits until every action is parked: a caller of run once its change waits in the queue, a caller of close once
     * it waits for the writer to stop.
     */
    private static void awaitParked(List<Running> actions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!actions.stream().allMatch(action -> action.thread().getState() == Thread.State.WAITING)) {
            assertThat(System.nanoTime()).as("callers waiting for the commit").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private Set<Integer> sessionsOf(List<UUID> keys) {
        return sql.withConnection(null, connection -> {
            Set<Integer> sessions = new HashSet<>();
            for (UUID key : keys) {
                try (PreparedStatement read = Sql.prepare(connection,
                        "SELECT session_id FROM change_row WHERE k = ?", key);
                     ResultSet row = read.executeQuery()) {
                    assertThat(row.next()).as("stored: %s", key).isTrue();
                    sessions.add(row.getInt(1));
                }
            }
            return sessions;
        });
    }

    private Set<UUID> storedKeys() {
        return sql.withConnection(null, connection -> {
            Set<UUID> keys = new HashSet<>();
            try (Statement read = connection.createStatement();
                 ResultSet rows = read.executeQuery("SELECT k FROM change_row")) {
                while (rows.next()) {
                    keys.add(rows.getObject(1, UUID.class));
                }
            }
            return keys;
        });
    }
}
