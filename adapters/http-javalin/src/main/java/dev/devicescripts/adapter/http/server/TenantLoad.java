package dev.devicescripts.adapter.http.server;

import dev.devicescripts.adapter.http.auth.BearerTokens;
import dev.devicescripts.adapter.http.batch.LocalDispatch;
import dev.devicescripts.adapter.http.graph.RequestCaller;
import dev.devicescripts.domain.TenantId;
import io.javalin.http.Context;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * How many requests each tenant has in progress, so that when every work slot is taken the request queue gives the
 * next free slot to the waiting request of the least busy tenant: one tenant that floods the server then waits behind
 * everyone else's requests instead of in front of them, and other tenants are served as slots free up. Requests of a
 * batch count as their batch, which holds one slot for them.
 */
public final class TenantLoad {
    private static final String COUNTED = "devicescripts.tenantLoad";
    /** Jetty's queue takes priorities from 0 (served last) up; tenants get 1 and above, so never 0. */
    private static final int TENANT_PRIORITIES = 1_024;
    /** For requests that name no tenant: they could only be refused 401, so they wait behind all others. */
    private static final int NO_TENANT_PRIORITY = 0;

    private final LocalDispatch dispatch;
    /** Only tenants with requests in progress have an entry, so the map never outgrows the work slots. */
    private final ConcurrentMap<TenantId, Integer> inProgress = new ConcurrentHashMap<>();

    public TenantLoad(LocalDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** Runs after authentication, so only verified tenants are counted. */
    public void enter(Context ctx) {
        if (dispatch.isDispatched(ctx)) {
            return;
        }
        TenantId tenant = RequestCaller.caller(ctx).tenant();
        inProgress.merge(tenant, 1, Integer::sum);
        ctx.attribute(COUNTED, tenant);
    }

    /** Runs after every request, answered or failed; counts down only what {@link #enter} counted. */
    public void leave(Context ctx) {
        TenantId tenant = ctx.attribute(COUNTED);
        if (tenant != null) {
            inProgress.computeIfPresent(tenant, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    /**
     * The queue's priority of a request that must wait: higher the fewer requests its tenant has in progress. The
     * queue asks only for requests that wait, before they are authenticated, so the tenant is read from the token
     * unverified: a forged one gains a place in the queue, not a tenant's data, and is refused once it runs.
     */
    public int priorityOf(Request request) {
        return BearerTokens.claimedTenant(request.getHeaders().get(HttpHeader.AUTHORIZATION))
                .map(tenant -> TENANT_PRIORITIES - Math.min(inProgress.getOrDefault(tenant, 0), TENANT_PRIORITIES - 1))
                .orElse(NO_TENANT_PRIORITY);
    }
}
