package dev.devicescripts.adapter.http.auth;

/**
 * The keys that check token signatures could not be loaded (the issuer's JWKS endpoint is down, say): the server,
 * not the token, is at fault, so the caller should retry rather than get a new token.
 */
public final class SigningKeysUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SigningKeysUnavailableException(Throwable cause) {
        super("This server could not load the keys that check token signatures; try again later.", cause);
    }
}
