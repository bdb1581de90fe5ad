package dev.devicescripts.application;

/** The caller is who it says, but may not do this; the message names the permissions that would allow it. */
public final class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
