package dev.devicescripts.adapter.http;

import dev.devicescripts.domain.TenantId;
import io.javalin.http.Context;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps one tenant from taking every work slot: a tenant that already has its share of
 * {@code --max-concurrent-requests} in progress (half of them, at least one) has its next request answered 429 with
 * Retry-After at once, before its route runs, so other tenants always find slots free however one tenant floods the
 * server. The requests of a batch count as their batch, which holds one slot for them.
 */
final class TenantShare {
    private static final String COUNTED = "devicescripts.tenantShare";
    private static final long RETRY_AFTER_SECONDS = 1;

    private final int maxPerTenant;
    private final LocalDispatch dispatch;
    /** Only tenants with requests in progress have an entry, so the map never outgrows the work slots. */
    private final ConcurrentMap<TenantId, Integer> inProgress = new ConcurrentHashMap<>();

    TenantShare(RequestLimits limits, LocalDispatch dispatch) {
        this.maxPerTenant = (limits.maxConcurrent() + 1) / 2;
        this.dispatch = dispatch;
    }

    /** Runs after authentication, so the share is the verified tenant's. */
    void enter(Context ctx) {
        if (dispatch.isDispatched(ctx)) {
            return;
        }
        TenantId tenant = RequestCaller.caller(ctx).tenant();
        if (inProgress.merge(tenant, 1, Integer::sum) > maxPerTenant) {
            leave(tenant);
            throw GraphRequestException.tooManyRequests("This tenant already has " + maxPerTenant + " requests in "
                    + "progress, its share of the server; retry after " + RETRY_AFTER_SECONDS + " second.",
                    RETRY_AFTER_SECONDS);
        }
        ctx.attribute(COUNTED, tenant);
    }

    /** Runs after every request, answered or failed; counts down only what {@link #enter} counted. */
    void leave(Context ctx) {
        TenantId tenant = ctx.attribute(COUNTED);
        if (tenant != null) {
            leave(tenant);
        }
    }

    private void leave(TenantId tenant) {
        inProgress.computeIfPresent(tenant, (key, count) -> count == 1 ? null : count - 1);
    }
}
