package dev.devicescripts.application;

/** What the caller asked for does not exist, or is not the caller's to see. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
