package dev.devicescripts.adapter.persistence.jdbc;

/** The database could not be opened or could not do what was asked of it; the message says what went wrong. */
public final class JdbcStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JdbcStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
