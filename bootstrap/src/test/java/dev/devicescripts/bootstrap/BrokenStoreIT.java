package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar keeps its data folder private, and is crash-only: once its store is broken for good, it exits 1
 * naming why, so that whatever supervises it starts it again.
 */
class BrokenStoreIT {
    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";

    @TempDir
    Path parent;

    @Test
    void theJarKeepsItsFilesPrivateAndExitsOneNamingTheFileWhenItsDatabaseFileIsDeleted() throws Exception {
        Path dataDirectory = parent.resolve("data");
        String token = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            GraphClient graph = new GraphClient(jar.awaitPort(), token);
            assertThat(graph.post(AssignLifecycle.SCRIPTS, "{\"displayName\":\"Private\"}").statusCode())
                    .isEqualTo(201);
            assertThat(permissions(dataDirectory)).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(dataDirectory)) {
                assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                        assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
            }

            Path databaseFile = dataDirectory.resolve("devicescripts.mv.db");
            Files.delete(databaseFile);

            assertThat(jar.awaitExit()).as(jar.output()).isEqualTo(1);
            assertThat(jar.output()).contains("devicescripts exits with status 1 to be started again: its store is "
                    + "broken: the database file " + databaseFile + " is gone");
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
