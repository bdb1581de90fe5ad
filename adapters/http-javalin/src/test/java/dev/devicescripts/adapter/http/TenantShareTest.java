package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.GraphApi.token;
import static dev.devicescripts.adapter.http.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.port.in.GetScriptUseCase;
import dev.devicescripts.domain.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One tenant that floods the server gets 429s beyond its share of the work slots; other tenants are still served. */
class TenantShareTest {
    private static final String HELD = SCRIPTS + "/00000000-0000-4000-8000-000000000001";
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final TenantId OTHER_TENANT = TenantId.of("99999999-8888-7777-6666-555555555555");

    /** Gets of {@link #HELD} that wait until the test lets them go. */
    private final Semaphore entered = new Semaphore(0);
    private final CountDownLatch released = new CountDownLatch(1);

    private GraphUseCases holdGets(GraphUseCases real) {
        GetScriptUseCase held = (caller, id) -> {
            entered.release();
            Latches.await(released);
            return real.get().get(caller, id);
        };
        return new GraphUseCases(real.create(), held, real.list(), real.update(), real.delete(), real.assign(),
                real.assignments(), real.health());
    }

    @Test
    void aTenantWithHalfTheSlotsInProgressGetsTooManyRequestsWhileAnotherTenantIsServed() throws Exception {
        try (GraphApi api = GraphApi.startWith(this::holdGets, new RequestLimits(4, 10, LONG, LONG));
             AutoCloseable release = released::countDown) {
            GraphApi other = api.as(token(OTHER_TENANT, List.of("DeviceManagementScripts.ReadWrite.All"), List.of()));
            List<CompletableFuture<Reply>> held = IntStream.range(0, 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.get(HELD))).toList();
            entered.acquire(2);

            Reply refused = api.get(SCRIPTS);
            Reply againRefused = api.post(SCRIPTS, "{\"displayName\":\"x\"}");

            assertGraphError(refused, 429, "TooManyRequests", "2 requests in progress");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertGraphError(againRefused, 429, "TooManyRequests", "its share");
            assertThat(other.get(SCRIPTS).status()).as("another tenant is served").isEqualTo(200);
            assertThat(other.createScript("Other's")).isNotBlank();
            released.countDown();
            held.forEach(reply -> assertThat(reply.join().status()).isEqualTo(404));
            assertThat(api.get(SCRIPTS).status()).as("the tenant's share is free again").isEqualTo(200);
            assertThat(api.count()).as("the refused create changed nothing").isZero();
        }
    }
}
