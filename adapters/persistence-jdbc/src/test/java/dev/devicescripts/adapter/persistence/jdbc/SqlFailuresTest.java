package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.port.out.StorageUnavailableException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Which database failures are the database busy or out of reach (the caller answers 503, retry later) and which are
 * a fault: PostgreSQL tells them apart only by SQLSTATE, H2 and the pool by the exception's type.
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
}
