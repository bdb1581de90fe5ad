package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.StorageUnavailableException;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

/**
 * Which database failures are the database busy or out of reach (the caller answers 503, retry later) and which are
 * a fault: PostgreSQL tells them apart only by SQLSTATE, H2 and the pool by the exception's type. And which say that
 * H2 closed the database for good, after which no statement runs until the server restarts.
 */
class SqlFailuresTest {

    @Test
    void postgresqlsTransientStatesAreBusy() {
        for (String state : new String[] {"40001", "40P01", "08006", "08001", "55P03", "57014", "57P01", "53300"}) {
            assertThat(Sql.failed(new SQLException("failed", state))).as(state)
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessage("The database is busy: failed");
        }
    }

    @Test
    void aBatchThatDeadlockedIsBusy() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 was aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("deadlock detected", "40P01"));

        assertThat(Sql.failed(batch)).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void h2sLockTimeoutIsBusy() {
        assertThat(Sql.failed(new SQLTimeoutException("Timeout trying to lock table", "HYT00")))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void otherFailuresAreFaults() {
        for (String state : new String[] {"23505", "42P01", "22001", null}) {
            assertThat(Sql.failed(new SQLException("failed", state))).as(String.valueOf(state))
                    .isInstanceOf(JdbcStorageException.class)
                    .hasMessage("The database failed: failed");
        }
    }

    @Test
    void h2ClosingTheDatabaseBreaksItForEveryLaterStatementWithoutAskingTheDatabaseAgain() {
        AtomicInteger connectionsAsked = new AtomicInteger();
        // as the pool reports it: it wraps the failure of the connection it tried
        SQLException closed = new SQLTransientConnectionException("devicescripts - Connection is not available",
                "08003", DbException.getJdbcSQLException(ErrorCode.DATABASE_IS_CLOSED));
        Breakage breakage = new Breakage();
        Sql sql = sql(failingDataSource(connectionsAsked, closed), breakage);

        assertThatThrownBy(() -> sql.withConnection(null, connection -> null))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("The database can no longer be used until the server restarts: H2 closed the database "
                        + "under the server (H2's own lines in this log, logger h2database, say why)");
        assertThatThrownBy(() -> sql.inTransaction(null, connection -> null))
                .isInstanceOf(StorageUnavailableException.class);

        assertThat(connectionsAsked).hasValue(1);
        assertThat(breakage.cause()).isPresent();
    }

    @Test
    void h2RunningOutOfMemoryBreaksTheDatabaseSayingSo() {
        Breakage breakage = new Breakage();
        Sql sql = sql(failingDataSource(new AtomicInteger(), DbException.getJdbcSQLException(ErrorCode.OUT_OF_MEMORY)),
                breakage);

        assertThatThrownBy(() -> sql.withConnection(null, connection -> null))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(breakage.cause()).contains("H2 ran out of memory and closed the database");
    }

    @Test
    void busyAndFaultyStatementsLeaveTheDatabaseUnbroken() {
        Breakage breakage = new Breakage();
        for (SQLException failure : new SQLException[] {new SQLTimeoutException("Timeout trying to lock", "HYT00"),
            new SQLException("failed", "57P01"), DbException.getJdbcSQLException(ErrorCode.DUPLICATE_KEY_1, "k")}) {
            Sql sql = sql(failingDataSource(new AtomicInteger(), failure), breakage);

            assertThatThrownBy(() -> sql.withConnection(null, connection -> null))
                    .isInstanceOfAny(StorageUnavailableException.class, JdbcStorageException.class);
        }

        assertThat(breakage.cause()).isEmpty();
    }

    private static Sql sql(DataSource dataSource, Breakage breakage) {
        return new Sql(dataSource, new ConnectionGate(1, Duration.ofSeconds(5)), breakage);
    }

    /** A data source whose every connection fails with {@code failure}, counting the connections asked for. */
    private static DataSource failingDataSource(AtomicInteger asked, SQLException failure) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        asked.incrementAndGet();
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
