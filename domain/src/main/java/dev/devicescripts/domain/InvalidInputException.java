package dev.devicescripts.domain;

/**
 * A value or request broke one of the model's rules. {@code field} names the offending property the way a client
 * wrote it (for example {@code displayName} or {@code target.groupId}); the message says which rule it broke.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public InvalidInputException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    /** The same violation seen from an enclosing object, e.g. {@code target.groupId} inside {@code assignments[2]}. */
    public InvalidInputException within(String parent) {
        return new InvalidInputException(parent + "." + field, rule);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required and must not be null.");
        }
        return value;
    }
}
