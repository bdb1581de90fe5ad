package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.Storage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own for one test, on the PostgreSQL server that {@value #URL}, {@value #USER} and
 * {@value #PASSWORD} name: {@code .ci/postgres start} starts a throwaway one and prints them, and {@code .ci/run} does
 * so for the whole suite. Without them a test that needs PostgreSQL fails and says how to get one; only
 * {@code -Dpostgres=skip} turns that into a skip, with the reason.
 *
 * @param url the new database's JDBC URL, which the user and password reach
 */
public record TestPostgres(String url, String user, String password, String name) implements AutoCloseable {
    public static final String URL = "DEVICESCRIPTS_TEST_PG_URL";
    public static final String USER = "DEVICESCRIPTS_TEST_PG_USER";
    public static final String PASSWORD = "DEVICESCRIPTS_TEST_PG_PASSWORD";

    /** Creates an empty database on the test server; {@link #close} drops it. */
    public static TestPostgres newDatabase() {
        String serverUrl = serverUrl();
        String name = "devicescripts_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(serverUrl, "CREATE DATABASE " + name);
        return new TestPostgres(withDatabase(serverUrl, name), System.getenv(USER), System.getenv(PASSWORD), name);
    }

    /** The ports of a new database, migrated; closing the storage drops the database. */
    public static Storage newStorage() {
        TestPostgres database = newDatabase();
        JdbcStore store = JdbcStore.open(database.settings());
        return new Storage(store.scripts(), store.assignmentSets(), () -> {
            store.close();
            database.close();
        });
    }

    public JdbcSettings settings() {
        return new JdbcSettings(url, user, password, 10);
    }

    /** Drops the database, closing any connection still open to it, such as those of a server killed mid-test. */
    @Override
    public void close() {
        execute(serverUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The server's URL; fails, or with -Dpostgres=skip skips, when none is given. */
    private static String serverUrl() {
        String url = System.getenv(URL);
        boolean skip = "skip".equals(System.getProperty("postgres"));
        Assumptions.assumeFalse(skip, "PostgreSQL tests skipped: the build was run with -Dpostgres=skip");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("This test needs PostgreSQL and " + URL + " is not set. Run the whole "
                    + "suite with .ci/run (it starts a throwaway PostgreSQL), or start one yourself with "
                    + "eval \"$(.ci/postgres start /tmp/devicescripts-pg)\" before mvn; or skip these tests with "
                    + "-Dpostgres=skip.");
        }
        return url;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, System.getenv(USER), System.getenv(PASSWORD));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on the test PostgreSQL " + url + ": "
                    + e.getMessage(), e);
        }
    }

    /** The URL with the database in its path replaced, its parameters kept. */
    private static String withDatabase(String url, String database) {
        int parameters = url.indexOf('?') < 0 ? url.length() : url.indexOf('?');
        int path = url.lastIndexOf('/', parameters);
        return url.substring(0, path + 1) + database + url.substring(parameters);
    }
}
