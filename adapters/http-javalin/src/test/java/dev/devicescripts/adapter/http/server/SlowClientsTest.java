package dev.devicescripts.adapter.http.server;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphShaped;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Waits;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.domain.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Clients that send their requests slowly, or bodies too many at once: they are cut off or refused at their deadline
 * or budget, and hold no place among the requests worked on, so other tenants are answered as usual meanwhile.
 */
class SlowClientsTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration DEADLINE = Duration.ofSeconds(4);
    private static final int SLOW_CONNECTIONS = 200;
    private static final String SLOW_TENANT_TOKEN = GraphApi.token(TenantId.of("aaaaaaaa-1111-4111-8111-111111111111"),
            List.of("DeviceManagementScripts.ReadWrite.All"), List.of());
    private static final String OTHER_TENANT_TOKEN = GraphApi.token(
            TenantId.of("bbbbbbbb-2222-4222-8222-222222222222"), List.of("DeviceManagementScripts.ReadWrite.All"),
            List.of());
    private static final String THIRD_TENANT_TOKEN = GraphApi.token(
            TenantId.of("cccccccc-3333-4333-8333-333333333333"), List.of("DeviceManagementScripts.ReadWrite.All"),
            List.of());
    /** Twice the largest body of {@link GraphApi}, the least budget a server takes. */
    private static final long BUDGET = 2 * GraphApi.MAX_BODY_BYTES;

    /**
     * 200 connections sending their headers a byte at a time and 200 sending their bodies so, all with one tenant's
     * token, against a server working on 4 requests at once and queueing none: had any slow request a place, the other
     * tenant's requests would be refused 503. Once past their deadline, the slow ones are answered 408.
     */
    @Test
    void slowHeadersAndBodiesOfOneTenantHoldNoPlaceAndAreCutOffAtTheirDeadline() {
        RequestLimits limits = new RequestLimits(4, 0, LONG, LONG, DEADLINE, DEADLINE, 500,
                RequestLimits.defaultBodyBudgetBytes());
        List<ILoggingEvent> errors = errorsLoggedWhile(() -> sendSlowRequestsWhileAnotherTenantWorks(limits));

        assertThat(errors).as("slow clients are no failure of the server").isEmpty();
    }

    private static void sendSlowRequestsWhileAnotherTenantWorks(RequestLimits limits) {
        try (GraphApi api = GraphApi.startWith(useCases -> useCases, limits)) {
            GraphApi other = api.as(OTHER_TENANT_TOKEN);
            List<SlowClient> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                slow.add(SlowClient.headers(api));
                slow.add(SlowClient.body(api, SLOW_TENANT_TOKEN));
            }
            AtomicBoolean trickling = new AtomicBoolean(true);
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> trickle(slow, trickling));

            int roundsWhileSlowOnesWait = 0;
            long giveUp = System.nanoTime() + LONG.toNanos();
            while (slow.stream().anyMatch(SlowClient::waiting) && System.nanoTime() < giveUp) {
                String id = other.createScript("Other");
                assertThat(other.get(SCRIPTS).status()).isEqualTo(200);
                assertThat(other.post(SCRIPTS + "/" + id + "/assign",
                        "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":\"" + GraphApi.GROUP
                                + "\"}]}").status()).isEqualTo(204);
                roundsWhileSlowOnesWait++;
            }
            trickling.set(false);
            Waits.join(trickle);

            assertThat(roundsWhileSlowOnesWait).as("the other tenant was answered while the slow ones waited")
                    .isPositive();
            for (SlowClient client : slow) {
                RawHttp.RawReply answer = client.answer();
                assertThat(answer.status()).as("%s", answer).isEqualTo(408);
                assertGraphShaped(answer);
                assertThat(answer.body()).contains("RequestTimeout", DEADLINE.toSeconds() + " seconds");
            }
        }
    }

    /**
     * A budget of 2 MiB: one tenant's body of almost its half refuses that tenant's next body, not another's; once
     * two tenants hold 1.8 MB, a third's body of 300 KB does not fit and is refused before the client sends it.
     */
    @Test
    void aBodyThatFindsTheBudgetFullIsServiceUnavailableUnreadAndNoTenantTakesMoreThanHalf() {
        RequestLimits limits = new RequestLimits(64, 1_000, LONG, LONG, LONG, LONG, 500, BUDGET);
        try (GraphApi api = GraphApi.startWith(useCases -> useCases, limits)) {
            GraphApi slowTenant = api.as(SLOW_TENANT_TOKEN);
            SlowClient nearHalf = SlowClient.declaring(api, SLOW_TENANT_TOKEN, 1_000_000);

            RawHttp.RawReply overHalf = SlowClient.declaringOnly(api, SLOW_TENANT_TOKEN, 200_000).answer();
            assertThat(overHalf.status()).as("%s", overHalf).isEqualTo(503);
            assertGraphShaped(overHalf);
            assertThat(overHalf.body()).contains("ServiceUnavailable", "budget of " + BUDGET + " bytes", "half");
            assertGraphError(slowTenant.post(SCRIPTS, createWithContentOf(150_000)), 503, "ServiceUnavailable",
                    "half"); // a client that sends its body without asking first is answered after it
            assertThat(slowTenant.get(SCRIPTS).status()).as("requests without a body need none").isEqualTo(200);
            assertThat(api.as(OTHER_TENANT_TOKEN).post(SCRIPTS, createWithContentOf(150_000)).status())
                    .as("the other tenant's half is free").isEqualTo(201);

            SlowClient otherHolds = SlowClient.declaring(api, OTHER_TENANT_TOKEN, 800_000);
            RawHttp.RawReply refused = SlowClient.declaringOnly(api, THIRD_TENANT_TOKEN, 300_000).answer();
            assertThat(refused.status()).as("answered before any byte of the body is sent").isEqualTo(503);
            assertGraphShaped(refused);
            assertThat(refused.header("Retry-After")).matches("\\d+");

            nearHalf.close();
            otherHolds.close();
            assertThat(admittedOnceBudgetIsFree(api, SLOW_TENANT_TOKEN)).as("bodies given up on free their part")
                    .isTrue();
        }
    }

    /** The client went away, nothing failed on the server: no error in its log, and the budget held is freed. */
    @Test
    void aClientThatDisconnectsInTheMiddleOfItsBodyIsNoErrorAndFreesItsBudget() {
        RequestLimits limits = new RequestLimits(64, 1_000, LONG, LONG, LONG, LONG, 500, BUDGET);

        List<ILoggingEvent> errors = errorsLoggedWhile(() -> {
            try (GraphApi api = GraphApi.startWith(useCases -> useCases, limits)) {
                SlowClient.declaring(api, SLOW_TENANT_TOKEN, 1_000_000).close();

                assertThat(admittedOnceBudgetIsFree(api, SLOW_TENANT_TOKEN)).isTrue();
            }
        });

        assertThat(errors).isEmpty();
    }

    /** Runs {@code work} and answers what was logged at ERROR meanwhile, by the server or anything else. */
    private static List<ILoggingEvent> errorsLoggedWhile(Runnable work) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            work.run();
        } finally {
            root.detachAppender(logged);
        }
        return logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
    }

    /**
     * Whether a body of more than what is left of the tenant's half, while a closed client's body still counts, is
     * admitted: the server frees that part once it notices the close, at once but on its own thread. Asked with
     * Expect: 100-continue, which the server answers 100 once the body has its place, else 503 before it is sent.
     */
    private static boolean admittedOnceBudgetIsFree(GraphApi api, String token) {
        long giveUp = System.nanoTime() + LONG.toNanos();
        while (System.nanoTime() < giveUp) {
            try (SlowClient client = SlowClient.declaringOnly(api, token, 200_000)) {
                if (client.continued()) {
                    return true;
                }
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /** A create whose body is about 4/3 of {@code bytes} long, its script content (Intune allows 200 KiB). */
    private static String createWithContentOf(int bytes) {
        return "{\"displayName\":\"Large\",\"scriptContent\":\""
                + Base64.getEncoder().encodeToString(new byte[bytes]) + "\"}";
    }

    /** Sends each waiting client one more byte every quarter second, until the test stops it. */
    private static void trickle(List<SlowClient> clients, AtomicBoolean trickling) {
        while (trickling.get()) {
            clients.forEach(SlowClient::sendOneByte);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A raw connection that sends its request a byte at a time and stops once the server has answered. */
    private static final class SlowClient implements AutoCloseable {
        private final Socket socket;
        private final byte filler;
        private volatile boolean answered;

        private SlowClient(GraphApi api, String start, byte filler) {
            this.filler = filler;
            try {
                socket = new Socket("127.0.0.1", api.server().port());
                socket.setSoTimeout((int) LONG.toMillis());
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Sends its request line and one header, then one more byte of a header's value at a time. */
        static SlowClient headers(GraphApi api) {
            return new SlowClient(api, "GET " + SCRIPTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", (byte) 'a');
        }

        /** Sends its whole head, then one byte of its body at a time. */
        static SlowClient body(GraphApi api, String token) {
            return declaring(api, token, 1_000);
        }

        /**
         * Sends a head declaring a JSON body of {@code length} bytes and asking to be told to go on, waits until the
         * server does (it has counted the body in its budget), then sends the body's first byte.
         */
        static SlowClient declaring(GraphApi api, String token, int length) {
            SlowClient client = declaringOnly(api, token, length);
            assertThat(client.continued()).as("told to go on").isTrue();
            client.sendOneByte();
            return client;
        }

        /** Sends a head declaring a JSON body of {@code length} bytes, and asks to be told to go on before the body. */
        static SlowClient declaringOnly(GraphApi api, String token, int length) {
            return new SlowClient(api, "POST " + SCRIPTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                    + length + "\r\n\r\n", (byte) ' ');
        }

        /** Whether the server's first answer is the interim 100 Continue, read to the blank line that ends it. */
        private boolean continued() {
            StringBuilder head = new StringBuilder();
            try {
                while (head.indexOf("\r\n\r\n") < 0) {
                    int b = socket.getInputStream().read();
                    if (b < 0) {
                        break;
                    }
                    head.append((char) b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return head.toString().startsWith("HTTP/1.1 100");
        }

        /** Whether it still sends without an answer; once the server answers, it sends nothing more. */
        boolean waiting() {
            if (!answered) {
                try {
                    answered = socket.getInputStream().available() > 0;
                } catch (IOException closed) {
                    answered = true;
                }
            }
            return !answered;
        }

        void sendOneByte() {
            if (waiting()) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(filler);
                    out.flush();
                } catch (IOException closedByTheServer) {
                    answered = true;
                }
            }
        }

        RawHttp.RawReply answer() {
            try (socket) {
                return RawHttp.read(socket.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
