package dev.devicescripts.bootstrap;

/** The command line or environment asks for something devicescripts cannot do; the message says what. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
