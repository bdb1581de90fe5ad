package dev.devicescripts.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Waits;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.port.in.CheckHealthUseCase;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GracefulCloseTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a safety net should close hang, not a timing assumption
    void closeRefusesNewConnectionsButLetsTheRequestInFlightFinish() throws Exception {
        CountDownLatch requestEntered = new CountDownLatch(1);
        CountDownLatch releaseRequest = new CountDownLatch(1);
        CheckHealthUseCase heldUntilReleased = () -> {
            requestEntered.countDown();
            Waits.await(releaseRequest);
            return Readiness.ready();
        };
        GraphApi api = GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), useCases.get(),
                useCases.list(), useCases.update(), useCases.delete(), useCases.assign(), useCases.assignments(),
                heldUntilReleased));
        int port = api.server().port();

        CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(() -> api.get("/readyz"));
        Waits.await(requestEntered);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(api::close);
        Waits.until(() -> !acceptsConnections(port), "close() has begun: the port no longer accepts");
        // Held past the idle timeout stop gives every connection: a request in flight is not idle.
        Thread.sleep(GraphHttpServer.IDLE_TIMEOUT_AT_STOP.multipliedBy(3).toMillis());
        releaseRequest.countDown();

        assertThat(Waits.join(inFlight).status()).isEqualTo(200);
        assertThat(Waits.join(inFlight).json().get("status").asText()).isEqualTo("ready");
        Waits.join(closing);
    }

    /** java.net.http.HttpClient keeps its connection open after an answer, idle, for its next request. */
    @Test
    void closeDoesNotWaitForAClientsIdleConnection() {
        GraphApi api = GraphApi.start();
        assertThat(api.get("/healthz").status()).isEqualTo(200);

        long start = System.nanoTime();
        api.close();

        // With Jetty's default idle timeout at stop, close() takes a second less the moments since the answer.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    private static boolean acceptsConnections(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
