package dev.devicescripts.adapter.http.auth;

import java.util.regex.Pattern;

/**
 * A request whose bearer token is missing or not acceptable (HTTP 401). The message says which check failed in a
 * sentence the caller can act on; it never contains the token.
 */
public final class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Values from a token header or claims that are short printable text; anything else is not repeated back. */
    private static final Pattern SHOWABLE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    AuthenticationException(String message) {
        super(message);
    }

    AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A value read from a token (an algorithm, a key id, an audience), fit to be quoted in a message and a log. */
    static String shown(Object value) {
        String text = String.valueOf(value);
        return SHOWABLE.matcher(text).matches() ? "'" + text + "'" : "(a value not shown)";
    }
}
