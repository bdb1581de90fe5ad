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
 * it (TenantLoad); the pool alone hands connections out first come, first served. There are as many permits as the
 * pool has connections, so the pool has one free for work let through.
 *
 * <p>Work for no one tenant (the shared commits of many tenants' assigns, the journal's writes and replay, readiness
 * checks) counts as one tenant of its own: it seldom holds more than one connection, so it goes ahead of a flooding
 * tenant, and the others' assigns and the server's readiness do not wait behind the flood; yet readiness checks,
 * which anyone may ask for at any rate, cannot flood the pool in turn.
 */
final class ConnectionGate {
    private final int permits;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Connections held by each tenant, null for work of no one tenant; only tenants holding some have an entry, so it
     * never outgrows the permits.
     */
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
     * @param tenant whom the work is for, or null for work that serves no one tenant
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
            held.computeIfPresent(tenant, (key, count) -> count == 1 ? null : count - 1);
            Waiter next = null;
            for (Waiter waiter : waiting) {
                if (next == null || held.getOrDefault(waiter.tenant, 0) < held.getOrDefault(next.tenant, 0)) {
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
        held.merge(tenant, 1, Integer::sum);
    }
}
