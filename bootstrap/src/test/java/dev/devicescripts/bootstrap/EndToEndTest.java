package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server, wired by the real Guice module, over real HTTP on an H2 file database. */
class EndToEndTest {

    @TempDir
    Path dataDirectory;

    @Test
    void assignmentsSurviveARestartOnTheSameDataFolder() throws UsageException {
        Configuration configuration = Configuration.parse(
                List.of("--port", "0", "--data-dir", dataDirectory.toString()), Map.of());
        String id;
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port());
            assertThat(graph.get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
            id = AssignLifecycle.run(graph);
        }

        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            AssignLifecycle.assertLeftBehind(new GraphClient(server.port()), id);
        }
    }

    @Test
    void theMemoryStoreServesTheSameApi() throws UsageException {
        Configuration configuration = Configuration.parse(List.of("--port", "0", "--persistence", "memory"), Map.of());
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port());
            AssignLifecycle.assertLeftBehind(graph, AssignLifecycle.run(graph));
        }
    }
}
