package dev.devicescripts.adapter.http.auth;

import dev.devicescripts.application.Caller;
import java.util.Objects;

/**
 * The caller a verified token proves, and the app that obtained the token: the token's appid claim (Azure AD v1
 * tokens) or azp claim (v2 tokens), {@code "unknown"} when it has neither.
 */
public record AuthenticatedCaller(Caller caller, String clientAppId) {
    /** The client app id of tokens that name none. */
    public static final String UNKNOWN_CLIENT = "unknown";

    public AuthenticatedCaller {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(clientAppId, "clientAppId");
    }
}
