package dev.devicescripts.adapter.http;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.UUID;

/** Graph's correlation headers: a new request-id on every response, and the client's client-request-id echoed. */
final class RequestIds {
    static final String REQUEST_ID = "request-id";
    static final String CLIENT_REQUEST_ID = "client-request-id";

    private RequestIds() {
    }

    /** Runs before everything else, so that every response, errors included, carries both headers. */
    static void assign(Context ctx) {
        String requestId = newRequestId();
        ctx.header(REQUEST_ID, requestId).header(CLIENT_REQUEST_ID, clientRequestId(ctx.header(CLIENT_REQUEST_ID),
                requestId));
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** The client's own id when it sent one, otherwise the request-id. */
    static String clientRequestId(String sent, String requestId) {
        return Objects.requireNonNullElse(sent, requestId);
    }

    static String requestId(Context ctx) {
        return ctx.res().getHeader(REQUEST_ID);
    }

    static String clientRequestId(Context ctx) {
        return ctx.res().getHeader(CLIENT_REQUEST_ID);
    }
}
