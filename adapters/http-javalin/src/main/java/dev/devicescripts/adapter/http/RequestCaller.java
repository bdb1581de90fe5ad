package dev.devicescripts.adapter.http;

import dev.devicescripts.adapter.http.auth.AuthenticatedCaller;
import dev.devicescripts.adapter.http.auth.Authenticator;
import dev.devicescripts.application.Caller;
import io.javalin.http.Context;
import java.util.Optional;

/** The verified caller of a Graph request: established once before any route runs, read by the handlers. */
final class RequestCaller {
    private static final String ATTRIBUTE = "devicescripts.caller";

    private RequestCaller() {
    }

    /** Verifies the request's bearer token; a failure ends the request with 401 before any route runs. */
    static void authenticate(Context ctx, Authenticator authenticator) {
        ctx.attribute(ATTRIBUTE, authenticator.authenticate(ctx.header("Authorization")));
    }

    static Caller caller(Context ctx) {
        return authenticated(ctx).orElseThrow(() -> new IllegalStateException(
                "A Graph route ran without an authenticated caller")).caller();
    }

    /** The caller, for the access log; empty when the request never got that far. */
    static Optional<AuthenticatedCaller> authenticated(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
