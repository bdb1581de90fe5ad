package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.GraphApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.port.in.GetScriptUseCase;
import dev.devicescripts.domain.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When every work slot is taken, the next free one goes to the least busy tenant, not to the one flooding. */
class TenantLoadTest {
    private static final String HELD = SCRIPTS + "/00000000-0000-4000-8000-000000000001";
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final TenantId OTHER_TENANT = TenantId.of("99999999-8888-7777-6666-555555555555");

    /** Gets of {@link #HELD} that each wait for a permit the test gives. */
    private final Semaphore entered = new Semaphore(0);
    private final Semaphore releases = new Semaphore(0);

    private GraphUseCases holdGets(GraphUseCases real) {
        GetScriptUseCase held = (caller, id) -> {
            entered.release();
            releases.acquireUninterruptibly();
            return real.get().get(caller, id);
        };
        return new GraphUseCases(real.create(), held, real.list(), real.update(), real.delete(), real.assign(),
                real.assignments(), real.health());
    }

    @Test
    void givenOneTenantHoldingEverySlot_whenASlotFrees_thenAnotherTenantsWaitingRequestTakesItFirst()
            throws Exception {
        try (GraphApi api = GraphApi.startWith(this::holdGets, new RequestLimits(2, 10, LONG, LONG));
             AutoCloseable releaseAll = () -> releases.release(100)) {
            GraphApi other = api.as(token(OTHER_TENANT, List.of("DeviceManagementScripts.Read.All"), List.of()));
            List<CompletableFuture<Reply>> holding = IntStream.range(0, 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get(HELD))).toList();
            entered.acquire(2);
            CompletableFuture<Reply> floodersNext = CompletableFuture.supplyAsync(() -> api.get(HELD));
            awaitQueued(api, 1);
            CompletableFuture<Reply> othersList = CompletableFuture.supplyAsync(() -> other.get(SCRIPTS));
            awaitQueued(api, 2);

            releases.release(1);

            assertThat(othersList.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(entered.availablePermits()).as("the flooding tenant's waiting request has not started")
                    .isZero();
            releases.release(2);
            assertThat(floodersNext.get(30, TimeUnit.SECONDS).status()).isEqualTo(404);
            holding.forEach(reply -> assertThat(reply.join().status()).isEqualTo(404));
        }
    }

    private static void awaitQueued(GraphApi api, int count) {
        while (api.server().queuedRequests() < count) {
            Thread.onSpinWait();
        }
    }
}
