package dev.devicescripts.adapter.http.server;

import dev.devicescripts.adapter.http.auth.AuthenticatedCaller;
import dev.devicescripts.adapter.http.graph.GraphErrors;
import dev.devicescripts.adapter.http.graph.RequestCaller;
import dev.devicescripts.adapter.http.graph.RequestIds;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.NanoTime;

/**
 * Notes every request once its answer is settled, in the metrics and as an access-log line: those that reached the
 * routes as the last (after) handler, errors included, and those Jetty answered itself (a full queue, a stopping
 * server, a malformed request) from its error handler. Both run before the response is sent, so a client that has its
 * answer finds the request counted. The duration runs from the request's arrival, queueing included.
 */
public final class RequestRecorder implements GraphErrors.Refusals {
    /** The route label of requests that Jetty answered before any route could match them. */
    public static final String UNROUTED = "UNROUTED";

    /**
     * One request as it was answered.
     *
     * @param tenant the caller's tenant, null when the request was answered before its token was read; so is appId
     * @param route  the route template matched, {@link ServerMetrics#UNMATCHED_ROUTE} or {@link #UNROUTED}
     */
    record Answer(String requestId, String clientRequestId, String tenant, String appId, String method, String route,
                  String path, int status, Duration duration) {
    }

    private final ServerMetrics metrics;

    public RequestRecorder(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    /** The last handler of every routed request. */
    public void finish(Context ctx) {
        Optional<AuthenticatedCaller> caller = RequestCaller.authenticated(ctx);
        record(new Answer(RequestIds.requestId(ctx), RequestIds.clientRequestId(ctx),
                caller.map(known -> known.caller().tenant().toString()).orElse(null),
                caller.map(AuthenticatedCaller::clientAppId).orElse(null),
                ctx.method().name(), route(ctx), ctx.path(), ctx.statusCode(),
                sinceArrival(ServletContextRequest.getServletContextRequest(ctx.req()))));
    }

    /** A request that Jetty answered itself with {@code status}, before any route ran. */
    @Override
    public void refused(Request request, int status, String requestId, String clientRequestId) {
        record(new Answer(requestId, clientRequestId, null, null, request.getMethod(), UNROUTED,
                request.getHttpURI().getPath(), status, sinceArrival(request)));
    }

    private void record(Answer answer) {
        metrics.request(answer);
        AccessLog.record(answer);
    }

    private static Duration sinceArrival(Request request) {
        return Duration.ofNanos(NanoTime.since(request.getBeginNanoTime()));
    }

    /** The template of the route the request matched, such as /beta/.../{scriptKey}/assign, never its path. */
    private static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? ServerMetrics.UNMATCHED_ROUTE : matched.path;
    }
}
