package dev.devicescripts.application;

/**
 * A request broke one of the service's rules, and the message is the service's own wording of it (the directory's
 * texts, which clients match byte for byte, such as {@code One or more added object references already exist for
 * the following modified properties: 'members'.}). Answered as a bad request.
 */
public final class RequestRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestRefusedException(String message) {
        super(message);
    }
}
