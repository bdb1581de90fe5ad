package dev.devicescripts.adapter.http.graph;

import dev.devicescripts.adapter.http.auth.AuthenticatedCaller;
import dev.devicescripts.adapter.http.auth.Authenticator;
import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.audit.Actor;
import io.javalin.http.Context;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** The verified caller of a Graph request: established once before any route runs, read by the handlers. */
public final class RequestCaller {
    private static final String ATTRIBUTE = "devicescripts.caller";

    private RequestCaller() {
    }

    /**
     * Verifies the request's bearer token, unless {@link #authenticateEarly} already did; a failure ends the request
     * with 401 before any route runs.
     */
    public static void authenticate(Context ctx, Authenticator authenticator) {
        if (ctx.attribute(ATTRIBUTE) == null) {
            ctx.attribute(ATTRIBUTE, authenticator.authenticate(authorization(
                    ServletContextRequest.getServletContextRequest(ctx.req()).getHeaders())));
        }
    }

    /**
     * Verifies the bearer token of a request that Jetty holds, before any route runs, and keeps the caller for
     * {@link #authenticate}.
     *
     * @throws RuntimeException whatever {@link #authenticate} would answer the client with
     */
    public static AuthenticatedCaller authenticateEarly(Request request, Authenticator authenticator) {
        AuthenticatedCaller caller = authenticator.authenticate(authorization(request.getHeaders()));
        request.setAttribute(ATTRIBUTE, caller);
        return caller;
    }

    /** The one Authorization header, null when none: of two, a proxy or client could trust one, this server another. */
    private static String authorization(HttpFields headers) {
        String value = null;
        for (int i = 0; i < headers.size(); i++) {
            HttpField field = headers.getField(i);
            if (field.getHeader() == HttpHeader.AUTHORIZATION) {
                if (value != null) {
                    throw GraphRequestException.badRequest("The request has more than one Authorization header; "
                            + "send exactly one: Authorization: Bearer <token>.");
                }
                value = field.getValue();
            }
        }
        return value;
    }

    /**
     * The caller the token proves, in this request: its actor at the client's address as the server sees it (a
     * trusted proxy's X-Forwarded-For only when the server trusts forwarded headers; a batch's client for the batch's
     * requests) and the request's correlation id.
     */
    public static Caller caller(Context ctx) {
        Caller verified = authenticated(ctx).orElseThrow(() -> new IllegalStateException(
                "A Graph route ran without an authenticated caller")).caller();
        Actor actor = verified.actor();
        return new Caller(verified.tenant(), verified.permissions(), new Actor(actor.kind(), actor.userId(),
                actor.userPrincipalName(), actor.userDisplayName(), actor.appId(), actor.appDisplayName(),
                ctx.req().getRemoteAddr()), RequestIds.correlationId(ctx));
    }

    /** The caller, for the access log; empty when the request never got that far. */
    public static Optional<AuthenticatedCaller> authenticated(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}
