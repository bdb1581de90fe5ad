package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.Storage;
import java.nio.file.Path;

/** Opens the H2 file database the server uses by default, in a folder a test owns. */
final class TestDatabases {
    private TestDatabases() {
    }

    static JdbcPersistence open(Path dataDirectory) {
        return JdbcPersistence.open(settings(dataDirectory));
    }

    static JdbcSettings settings(Path dataDirectory) {
        return JdbcSettings.embedded(dataDirectory, "sa", "", 10);
    }

    /** The ports of a newly opened database, closed with the storage. */
    static Storage storage(Path dataDirectory) {
        JdbcPersistence persistence = open(dataDirectory);
        return new Storage(persistence.scripts(), persistence.assignmentSets(), persistence);
    }
}
