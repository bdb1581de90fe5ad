package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The data folder and every file in it are the server's account's alone, whatever the umask (the build's is 022,
 * which leaves new folders rwxr-xr-x and new files rw-r--r--).
 */
class DataFolderTest {
    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";

    @TempDir
    Path parent;

    @Test
    void aServerOnANewDataFolderCreatesItAndEveryFileInItReadableByItsAccountOnly() throws Exception {
        Path dataDirectory = parent.resolve("new").resolve("data");
        Configuration configuration = Configuration.parse(
                List.of("--port", "0", "--data-dir", dataDirectory.toString()), Map.of());
        try (DeviceScriptsServer server = DeviceScriptsServer.start(configuration)) {
            GraphClient graph = new GraphClient(server.port(), TokenCommand.mint(
                    List.of("--tenant", TENANT, "--data-dir", dataDirectory.toString()), Map.of()));
            AssignLifecycle.run(graph);

            assertThat(permissions(dataDirectory)).isEqualTo("rwx------");
            assertThat(permissionsOfFilesIn(dataDirectory)).containsKeys("devicescripts.mv.db", "signing-key.jwk")
                    .allSatisfy((name, permissions) -> assertThat(permissions).as(name).isEqualTo("rw-------"));
        }
    }

    @Test
    void anExistingDataFolderOpenToOtherAccountsIsMadePrivateWithAWarning() throws Exception {
        Path dataDirectory = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(DataFolder.class);
        logger.addAppender(log);
        try {
            DataFolder.prepare(dataDirectory);
        } finally {
            logger.detachAppender(log);
        }

        assertThat(permissions(dataDirectory)).isEqualTo("rwx------");
        assertThat(log.list).singleElement().satisfies(warning -> assertThat(warning.getFormattedMessage())
                .isEqualTo("The data folder " + dataDirectory + " was open to other accounts (rwxr-xr-x); made it "
                        + "rwx------: it holds every tenant's scripts and the signing key"));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Map<String, String> permissionsOfFilesIn(Path directory) throws Exception {
        Map<String, String> permissions = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                permissions.put(file.getFileName().toString(), permissions(file));
            }
        }
        return permissions;
    }
}
