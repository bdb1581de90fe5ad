package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.persistence.jdbc.JdbcStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The real server on its H2 file, whose database H2 closes under it, as H2 does after an error it cannot undo (such as
 * running out of memory): the server says so on every route, in Graph's shape, and its log says why.
 */
class BrokenStoreTest {
    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";
    private static final String CLOSED = "H2 closed the database under the server";

    @TempDir
    Path dataDirectory;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureTheLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        root().detachAppender(log);
    }

    @Test
    void aDatabaseClosedUnderTheServerFailsLivenessReadinessAndDataRoutesNamingWhyUntilARestart() throws Exception {
        Configuration configuration = Configuration.parse(
                List.of("--port", "0", "--data-dir", dataDirectory.toString()), Map.of());
        String token = TokenCommand.mint(List.of("--tenant", TENANT, "--data-dir", dataDirectory.toString()),
                Map.of());
        String id;
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port(), token);
            id = GraphClient.json(graph.post(AssignLifecycle.SCRIPTS, "{\"displayName\":\"Kept\"}")).get("id").asText();

            closeTheDatabaseUnderTheServer();

            assertServiceUnavailable(graph.get("/healthz"), "The service cannot work again until it restarts: "
                    + CLOSED);
            assertServiceUnavailable(graph.get("/readyz"), "The service is not ready: the database can no longer be "
                    + "used and the server must restart: " + CLOSED);
            assertServiceUnavailable(graph.get(AssignLifecycle.SCRIPTS), "retry");
            assertServiceUnavailable(graph.post(AssignLifecycle.SCRIPTS, "{\"displayName\":\"Lost\"}"), "retry");
            assertThat(server.broken()).hasValueSatisfying(cause -> assertThat(cause).startsWith(CLOSED));
        }
        assertThat(logged("dev.devicescripts.adapter.persistence.jdbc.Breakage"))
                .anySatisfy(line -> assertThat(line).startsWith("The database can no longer be used; the server must "
                        + "restart: " + CLOSED));
        assertThat(log.list).as("H2's own errors, in the application log")
                .anySatisfy(event -> {
                    assertThat(event.getLoggerName()).isEqualTo("h2database");
                    assertThat(event.getThrowableProxy().getMessage()).contains("NO_SUCH_TABLE");
                });
        assertThat(dataDirectory.resolve("devicescripts.trace.db")).as("H2's trace file").doesNotExist();

        try (DeviceScriptsServer restarted = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(restarted.port(), token);
            assertThat(graph.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(graph.get(AssignLifecycle.SCRIPTS + "/" + id).statusCode()).isEqualTo(200);
        }
    }

    /** Makes H2 log an error of its own, then closes the database as H2 does after one it cannot undo. */
    private void closeTheDatabaseUnderTheServer() throws SQLException {
        try (Connection connection = DriverManager.getConnection(JdbcStore.h2FileUrl(dataDirectory), "sa", "");
             Statement statement = connection.createStatement()) {
            try {
                statement.executeQuery("SELECT * FROM no_such_table");
            } catch (SQLException expected) {
                // H2 logs it
            }
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
    }

    private static void assertServiceUnavailable(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode error = GraphClient.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(error.get("message").asText()).contains(message);
        assertThat(error.get("innerError").get("request-id").asText()).isNotBlank();
    }

    private List<String> logged(String loggerName) {
        return log.list.stream().filter(event -> event.getLoggerName().equals(loggerName))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
