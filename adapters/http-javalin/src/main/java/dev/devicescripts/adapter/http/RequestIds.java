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
        String requestId = UUID.randomUUID().toString();
        ctx.header(REQUEST_ID, requestId)
                .header(CLIENT_REQUEST_ID, Objects.requireNonNullElse(ctx.header(CLIENT_REQUEST_ID), requestId));
    }

    static String requestId(Context ctx) {
        return ctx.res().getHeader(REQUEST_ID);
    }

    static String clientRequestId(Context ctx) {
        return ctx.res().getHeader(CLIENT_REQUEST_ID);
    }
}
