package dev.devicescripts.adapter.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;

/**
 * Notes every request once its answer is settled: in the metrics and as an access-log line. It runs as the last
 * (after) handler, errors included, before the response is sent: a client that has its answer finds the request
 * counted.
 */
final class RequestRecorder {
    private static final String STARTED = "devicescripts.started";

    private final ServerMetrics metrics;

    RequestRecorder(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    /** The first handler of every request: starts its clock. */
    static void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    /** The last handler of every request. */
    void finish(Context ctx) {
        Long started = ctx.attribute(STARTED);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        String route = route(ctx);
        metrics.request(ctx.method().name(), route, ctx.statusCode(), duration);
        AccessLog.record(ctx, route, duration);
    }

    /** The template of the route the request matched, such as /beta/.../{scriptKey}/assign, never its path. */
    static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? ServerMetrics.UNMATCHED_ROUTE : matched.path;
    }
}
