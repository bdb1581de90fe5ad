package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent changes through one GroupCommit, some of which fail: each caller learns its own change's outcome, the
 * failed ones leave nothing, and every other one is committed when its call returns, whichever group it shared.
 */
class GroupCommitTest {
    private static final int WRITERS = 8;
    private static final int CHANGES_PER_WRITER = 60;
    private static final UUID TAKEN = new UUID(0, 1);

    private Sql sql;
    private GroupCommit groupCommit;

    @BeforeEach
    void openTable(@TempDir Path directory) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(JdbcPersistence.h2FileUrl(directory));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE change_row (k uuid PRIMARY KEY, writer integer NOT NULL)");
            statement.execute("INSERT INTO change_row VALUES ('" + TAKEN + "', -1)");
        }
        sql = new Sql(dataSource);
        groupCommit = new GroupCommit(sql);
    }

    @Test
    void eachChangeIsCommittedOrFailsAloneAndItsCallerKnowsWhich() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<UUID>>> committedByWriter = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int id = writer;
            committedByWriter.add(writers.submit(() -> write(id)));
        }
        Set<UUID> acknowledged = new HashSet<>();
        for (Future<List<UUID>> committed : committedByWriter) {
            acknowledged.addAll(committed.get());
        }
        writers.shutdown();

        assertThat(acknowledged).hasSize(WRITERS * CHANGES_PER_WRITER * 4 / 5);
        assertThat(storedKeys()).containsExactlyInAnyOrderElementsOf(union(acknowledged, Set.of(TAKEN)));
    }

    /** Every fifth change inserts the taken key, and must fail; the others must be stored when run returns. */
    private List<UUID> write(int writer) throws SQLException {
        List<UUID> acknowledged = new ArrayList<>();
        for (int change = 0; change < CHANGES_PER_WRITER; change++) {
            boolean clashes = change % 5 == 4;
            UUID key = clashes ? TAKEN : UUID.randomUUID();
            try {
                groupCommit.run(key, connection -> insert(connection, key, writer));
                assertThat(clashes).as("a clashing insert was acknowledged").isFalse();
                assertThat(storedKeys()).as("committed when acknowledged").contains(key);
                acknowledged.add(key);
            } catch (JdbcStorageException refused) {
                assertThat(clashes).as("an insert that does not clash failed: %s", refused).isTrue();
            }
        }
        return acknowledged;
    }

    private static Void insert(Connection connection, UUID key, int writer) throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection, "INSERT INTO change_row VALUES (?, ?)", key, writer)) {
            insert.executeUpdate();
        }
        return null;
    }

    private Set<UUID> storedKeys() {
        return sql.withConnection(connection -> {
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

    private static Set<UUID> union(Set<UUID> some, Set<UUID> others) {
        Set<UUID> all = new HashSet<>(some);
        all.addAll(others);
        return all;
    }
}
