package dev.devicescripts.adapter.http.server;

import dev.devicescripts.adapter.http.graph.GraphPaths;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code GET /metrics} shows, in Prometheus's text format: every request by route template, method and status
 * with a latency histogram; assigns by outcome and the targets each accepted one named; the JVM (memory, heap after
 * GC, GC pauses, threads, classes, CPU, uptime); and whatever else is bound to {@link #registry()}, such as the
 * connection pool. Labels take few values: a route is the template a request matched, never its path.
 */
public final class ServerMetrics implements AutoCloseable {
    /** The Prometheus text exposition format, version 0.0.4, which every Prometheus server reads. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The route label of every request that matched no route, whatever its path. */
    static final String UNMATCHED_ROUTE = "NOT_FOUND";
    /** The method label of requests with any other method than these, which a client may make up at will. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String OTHER_METHOD = "OTHER";
    /** Latency buckets: from /healthz (under a millisecond) to an assign of the most targets (seconds). */
    private static final Duration[] LATENCY_BUCKETS = Stream.of(1.0, 2.5, 5.0, 10.0, 20.0, 50.0, 100.0, 250.0, 500.0,
                    1_000.0, 2_500.0, 5_000.0, 10_000.0)
            .map(millis -> Duration.ofNanos((long) (millis * 1_000_000)))
            .toArray(Duration[]::new);
    /** Target-count buckets up to the largest --max-targets allows; clearing a set (0) counts in the first. */
    private static final double[] TARGET_BUCKETS =
            {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
    private final MeterProvider<Timer> requests;
    private final MeterProvider<Counter> assigns;
    private final DistributionSummary assignTargets;

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        heapPressure.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        requests = Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template, method and status")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .withRegistry(registry);
        assigns = Counter.builder("devicescripts.assigns")
                .description("Assign requests answered, by outcome")
                .withRegistry(registry);
        assignTargets = DistributionSummary.builder("devicescripts.assign.targets")
                .description("Targets named by each accepted assign")
                .serviceLevelObjectives(TARGET_BUCKETS)
                .register(registry);
    }

    /** Where other parts of the server (the connection pool) report their own metrics, to show them here too. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Counts one answered request; an assign also counts under its outcome. */
    void request(RequestRecorder.Answer answer) {
        String method = METHODS.contains(answer.method()) ? answer.method() : OTHER_METHOD;
        requests.withTags("method", method, "uri", answer.route(), "status", Integer.toString(answer.status()))
                .record(answer.duration());
        if (answer.route().endsWith(GraphPaths.ASSIGN)) { // the assign action's routes, all of them POST
            assigns.withTag("outcome", assignOutcome(answer.status())).increment();
        }
    }

    /** Notes the size of an assignment set just stored. */
    public void assigned(int targets) {
        assignTargets.record(targets);
    }

    /** Every metric, in {@link #CONTENT_TYPE}. */
    public String scrape() {
        return registry.scrape();
    }

    private static String assignOutcome(int status) {
        if (status < 300) {
            return "assigned";
        }
        return switch (status) {
            case 401, 403 -> "denied";
            case 404 -> "not_found";
            case 429 -> "throttled";
            case 503 -> "unavailable";
            default -> status < 500 ? "invalid" : "failed";
        };
    }

    @Override
    public void close() {
        gc.close();
        heapPressure.close();
        registry.close();
    }
}
