package dev.devicescripts.adapter.http.server;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.GraphUseCases;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Waits;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.GetScriptUseCase;
import dev.devicescripts.application.port.in.ListScriptsUseCase;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When every work slot is taken, the next free one goes to the least busy tenant, not to the one flooding. */
class TenantLoadTest {
    private static final String HELD = SCRIPTS + "/00000000-0000-4000-8000-000000000001";
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final TenantId OTHER_TENANT = TenantId.of("99999999-8888-7777-6666-555555555555");

    /** The order in which requests start their work: "get" for a held get, "list" for a list. */
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());
    /** Gets of {@link #HELD} each wait for a permit the test gives. */
    private final Semaphore releases = new Semaphore(0);

    private GraphUseCases holdGets(GraphUseCases real) {
        GetScriptUseCase held = (caller, id) -> {
            started.add("get");
            releases.acquireUninterruptibly();
            return real.get().get(caller, id);
        };
        ListScriptsUseCase listed = new ListScriptsUseCase() {
            @Override
            public Page<DeviceManagementScript> list(Caller caller, Query<DeviceManagementScript> query) {
                started.add("list");
                return real.list().list(caller, query);
            }

            @Override
            public long count(Caller caller, Optional<Filter<DeviceManagementScript>> filter) {
                return real.list().count(caller, filter);
            }
        };
        return new GraphUseCases(real.create(), held, listed, real.update(), real.delete(), real.assign(),
                real.assignments(), real.health());
    }

    @Test
    void givenOneTenantHoldingEverySlotWhenASlotFreesThenAnotherTenantsWaitingRequestTakesItFirst()
            throws Exception {
        try (GraphApi api = GraphApi.startWith(this::holdGets, new RequestLimits(2, 10, LONG, LONG));
             AutoCloseable releaseAll = () -> releases.release(100)) {
            GraphApi other = api.as(token(OTHER_TENANT, List.of("DeviceManagementScripts.Read.All"), List.of()));
            List<CompletableFuture<Reply>> floods = new ArrayList<>(IntStream.range(0, 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get(HELD))).toList());
            Waits.until(() -> started.size() >= 2, "the flooding tenant holds both slots");
            floods.add(CompletableFuture.supplyAsync(() -> api.get(HELD)));
            awaitQueued(api, 1);
            CompletableFuture<Reply> othersList = CompletableFuture.supplyAsync(() -> other.get(SCRIPTS));
            awaitQueued(api, 2);
            // One more behind it, so the other tenant's request has surely taken its place in the queue.
            floods.add(CompletableFuture.supplyAsync(() -> api.get(HELD)));
            awaitQueued(api, 3);

            releases.release(1);
            assertThat(Waits.join(othersList).status()).isEqualTo(200);
            releases.release(3);

            floods.forEach(reply -> assertThat(Waits.join(reply).status()).isEqualTo(404));
            assertThat(started).as("the other tenant's list started before the flooding tenant's waiting gets")
                    .containsExactly("get", "get", "list", "get", "get");
        }
    }

    private static void awaitQueued(GraphApi api, int count) {
        Waits.until(() -> api.server().queuedRequests() >= count, count + " requests wait in the queue");
    }
}
