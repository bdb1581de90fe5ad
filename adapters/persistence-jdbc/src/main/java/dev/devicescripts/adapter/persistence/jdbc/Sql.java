package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.StorageUnavailableException;
import dev.devicescripts.domain.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Connections, transactions and parameters, the same way for every statement of this adapter. Work names the tenant
 * it is for, so that the {@link ConnectionGate} shares the connections fairly between tenants; null for work that
 * serves no one tenant.
 */
final class Sql {

    /**
     * Work done with one connection; it may throw SQLException, which becomes a {@link StorageUnavailableException}
     * when transient or when the database broke for good (see {@link Breakage}), else a {@link JdbcStorageException}.
     */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Set<String> TRANSIENT_STATES =
            Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "53300");

    private final DataSource dataSource;
    /** In front of {@link #dataSource}, with a permit for each of its connections. */
    private final ConnectionGate gate;
    private final Breakage breakage;

    Sql(DataSource dataSource, ConnectionGate gate, Breakage breakage) {
        this.dataSource = dataSource;
        this.gate = gate;
        this.breakage = breakage;
    }

    /** Runs work whose every statement commits by itself, such as a single read. */
    <T> T withConnection(TenantId tenant, Work<T> work) {
        breakage.check();
        try {
            return connected(tenant, work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work as one transaction: committed when it returns, rolled back when it throws anything. */
    <T> T inTransaction(TenantId tenant, Work<T> work) {
        breakage.check();
        try {
            return connected(tenant, connection -> {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (Throwable failure) {
                    rollback(connection, failure);
                    throw failure;
                } finally {
                    connection.setAutoCommit(true);
                }
            });
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs reads that write rows of their own to read them (a membership walk's), which are rolled back however the
     * work ends: nothing is committed, and nothing waits for the disk.
     */
    <T> T rolledBack(TenantId tenant, Work<T> work) {
        breakage.check();
        try {
            return connected(tenant, connection -> {
                connection.setAutoCommit(false);
                try {
                    return work.run(connection);
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            });
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs reads that must see one state of the database, as of their first statement, even when they take more than
     * one statement: a transaction at REPEATABLE READ (the pool restores the isolation level afterwards).
     */
    <T> T inSnapshot(TenantId tenant, Work<T> work) {
        return inTransaction(tenant, connection -> {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return work.run(connection);
        });
    }

    /**
     * Runs reads that must all see the state of the database as of their first statement, at REPEATABLE READ as
     * {@link #inSnapshot} does, but rolled back as {@link #rolledBack} is: what they write to read it goes with them.
     */
    <T> T inReadSnapshot(TenantId tenant, Work<T> work) {
        return rolledBack(tenant, connection -> {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return work.run(connection);
        });
    }

    /**
     * {@code column IN (?, ...)} of the values, which must not be empty. H2 looks the values of an IN list of
     * parameters up through an index that starts with the column, but filters every row for = ANY(array). The list
     * grows to a power of two by repeating the last value, so that sessions parse few forms of a statement.
     */
    static Condition in(String column, List<?> values) {
        int length = Integer.highestOneBit(values.size() * 2 - 1);
        List<Object> parameters = new ArrayList<>(values);
        parameters.addAll(Collections.nCopies(length - values.size(), values.get(values.size() - 1)));
        return new Condition(column + " IN (" + String.join(", ", Collections.nCopies(length, "?")) + ")",
                parameters);
    }

    /** A statement with its parameters set in order. */
    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Sets the parameters in order; an Instant is bound with its offset, the form both H2 and PostgreSQL take. */
    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i] instanceof Instant instant
                    ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                    : parameters[i];
            statement.setObject(i + 1, parameter);
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Runs work with a connection of the pool, taken once the gate lets it, and given back before the permit. */
    private <T> T connected(TenantId tenant, Work<T> work) throws SQLException {
        gate.enter(tenant);
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } finally {
            gate.leave(tenant);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private RuntimeException failure(SQLException e) {
        return breakage.noteIfBroken(e) ? breakage.unavailable(e) : failed(e);
    }

    /**
     * A transient failure (no connection free within the pool's wait, a lock timeout, a deadlock, a lost connection)
     * is the database being busy or out of reach, not broken: the work was rolled back and may be retried.
     */
    static RuntimeException failed(SQLException e) {
        if (isTransient(e)) {
            return new StorageUnavailableException("The database is busy: " + e.getMessage(), e);
        }
        return new JdbcStorageException("The database failed: " + e.getMessage(), e);
    }

    /**
     * H2 and the pool say so with a {@link SQLTransientException}. PostgreSQL's driver says it only with the SQLSTATE,
     * of the failure or of the one it wraps (a batch's): class 08, the connection failed; 40001, a serialization
     * failure; 40P01, a deadlock; 55P03, lock_timeout; 57014, a statement cancelled or timed out; 57P01 to 57P03, the
     * server shutting down or not yet started; 53300, no connection slot free.
     */
    private static boolean isTransient(SQLException e) {
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientException) {
                return true;
            }
            String state = cause instanceof SQLException failure ? failure.getSQLState() : null;
            if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof SQLException sqlFailure && sqlFailure.getNextException() != null) {
            return sqlFailure.getNextException();
        }
        return failure.getCause();
    }
}
