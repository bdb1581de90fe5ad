package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.StorageUnavailableException;
import dev.devicescripts.domain.TenantId;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order in which work waiting for a connection gets one: fewest held by its tenant first, then the longest
 * waiting; work for no one tenant counts as a tenant of its own. Each waiter is a thread that, once let through, says
 * so and holds its permit until the test lets it go; the test gives permits back one at a time and reads who came
 * through.
 */
class ConnectionGateTest {
    private static final TenantId FLOODER = new TenantId(UUID.randomUUID());
    private static final TenantId OTHER = new TenantId(UUID.randomUUID());
    private static final TenantId THIRD = new TenantId(UUID.randomUUID());
    /** Longer than any test runs: no waiter here gives up. */
    private static final Duration NO_TIMEOUT = Duration.ofHours(1);

    private final BlockingQueue<String> letThrough = new LinkedBlockingQueue<>();
    private final List<Thread> waiters = new ArrayList<>();

    @AfterEach
    void stopWaiters() throws InterruptedException {
        for (Thread waiter : waiters) {
            waiter.interrupt();
            waiter.join();
        }
    }

    @Test
    void theNextConnectionGoesToTheTenantHoldingFewestNotToTheOneWaitingLongest() throws Exception {
        ConnectionGate gate = new ConnectionGate(2, NO_TIMEOUT);
        gate.enter(FLOODER);
        gate.enter(FLOODER);
        CountDownLatch flooderDone = waiter(gate, FLOODER, "flooder");
        waiter(gate, FLOODER, "flooder again");
        waiter(gate, OTHER, "other");

        gate.leave(FLOODER);
        assertThat(letThrough.take()).isEqualTo("other");
        gate.leave(FLOODER);
        assertThat(letThrough.take()).isEqualTo("flooder");
        flooderDone.countDown();
        assertThat(letThrough.take()).isEqualTo("flooder again");
    }

    @Test
    void tenantsHoldingAsManyGoInTheOrderTheyCame() throws Exception {
        ConnectionGate gate = new ConnectionGate(1, NO_TIMEOUT);
        gate.enter(FLOODER);
        CountDownLatch otherDone = waiter(gate, OTHER, "other");
        waiter(gate, THIRD, "third");

        gate.leave(FLOODER);
        assertThat(letThrough.take()).isEqualTo("other");
        otherDone.countDown();
        assertThat(letThrough.take()).isEqualTo("third");
    }

    @Test
    void workForNoOneTenantWaitsAsOneTenantOfItsOwn() throws Exception {
        ConnectionGate gate = new ConnectionGate(2, NO_TIMEOUT);
        gate.enter(FLOODER);
        gate.enter(FLOODER);
        waiter(gate, FLOODER, "flooder");
        waiter(gate, null, "shared");
        waiter(gate, null, "shared again");

        gate.leave(FLOODER);
        assertThat(letThrough.take()).isEqualTo("shared");
        gate.leave(FLOODER);
        assertThat(letThrough.take()).isEqualTo("flooder");
    }

    @Test
    void workThatFindsNoPermitWithinTheTimeoutFailsAsTheDatabaseBusyAndTakesNone() throws Exception {
        ConnectionGate gate = new ConnectionGate(1, Duration.ZERO);
        gate.enter(FLOODER);

        assertThatThrownBy(() -> gate.enter(OTHER))
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessage("No connection free within 0 ms (1 in use, 0 more waiting)")
                .satisfies(failure -> assertThat(Sql.failed((SQLException) failure))
                        .isInstanceOf(StorageUnavailableException.class));

        gate.leave(FLOODER);
        gate.enter(OTHER);
        gate.leave(OTHER);
    }

    /**
     * Starts a thread that enters the gate for {@code tenant}, and returns once it waits there: so the waiters wait
     * in the order they were started. Once let through it puts its name in {@link #letThrough}, and leaves when the
     * latch returned is counted down.
     */
    private CountDownLatch waiter(ConnectionGate gate, TenantId tenant, String name) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                gate.enter(tenant);
                letThrough.add(name);
                done.await();
                gate.leave(tenant);
            } catch (SQLException | InterruptedException e) {
                letThrough.add(name + " failed: " + e);
            }
        }, name);
        waiters.add(thread);
        thread.start();
        // awaitNanos parks it TIMED_WAITING, which nothing else before it does
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(thread.isAlive()).as("%s waiting", name).isTrue();
            Thread.sleep(1);
        }
        return done;
    }
}
