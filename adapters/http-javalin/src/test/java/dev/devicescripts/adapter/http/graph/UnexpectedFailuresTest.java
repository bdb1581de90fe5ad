package dev.devicescripts.adapter.http.graph;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphShaped;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.devicescripts.adapter.http.GraphUseCases;
import dev.devicescripts.adapter.http.script.ScriptEndpoints;
import dev.devicescripts.adapter.http.server.RequestRecorder;
import dev.devicescripts.adapter.http.server.ServerMetrics;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.port.in.GetScriptUseCase;
import dev.devicescripts.application.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UnexpectedFailuresTest {
    private static final String SOME_SCRIPT = SCRIPTS + "/00000000-0000-4000-8000-000000000001";
    private final Logger errorLogger = (Logger) LoggerFactory.getLogger(GraphErrors.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        errorLogger.addAppender(logged);
        errorLogger.setAdditive(false); // the traces these tests provoke would bury real failures in the build log
    }

    @AfterEach
    void stopListening() {
        errorLogger.detachAppender(logged);
        errorLogger.setAdditive(true);
    }

    @Test
    void anUnexpectedFailureIsAnInternalServerErrorThatRevealsNothingOfIt() {
        try (GraphApi api = GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), (tenant, id) -> {
            throw new IllegalStateException("connection string secret=hunter2");
        }, useCases.list(), useCases.update(), useCases.delete(), useCases.assign(), useCases.assignments(),
                useCases.health()))) {

            Reply reply = api.get(SOME_SCRIPT);

            assertGraphError(reply, 500, "InternalServerError", "unexpected");
            assertThat(reply.body()).doesNotContain("hunter2", "IllegalStateException");
        }
    }

    @Test
    void aStackOverflowInAHandlerIsAnInternalServerErrorInGraphsShapeAndTheServerServesOn() {
        try (GraphApi api = GraphApi.startWith(useCases -> withGet(useCases, (caller, id) -> {
            throw new IllegalStateException("unreachable: " + overflow(0));
        }))) {
            Reply reply = api.get(SOME_SCRIPT, "client-request-id", "overflow-1");

            assertGraphError(reply, 500, "InternalServerError", "unexpected");
            assertThat(reply.header("client-request-id")).isEqualTo("overflow-1");
            assertThat(api.get(SCRIPTS).status()).isEqualTo(200);
            assertThat(logged.list).singleElement().satisfies(line -> {
                assertThat(line.getFormattedMessage()).contains(reply.header("request-id"));
                assertThat(line.getThrowableProxy().getClassName()).isEqualTo(StackOverflowError.class.getName());
            });
        }
    }

    @Test
    void everyKindOfErrorIsAnInternalServerErrorInGraphsShape() {
        List<Error> errors = List.of(new OutOfMemoryError("Java heap space"), new AssertionError("broken invariant"),
                new NoClassDefFoundError("dev/devicescripts/Missing"), new Error("anything else"));
        for (Error error : errors) {
            try (GraphApi api = GraphApi.startWith(useCases -> withGet(useCases, (caller, id) -> {
                throw error;
            }))) {
                Reply reply = api.get(SOME_SCRIPT);

                assertGraphError(reply, 500, "InternalServerError", "unexpected");
                assertThat(reply.body()).doesNotContain(error.getMessage());
            }
        }
    }

    @Test
    void aCauseIsLoggedWithItsStackTraceOnceAMinuteAndItsRepeatsInOneLineEach() {
        try (GraphApi api = GraphApi.startWith(useCases -> withGet(useCases, (caller, id) -> {
            if (id.toString().endsWith("1")) {
                throw new AssertionError("one cause");
            }
            throw new OutOfMemoryError("another cause");
        }))) {
            List<Reply> replies = Stream.of("1", "1", "2", "1", "2")
                    .map(last -> api.get(SOME_SCRIPT.substring(0, SOME_SCRIPT.length() - 1) + last)).toList();

            assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(500));
            assertThat(logged.list).hasSize(5);
            for (int i = 0; i < replies.size(); i++) {
                assertThat(logged.list.get(i).getFormattedMessage()).contains(replies.get(i).header("request-id"));
            }
            assertThat(logged.list).map(line -> line.getThrowableProxy() != null)
                    .containsExactly(true, false, true, false, false);
            assertThat(logged.list.get(1).getFormattedMessage()).contains(AssertionError.class.getName(),
                    "UnexpectedFailuresTest", "stack trace was logged");
            assertThat(logged.list.get(4).getFormattedMessage()).contains(OutOfMemoryError.class.getName());
        }
    }

    /**
     * No request reaches Jetty's own handlers with a way to make them fail, so a Jetty server with GraphErrors' error
     * handler and a handler that fails stands in for them.
     */
    @Test
    void anErrorInJettysOwnHandlingIsAnInternalServerErrorInGraphsShapeThatRevealsNothingOfIt() throws Exception {
        GraphErrors errors = new GraphErrors(GraphJson.newMapper(), GraphApi.MAX_BODY_BYTES,
                new RequestRecorder(new ServerMetrics()), ScriptEndpoints.SEGMENTS);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        jetty.setErrorHandler(errors.jettyErrorHandler());
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                throw new StackOverflowError("inside Jetty secret=hunter2");
            }
        });
        jetty.start();
        try {
            RawHttp.RawReply reply = RawHttp.exchangeOrFail(connector.getLocalPort(), "GET",
                    SOME_SCRIPT.getBytes(StandardCharsets.US_ASCII),
                    List.of(RawHttp.header("client-request-id", "jetty-1")), new byte[0]);

            assertThat(reply.status()).isEqualTo(500);
            assertGraphShaped(reply);
            assertThat(reply.header("client-request-id")).isEqualTo("jetty-1");
            assertThat(reply.body()).contains("InternalServerError").doesNotContain("hunter2", "StackOverflow");
            assertThat(logged.list).singleElement().satisfies(line -> {
                assertThat(line.getFormattedMessage()).contains(reply.header("request-id"));
                assertThat(line.getThrowableProxy().getClassName()).isEqualTo(StackOverflowError.class.getName());
            });
        } finally {
            jetty.stop();
        }
    }

    @Test
    void readyzIsServiceUnavailableWithRetryAfterAndTheReasonWhileHealthzStaysOkWhenStorageIsNotReady() {
        try (GraphApi api = GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), useCases.get(),
                useCases.list(), useCases.update(), useCases.delete(), useCases.assign(), useCases.assignments(),
                () -> Readiness.notReady("the database cannot be reached")))) {

            Reply ready = api.get("/readyz");
            Reply alive = api.get("/healthz");

            assertGraphError(ready, 503, "ServiceUnavailable", "not ready", "the database cannot be reached");
            assertThat(ready.header("Retry-After")).matches("\\d+");
            assertThat(alive.status()).isEqualTo(200);
        }
    }

    @Test
    void busyStorageIsServiceUnavailableWithRetryAfterNotAnError() {
        try (GraphApi api = GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), useCases.get(),
                useCases.list(), useCases.update(), useCases.delete(), (caller, command) -> {
                    throw new StorageUnavailableException("The database is busy: no connection within 5000 ms",
                            new SQLTransientConnectionException());
                }, useCases.assignments(), useCases.health()))) {
            String id = api.createScript("Busy");

            Reply reply = api.post(SCRIPTS + "/" + id + "/assign", "{}");

            assertGraphError(reply, 503, "ServiceUnavailable", "busy");
            assertThat(reply.header("Retry-After")).matches("\\d+");
        }
    }

    private static GraphUseCases withGet(GraphUseCases useCases, GetScriptUseCase get) {
        return new GraphUseCases(useCases.create(), get, useCases.list(), useCases.update(), useCases.delete(),
                useCases.assign(), useCases.assignments(), useCases.health());
    }

    /** Recurses until the stack overflows, as a parser given an expression nested too deep once did. */
    private static int overflow(int depth) {
        return overflow(depth + 1) + 1;
    }
}
