package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devicescripts.adapter.http.auth.Authenticator;
import dev.devicescripts.adapter.http.batch.GraphBatch;
import dev.devicescripts.adapter.http.batch.LocalDispatch;
import dev.devicescripts.adapter.http.graph.GraphErrors;
import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.graph.RequestBodies;
import dev.devicescripts.adapter.http.graph.RequestCaller;
import dev.devicescripts.adapter.http.graph.RequestIds;
import dev.devicescripts.adapter.http.odata.QueryOptions;
import dev.devicescripts.adapter.http.script.ScriptEndpoints;
import dev.devicescripts.adapter.http.server.BodyIntake;
import dev.devicescripts.adapter.http.server.HeaderDeadlineConnectionFactory;
import dev.devicescripts.adapter.http.server.NoMethodOverride;
import dev.devicescripts.adapter.http.server.RequestLimits;
import dev.devicescripts.adapter.http.server.RequestRecorder;
import dev.devicescripts.adapter.http.server.RequestThrottle;
import dev.devicescripts.adapter.http.server.ServerMetrics;
import dev.devicescripts.adapter.http.server.TenantLoad;
import dev.devicescripts.adapter.http.server.TlsConnector;
import dev.devicescripts.application.Readiness;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.URIUtil;

/**
 * The Microsoft Graph beta API for device management scripts, served by Javalin: routes under {@code /beta}, and for
 * load balancers and orchestrators {@code GET /healthz} (liveness: the process serves, and its storage is not broken
 * for good), {@code GET /readyz}
 * (readiness: storage answers and its schema is current) and {@code GET /metrics} (Prometheus).
 */
public final class GraphHttpServer implements AutoCloseable {
    /** How long close() lets in-flight requests finish before it stops the server anyway. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    /**
     * Stop waits until every connection has closed, and lowers their idle timeout to this so that idle keep-alive
     * connections go at once rather than after Jetty's default of a second, which a test that starts a server would
     * spend on every stop. A request a route is working on is not cut short, as Jetty's servlet layer ignores the idle
     * timeout while it handles one; only a read or write that makes no progress for this long fails.
     */
    static final Duration IDLE_TIMEOUT_AT_STOP = Duration.ofMillis(100);
    /** The request line and headers together; a bearer token of up to 16 KiB fits with room to spare. */
    private static final int MAX_REQUEST_HEAD_BYTES = 32 * 1024;
    private static final String HEALTH_PATH = "/healthz";
    private static final String READY_PATH = "/readyz";
    private static final String METRICS_PATH = "/metrics";

    private final GraphUseCases useCases;
    private final HttpSettings settings;
    private final ObjectMapper mapper = GraphJson.newMapper();
    private final LocalDispatch dispatch = new LocalDispatch();
    private final QoSHandler queue;
    private final Javalin app;

    /**
     * @param authenticator verifies the bearer token of every request under {@code /beta}
     * @param metrics       counts the requests, shown by {@code GET /metrics}; its owner closes it
     */
    public GraphHttpServer(GraphUseCases useCases, HttpSettings settings, Authenticator authenticator,
                           ServerMetrics metrics) {
        this(useCases, settings, authenticator, metrics, List.of());
    }

    /** @param more resources served beside the scripts, such as one a test declares */
    public GraphHttpServer(GraphUseCases useCases, HttpSettings settings, Authenticator authenticator,
                           ServerMetrics metrics, List<GraphResource.Factory> more) {
        this.useCases = useCases;
        this.settings = settings;
        LinkBase links = new LinkBase(settings.publicUrl(), this::url, dispatch::isDispatched);
        GraphResource.Shared shared = new GraphResource.Shared(links, new RequestBodies(mapper, BodyIntake::body),
                settings.pageSize());
        List<GraphResource> resources = new ArrayList<>(List.of(new ScriptEndpoints(useCases, metrics, shared)));
        more.forEach(factory -> resources.add(factory.create(shared)));
        RequestRecorder recorder = new RequestRecorder(metrics);
        GraphErrors errors = new GraphErrors(mapper, settings.maxBodyBytes(), recorder, resources.stream()
                .map(GraphResource::segments).reduce(KnownSegments::and).orElseThrow());
        TenantLoad load = new TenantLoad(dispatch);
        queue = requestQueue(settings.limits(), dispatch, load);
        GraphBatch batch = new GraphBatch(mapper, new RequestBodies(mapper, BodyIntake::body), errors, dispatch,
                links);
        BodyIntake bodies = new BodyIntake(authenticator, dispatch, settings.maxBodyBytes(), settings.limits());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.router.caseInsensitiveRoutes = true; // Graph's paths are case-insensitive
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.jetty.modifyServer(server -> {
                // On stop, Jetty closes its connectors first, then waits for the requests the GracefulHandler counts.
                server.setStopTimeout(GRACEFUL_STOP.toMillis());
                server.insertHandler(new GracefulHandler());
                server.insertHandler(queue);
                server.insertHandler(bodies); // bodies arrive before their request takes a place in the queue
                server.insertHandler(new NoMethodOverride());
                server.setErrorHandler(errors.jettyErrorHandler());
                dispatch.attachTo(server);
            });
            config.jetty.addConnector(this::connector); // instead of Javalin's, whose idle timeout is not ours to set
            config.router.handlerWrapper(errors::catchingErrors);
            config.routes.before(RequestIds::assign);
            // Every Graph request proves who it is before anything else, unknown routes included, as Graph does.
            config.routes.before(GRAPH_ROOT + "/*", ctx -> {
                RequestCaller.authenticate(ctx, authenticator);
                load.enter(ctx);
            });
            settings.throttle().ifPresent(limits -> config.routes.before(GRAPH_ROOT + "/*",
                    new RequestThrottle(limits, System::nanoTime)));
            config.routes.after(load::leave); // on every path: a match per request costs more than a no-op
            config.routes.beforeMatched(GRAPH_ROOT + "/*",
                    ctx -> QueryOptions.rejectUnknownOptions(ctx.queryParamMap(), ctx.path()));
            config.routes.get(HEALTH_PATH, this::liveness);
            config.routes.get(READY_PATH, this::readiness);
            // For Prometheus, like /healthz for the orchestrator: an operator's route, open without a token.
            config.routes.get(METRICS_PATH,
                    ctx -> ctx.contentType(ServerMetrics.CONTENT_TYPE).result(metrics.scrape()));
            config.routes.after(recorder::finish);
            resources.forEach(resource -> resource.register(config.routes));
            config.routes.post(GraphBatch.PATH, batch::handle);
            errors.register(config.routes);
        });
    }

    /** The one connector on host and port: HTTPS when the settings name TLS files, else plain HTTP. */
    private ServerConnector connector(Server server, HttpConfiguration http) {
        // Jetty keeps the header fields a connection repeats in a cache of 1,024 characters; a bearer token alone is
        // longer, so Jetty would clear and refill it on every request (docs/benchmark.md says what that costs). Off.
        http.setHeaderCacheSize(0);
        // Entra's tokens for users in many groups pass 8 KiB, Jetty's default for the request line and headers.
        http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
        // Javalin's LEGACY rules let %u0041 through, which is no percent-encoding (RFC 3986) and which Javalin's path
        // parameters then fail to decode: Jetty refuses it with a 400 instead.
        http.setUriCompliance(http.getUriCompliance().without("LEGACY_WITHOUT_UTF16",
                UriCompliance.Violation.UTF16_ENCODINGS));
        if (settings.publicUrl().trustForwardedHeaders()) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        HttpConnectionFactory heads = new HeaderDeadlineConnectionFactory(http, settings.limits().headerTimeout());
        ServerConnector connector = settings.tls().map(files -> TlsConnector.create(server, heads, files))
                .orElseGet(() -> new ServerConnector(server, heads));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.limits().idleTimeout().toMillis());
        connector.setShutdownIdleTimeout(IDLE_TIMEOUT_AT_STOP.toMillis());
        return connector;
    }

    /**
     * Works on at most maxConcurrent requests at once; the rest wait without a thread, and those that find the queue
     * full or wait too long are answered 503 through GraphErrors' Jetty handler. Liveness and readiness checks and
     * metrics scrapes never wait: a busy instance is still alive and ready, a check stuck behind its queue would take
     * it out of rotation, and a busy instance is when its metrics matter most. Nor do the requests of a batch: the
     * batch holds its place while they run, so each waiting for a place of its own would starve the batches that hold
     * them all; the batch's dispatch threads bound how many run at once. Waiting requests get free places least busy
     * tenant first (see TenantLoad).
     */
    private static QoSHandler requestQueue(RequestLimits limits, LocalDispatch dispatch, TenantLoad load) {
        QoSHandler queue = new QoSHandler() {
            @Override
            protected int getPriority(Request request) {
                return load.priorityOf(request);
            }
        };
        queue.setMaxRequestCount(limits.maxConcurrent());
        queue.setMaxSuspendedRequestCount(limits.maxQueued());
        queue.setMaxSuspend(limits.maxQueueWait());
        queue.excludePath(HEALTH_PATH);
        queue.excludePath(READY_PATH);
        queue.excludePath(METRICS_PATH);
        queue.exclude(dispatch::isDispatched);
        return queue;
    }

    /** How many requests wait in the queue now. */
    public int queuedRequests() {
        return queue.getSuspendedRequestCount();
    }

    /**
     * Binds the configured host and port (0: any free port) and serves until {@link #close()}: HTTPS when the settings
     * name TLS files, which are read now, so a file that cannot be served from fails here, its name in the message.
     */
    public GraphHttpServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    /** The port bound, which differs from the configured one when that was 0. */
    public int port() {
        return app.port();
    }

    /** Where it serves, as bound: {@code http://127.0.0.1:8080}; a wildcard address shows as localhost. */
    public String url() {
        String host = settings.host();
        boolean wildcard = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String scheme = settings.tls().isPresent() ? "https" : "http";
        return URIUtil.newURI(scheme, wildcard ? "localhost" : host, port());
    }

    /** Stops accepting connections, lets in-flight requests finish (at most 30 seconds), then stops. */
    @Override
    public void close() {
        app.stop();
    }

    /**
     * Answers whenever the process serves HTTP, without touching storage: a busy or unreachable database is not cured
     * by a restart. Storage broken for good (its database closed after an error, its file gone) is, and only that
     * answers 503, naming why, so that the orchestrator restarts the process.
     */
    private void liveness(Context ctx) {
        useCases.health().broken().ifPresent(cause -> {
            throw GraphRequestException.serviceUnavailable("The service cannot work again until it restarts: "
                    + cause + ".");
        });
        GraphJson.send(ctx, 200, mapper.createObjectNode().put("status", "ok"));
    }

    private void readiness(Context ctx) {
        Readiness readiness = useCases.health().readiness();
        readiness.problem().ifPresent(problem -> {
            throw GraphRequestException.serviceUnavailable("The service is not ready: " + problem + ". Retry later.");
        });
        GraphJson.send(ctx, 200, mapper.createObjectNode().put("status", "ready"));
    }
}
