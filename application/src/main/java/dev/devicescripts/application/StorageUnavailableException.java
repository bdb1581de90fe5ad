package dev.devicescripts.application;

/**
 * Storage could not serve in time (no free connection, a lock held too long, the database unreachable): the request
 * changed nothing and may be retried. Storage adapters throw it; the caller answers "retry later".
 */
public final class StorageUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
