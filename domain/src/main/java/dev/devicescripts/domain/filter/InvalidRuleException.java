package dev.devicescripts.domain.filter;

/**
 * A rule the language refuses: the token where reading stopped, its position (0-based, in characters of the rule as
 * sent) and why. Its message reads {@code rule is not valid at position 12 ('-gt'): <reason>}.
 */
public final class InvalidRuleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String token;
    private final int position;
    private final String reason;

    public InvalidRuleException(String token, int position, String reason) {
        super("rule is not valid at position " + position + " ('" + token + "'): " + reason);
        this.token = token;
        this.position = position;
        this.reason = reason;
    }

    /** What stood at the position, or the empty string at the end of the rule. */
    public String token() {
        return token;
    }

    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }
}
