package dev.devicescripts.bootstrap;

import dev.devicescripts.adapter.persistence.jdbc.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jars on one PostgreSQL database of their own, as instances behind a load balancer run: each with a data folder of
 * its own that holds the same signing key, so a token minted for one is good at all. The database's URL and user
 * go on the command line, its password in DEVICESCRIPTS_DB_PASSWORD. Closing drops the database.
 */
final class PostgresServers implements AutoCloseable {
    private static final String KEY_FILE = "signing-key.jwk";

    private final TestPostgres database = TestPostgres.newDatabase();
    private final Path keyFolder;

    /** @param folders where the servers' data folders go, one per name */
    PostgresServers(Path folders) {
        this.keyFolder = folders.resolve("key");
    }

    /** A token of the shared key, as the token command mints it. */
    String mint(String... tokenOptions) throws InterruptedException {
        String[] options = new String[tokenOptions.length + 2];
        System.arraycopy(tokenOptions, 0, options, 0, tokenOptions.length);
        options[tokenOptions.length] = "--data-dir";
        options[tokenOptions.length + 1] = keyFolder.toString();
        return JarTokens.mint(options);
    }

    /** Starts a server on the database with the data folder {@code dataFolder}, the shared key copied into it. */
    RunningJar start(Path dataFolder) {
        return start(dataFolder, List.of());
    }

    /** {@link #start(Path)} in a JVM given {@code jvmOptions} (such as -Xmx256m), with {@code options} added. */
    RunningJar start(Path dataFolder, List<String> jvmOptions, String... options) {
        try {
            Files.createDirectories(dataFolder);
            Files.copy(keyFolder.resolve(KEY_FILE), dataFolder.resolve(KEY_FILE), StandardCopyOption.COPY_ATTRIBUTES,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot share the signing key (mint a token first)", e);
        }
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataFolder.toString(),
                "--db-url", database.url()));
        if (database.user() != null) {
            args.addAll(List.of("--db-user", database.user()));
        }
        args.addAll(List.of(options));
        return RunningJar.start(jvmOptions, null, database.password() == null ? Map.of()
                : Map.of("DEVICESCRIPTS_DB_PASSWORD", database.password()), args.toArray(String[]::new));
    }

    /** The database's password, which no server may print. */
    String password() {
        return database.password();
    }

    @Override
    public void close() {
        database.close();
    }
}
