package dev.devicescripts.adapter.http.graph;

import dev.devicescripts.domain.Guids;
import io.javalin.http.Context;
import java.util.UUID;

/** Graph's correlation headers: a new request-id on every response, and the client's client-request-id echoed. */
public final class RequestIds {
    public static final String REQUEST_ID = "request-id";
    public static final String CLIENT_REQUEST_ID = "client-request-id";
    private static final int MAX_CLIENT_REQUEST_ID_LENGTH = 256;

    private RequestIds() {
    }

    /** Runs before everything else, so that every response, errors included, carries both headers. */
    public static void assign(Context ctx) {
        String requestId = newRequestId();
        ctx.header(REQUEST_ID, requestId).header(CLIENT_REQUEST_ID, clientRequestId(ctx.header(CLIENT_REQUEST_ID),
                requestId));
    }

    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The client's own id when it sent one, otherwise the request-id. Graph's ids are GUIDs: one longer than
     * {@value #MAX_CLIENT_REQUEST_ID_LENGTH} characters is not echoed, so that a request head of up to 32 KiB cannot
     * make every answer carry it twice.
     */
    public static String clientRequestId(String sent, String requestId) {
        return sent == null || sent.length() > MAX_CLIENT_REQUEST_ID_LENGTH ? requestId : sent;
    }

    public static String requestId(Context ctx) {
        return ctx.res().getHeader(REQUEST_ID);
    }

    public static String clientRequestId(Context ctx) {
        return ctx.res().getHeader(CLIENT_REQUEST_ID);
    }

    /**
     * What the audit logs correlate a change by (targeting.md 1.5): the client's client-request-id when it is a GUID,
     * else the request-id. A request of a batch has its own of both.
     */
    public static UUID correlationId(Context ctx) {
        String sent = ctx.header(CLIENT_REQUEST_ID);
        return UUID.fromString(Guids.isGuid(sent) ? sent : requestId(ctx));
    }
}
