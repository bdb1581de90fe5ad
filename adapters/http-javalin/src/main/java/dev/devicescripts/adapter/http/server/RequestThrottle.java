package dev.devicescripts.adapter.http.server;

import dev.devicescripts.adapter.http.auth.AuthenticatedCaller;
import dev.devicescripts.adapter.http.batch.GraphBatch;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.RequestCaller;
import dev.devicescripts.domain.TenantId;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Intune's throttling, simulated with token buckets: every authenticated Graph request takes a token from its
 * tenant's and its app's request buckets, a write also from their write buckets. When any of those is empty the
 * request is answered 429 before its route runs and takes no token from the others, so it changes nothing. A batch
 * takes none itself: each of its requests takes its own as it runs, as if sent alone, so a batch of reads is no write.
 */
public final class RequestThrottle implements Handler {
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PATCH, HandlerType.DELETE);

    /** An app's buckets are its own within each tenant. */
    private record TenantApp(TenantId tenant, String clientAppId) {
    }

    private record Charge(TokenBucket bucket, String limit) {
    }

    private final LimitBuckets<TenantId> writesPerTenant;
    private final LimitBuckets<TenantApp> writesPerApp;
    private final LimitBuckets<TenantId> requestsPerTenant;
    private final LimitBuckets<TenantApp> requestsPerApp;
    private final LongSupplier nanoClock;

    /** @param nanoClock reads {@link System#nanoTime()}, or a test's clock */
    public RequestThrottle(ThrottleLimits limits, LongSupplier nanoClock) {
        Duration window = limits.window();
        writesPerTenant = new LimitBuckets<>(limits.writesPerTenant(), window, "writes per tenant");
        writesPerApp = new LimitBuckets<>(limits.writesPerApp(), window, "writes per app in a tenant");
        requestsPerTenant = new LimitBuckets<>(limits.requestsPerTenant(), window, "requests per tenant");
        requestsPerApp = new LimitBuckets<>(limits.requestsPerApp(), window, "requests per app in a tenant");
        this.nanoClock = nanoClock;
    }

    /** Runs after authentication: the buckets are the verified caller's. */
    @Override
    public void handle(Context ctx) {
        if (GraphBatch.isBatch(ctx)) {
            return;
        }
        AuthenticatedCaller caller = RequestCaller.authenticated(ctx).orElseThrow(() -> new IllegalStateException(
                "A Graph request reached the throttle without an authenticated caller"));
        admit(caller, WRITES.contains(ctx.method()));
    }

    /** Takes the request's tokens, or throws the 429 that names the limit reached and when to retry. */
    synchronized void admit(AuthenticatedCaller caller, boolean write) {
        long now = nanoClock.getAsLong();
        TenantId tenant = caller.caller().tenant();
        TenantApp app = new TenantApp(tenant, caller.clientAppId());
        List<Charge> charges = new ArrayList<>(List.of(requestsPerTenant.charge(tenant, now),
                requestsPerApp.charge(app, now)));
        if (write) {
            charges.add(writesPerTenant.charge(tenant, now));
            charges.add(writesPerApp.charge(app, now));
        }
        Charge longestWait = charges.stream()
                .max(Comparator.comparingLong(charge -> charge.bucket().nanosUntilToken(now))).orElseThrow();
        long waitNanos = longestWait.bucket().nanosUntilToken(now);
        if (waitNanos > 0) {
            long retryAfterSeconds = (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND; // rounded up
            throw GraphRequestException.tooManyRequests("The limit of " + longestWait.limit()
                    + " is reached; retry after " + retryAfterSeconds + " seconds.", retryAfterSeconds);
        }
        charges.forEach(charge -> charge.bucket().take(now));
    }

    /** How many buckets are held, all limits together. */
    synchronized int bucketCount() {
        return writesPerTenant.size() + writesPerApp.size() + requestsPerTenant.size() + requestsPerApp.size();
    }

    /**
     * One limit's buckets by key. A bucket that is full again is the same as a new one, so full buckets are dropped
     * each time the map has grown to twice what the last sweep left: a flood of tenants costs memory only for those
     * that called within the last window, and sweeping costs a constant per request on average.
     */
    private static final class LimitBuckets<K> {
        private static final int FIRST_SWEEP_SIZE = 1_024;

        private final int capacity;
        private final Duration window;
        private final String limit;
        private final Map<K, TokenBucket> byKey = new HashMap<>();
        private int sweepAtSize = FIRST_SWEEP_SIZE;

        LimitBuckets(int capacity, Duration window, String unit) {
            this.capacity = capacity;
            this.window = window;
            this.limit = capacity + " " + unit + " per " + window.toSeconds() + " seconds";
        }

        Charge charge(K key, long now) {
            if (byKey.size() >= sweepAtSize) {
                byKey.values().removeIf(bucket -> bucket.isFull(now));
                sweepAtSize = Math.max(FIRST_SWEEP_SIZE, 2 * byKey.size());
            }
            return new Charge(byKey.computeIfAbsent(key, absent -> new TokenBucket(capacity, window, now)), limit);
        }

        int size() {
            return byKey.size();
        }
    }
}
