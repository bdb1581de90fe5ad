package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.domain.TenantId;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets work take one of the pool's connections in a fair order between tenants: when every connection is in use, the
 * next one freed goes to the waiting work whose tenant holds the fewest (of those, the one waiting longest). A tenant
 * that floods the server then waits behind everyone else instead of in front of them, as the HTTP request queue has
 * it (TenantLoad); the pool alone hands connections out first come, first served. Work for no one tenant goes first.
 * There are as many permits as the pool has connections, so the pool has one free for work let through.
 */
final class ConnectionGate {
    private final int permits;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    /** Connections held by each tenant; only tenants holding some have an entry, so it never outgrows the permits. */
    private final Map<TenantId, Integer> held = new HashMap<>();
    /** In the order they came. */
    private final List<Waiter> waiting = new ArrayList<>();
    private int inUse;

    private static final class Waiter {
        final TenantId tenant;
        final Condition turn;
        boolean admitted;

        Waiter(TenantId tenant, Condition turn) {
            this.tenant = tenant;
            this.turn = turn;
        }
    }

    /** @param timeout how long work waits for a connection, at most: the pool's own wait */
    ConnectionGate(int permits, Duration timeout) {
        this.permits = permits;
        this.timeout = timeout;
    }

    /**
     * Returns once the work may take a connection; call {@link #leave} with the same tenant after giving it back.
     *
     * @param tenant whom the work is for, or null for work that serves no one tenant, which goes first
     * @throws SQLTransientConnectionException when no connection came free within the timeout, or the thread was
     *                                         interrupted meanwhile: the failure the pool gives for either
     */
    void enter(TenantId tenant) throws SQLTransientConnectionException {
        lock.lock();
        try {
            if (inUse < permits) {
                take(tenant);
                return;
            }
            Waiter waiter = new Waiter(tenant, lock.newCondition());
            waiting.add(waiter);
            try {
                for (long left = timeout.toNanos(); !waiter.admitted && left > 0; ) {
                    left = waiter.turn.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!waiter.admitted) {
                waiting.remove(waiter);
                throw new SQLTransientConnectionException("No connection free within " + timeout.toMillis()
                        + " ms (" + inUse + " in use, " + waiting.size() + " more waiting)");
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives the permit back, straight to the waiting work next in order if there is some. */
    void leave(TenantId tenant) {
        lock.lock();
        try {
            inUse--;
            if (tenant != null) {
                held.computeIfPresent(tenant, (key, count) -> count == 1 ? null : count - 1);
            }
            Waiter next = null;
            for (Waiter waiter : waiting) {
                if (next == null || rank(waiter.tenant) < rank(next.tenant)) {
                    next = waiter;
                }
            }
            if (next != null) {
                waiting.remove(next);
                take(next.tenant);
                next.admitted = true;
                next.turn.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void take(TenantId tenant) {
        inUse++;
        if (tenant != null) {
            held.merge(tenant, 1, Integer::sum);
        }
    }

    /**
     * Lower goes first. Work for no one tenant (the shared commits of many tenants' assigns, the journal's writes,
     * readiness checks) ranks ahead of every tenant's: one tenant's flood must not hold up the others' assigns, nor
     * make the whole server look unready; and there is little of it, one writer's at a time and checks of one short
     * statement.
     */
    private int rank(TenantId tenant) {
        return tenant == null ? -1 : held.getOrDefault(tenant, 0);
    }
}
