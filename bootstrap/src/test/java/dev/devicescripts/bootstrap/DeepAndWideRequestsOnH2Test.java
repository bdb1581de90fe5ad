package dev.devicescripts.bootstrap;

import dev.devicescripts.adapter.http.odata.DeepAndWideRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * DeepAndWideRequests against the real server, wired by the real Guice module, on an H2 file database: the filters
 * that pass the HTTP adapter's limits become SQL that H2's parser, which recurses too, must read.
 */
class DeepAndWideRequestsOnH2Test extends DeepAndWideRequests {
    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";
    private static Path dataDirectory;
    private static DeviceScriptsServer server;
    private static String token;

    @BeforeContainer
    static void start() throws IOException, UsageException {
        dataDirectory = Files.createTempDirectory("devicescripts-deep-and-wide");
        server = DeviceScriptsServer.start(Configuration.parse(
                List.of("--host", "127.0.0.1", "--port", "0", "--data-dir", dataDirectory.toString()), Map.of()));
        token = TokenCommand.mint(List.of("--tenant", TENANT, "--data-dir", dataDirectory.toString()), Map.of());
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Override
    protected int port() {
        return server.port();
    }

    @Override
    protected String bearerToken() {
        return token;
    }
}
