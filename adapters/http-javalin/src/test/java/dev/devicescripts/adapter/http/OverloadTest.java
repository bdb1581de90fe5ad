package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.batchOfReads;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphShaped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.server.RequestLimits;
import dev.devicescripts.adapter.http.server.RequestRecorder;
import dev.devicescripts.adapter.http.support.Batches;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Waits;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.application.port.in.GetScriptUseCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A server that is full or talks to a stalled client answers or lets go, never waits without bound: requests beyond
 * the queue and requests that wait too long are 503 with Retry-After, and an idle client loses its connection.
 */
class OverloadTest {
    private static final String HELD = SCRIPTS + "/00000000-0000-4000-8000-000000000001";
    private static final Duration LONG = Duration.ofSeconds(60);

    /** A get of {@link #HELD} that waits until the test lets it go, so the test decides when the server is busy. */
    private static final class HeldGet {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        GraphUseCases replaceGet(GraphUseCases real) {
            GetScriptUseCase held = (caller, id) -> {
                entered.countDown();
                Waits.await(released);
                return real.get().get(caller, id);
            };
            return new GraphUseCases(real.create(), held, real.list(), real.update(), real.delete(), real.assign(),
                    real.assignments(), real.health());
        }

        /** Sends the get and returns once the server is working on it. */
        CompletableFuture<Reply> send(GraphApi api) {
            CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> api.get(HELD));
            Waits.await(entered);
            return reply;
        }

        void release() {
            released.countDown();
        }
    }

    @Test
    void aRequestThatFindsEveryPlaceTakenAndNoRoomToWaitIsServiceUnavailableAtOnce() {
        HeldGet held = new HeldGet();
        try (GraphApi api = GraphApi.startWith(held::replaceGet, new RequestLimits(1, 0, LONG, LONG))) {
            CompletableFuture<Reply> first = held.send(api);

            Reply refused = api.get(SCRIPTS);

            assertGraphError(refused, 503, "ServiceUnavailable", "busy");
            assertThat(refused.header("Retry-After")).matches("\\d+");
            assertThat(api.get("/healthz").status()).as("liveness checks never wait").isEqualTo(200);
            assertThat(api.get("/readyz").status()).as("readiness checks never wait").isEqualTo(200);
            assertThat(api.get("/metrics").body()).as("metrics scrapes never wait, and count the refusal")
                    .contains("http_server_requests_seconds_count{method=\"GET\",status=\"503\",uri=\""
                            + RequestRecorder.UNROUTED + "\"} 1");
            held.release();
            assertThat(Waits.join(first).status()).isEqualTo(404);
        }
    }

    @Test
    void aRequestThatWaitsInTheQueueLongerThanAllowedIsServiceUnavailable() {
        HeldGet held = new HeldGet();
        try (GraphApi api = GraphApi.startWith(held::replaceGet,
                new RequestLimits(1, 1, Duration.ofMillis(200), LONG))) {
            CompletableFuture<Reply> first = held.send(api);

            Reply expired = api.get(SCRIPTS);

            assertGraphError(expired, 503, "ServiceUnavailable", "busy");
            assertThat(expired.header("Retry-After")).matches("\\d+");
            held.release();
            assertThat(Waits.join(first).status()).isEqualTo(404);
        }
    }

    /** A batch holds its place while its requests run: they must not wait for another, of which there is none. */
    @Test
    void aBatchRunsItsRequestsWhenItHoldsTheOnlyPlace() {
        try (GraphApi api = GraphApi.startWith(useCases -> useCases, new RequestLimits(1, 0, LONG, LONG))) {
            Reply batch = api.post(BATCH, batchOfReads(1));

            assertListAnswered(batch);
            assertThat(api.get("/metrics").body()).as("the batch and its request each count once")
                    .contains("http_server_requests_seconds_count{method=\"POST\",status=\"200\",uri=\"" + BATCH
                            + "\"} 1")
                    .contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"" + SCRIPTS
                            + "\"} 1");
        }
    }

    @Test
    void aBatchThatFindsThePlaceTakenWaitsInTheQueueAsOneRequestThenItsRequestsRun() {
        HeldGet held = new HeldGet();
        try (GraphApi api = GraphApi.startWith(held::replaceGet, new RequestLimits(1, 1, LONG, LONG))) {
            CompletableFuture<Reply> first = held.send(api);
            CompletableFuture<Reply> batch = CompletableFuture.supplyAsync(() -> api.post(BATCH, batchOfReads(1)));
            Waits.until(() -> api.server().queuedRequests() > 0, "the batch has taken the queue's one place");

            held.release();
            assertThat(Waits.join(first).status()).isEqualTo(404);
            assertListAnswered(Waits.join(batch));
        }
    }

    @Test
    void aClientThatStopsSendingInTheMiddleOfItsBodyIsAnsweredAndLetGo() throws IOException {
        try (GraphApi api = startImpatient(); Socket stalled = connect(api)) {
            OutputStream out = stalled.getOutputStream();
            out.write(("POST " + SCRIPTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + GraphApi.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"displayName\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            RawHttp.RawReply answer = RawHttp.read(stalled.getInputStream());

            assertThat(answer.status()).isEqualTo(408);
            assertGraphShaped(answer);
            assertThat(answer.body()).contains("RequestTimeout", "stopped sending");
            assertThat(stalled.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
            assertThat(api.get(SCRIPTS).json().get("value")).as("nothing was created").isEmpty();
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (GraphApi api = startImpatient(); Socket silent = connect(api)) {
            InputStream in = silent.getInputStream();

            assertThat(in.read()).as("end of stream").isEqualTo(-1);
            assertThat(api.get(SCRIPTS).status()).isEqualTo(200);
        }
    }

    private static void assertListAnswered(Reply batch) {
        assertThat(Batches.responsesById(batch).get("1").get("status").asInt()).as("%s", batch).isEqualTo(200);
    }

    /** A server that gives up on a client that sends nothing for half a second. */
    private static GraphApi startImpatient() {
        return GraphApi.startWith(useCases -> useCases, new RequestLimits(1, 10, LONG, Duration.ofMillis(500)));
    }

    /** A raw connection to the server; its reads give up long after the server must have acted, as a safety net. */
    private static Socket connect(GraphApi api) throws IOException {
        Socket socket = new Socket("127.0.0.1", api.server().port());
        socket.setSoTimeout((int) LONG.toMillis());
        return socket;
    }
}
