package dev.devicescripts.adapter.http.server;

import dev.devicescripts.domain.TenantId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the server holds at once, server-wide and per tenant: a body is counted from before it
 * is read until its request is answered, so bodies and the JSON parsed from them cannot fill the heap however many
 * arrive at once. No tenant may hold more than half, so one tenant's large bodies never refuse another's.
 */
final class BodyBudget {
    private final long totalBytes;
    private final long tenantShareBytes;
    private final AtomicLong held = new AtomicLong();
    /** Only tenants holding bytes now: an entry goes when its count returns to zero. */
    private final Map<TenantId, Long> heldByTenant = new ConcurrentHashMap<>();

    BodyBudget(long totalBytes) {
        this.totalBytes = totalBytes;
        this.tenantShareBytes = totalBytes / 2;
    }

    /** Counts {@code bytes} more for {@code tenant} if they fit both its share and the whole; false if not. */
    boolean reserve(TenantId tenant, long bytes) {
        boolean[] fits = {false};
        heldByTenant.compute(tenant, (key, tenantHeld) -> {
            long before = tenantHeld == null ? 0 : tenantHeld;
            fits[0] = before + bytes <= tenantShareBytes && reserveOfTotal(bytes);
            long after = fits[0] ? before + bytes : before;
            return after == 0 ? null : after;
        });
        return fits[0];
    }

    private boolean reserveOfTotal(long bytes) {
        long before;
        do {
            before = held.get();
            if (before + bytes > totalBytes) {
                return false;
            }
        } while (!held.compareAndSet(before, before + bytes));
        return true;
    }

    void release(TenantId tenant, long bytes) {
        if (bytes == 0) {
            return;
        }
        held.addAndGet(-bytes);
        heldByTenant.computeIfPresent(tenant, (key, tenantHeld) -> tenantHeld == bytes ? null : tenantHeld - bytes);
    }
}
