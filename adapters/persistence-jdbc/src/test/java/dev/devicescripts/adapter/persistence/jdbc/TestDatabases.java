package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.Storage;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;

/** Opens the H2 file database the server uses by default, in a folder a test owns. */
final class TestDatabases {
    private TestDatabases() {
    }

    static JdbcStore open(Path dataDirectory) {
        return JdbcStore.open(settings(dataDirectory));
    }

    static JdbcSettings settings(Path dataDirectory) {
        return JdbcSettings.embedded(dataDirectory, "sa", "", 10);
    }

    /** The ports of a newly opened database, closed with the storage. */
    static Storage storage(Path dataDirectory) {
        JdbcStore store = open(dataDirectory);
        return new Storage(store.scripts(), store.assignmentSets(), store);
    }

    /**
     * Inserts a script row by SQL, as a schema older than this build's stored it: for the migration tests, which fill
     * a database migrated only part of the way. Only the columns every schema since V4 has.
     */
    static void insertScriptRow(Connection connection, TenantId tenant, ScriptId script, String displayName)
            throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection, """
                INSERT INTO device_management_script (tenant_id, id, display_name, display_name_folded,
                    run_as_account, enforce_signature_check, run_as_32_bit, created_date_time, last_modified_date_time)
                VALUES (?, ?, ?, ?, 'system', FALSE, FALSE, ?, ?)""", tenant.value(), script.value(), displayName,
                displayName.toLowerCase(Locale.ROOT), OffsetDateTime.now(), OffsetDateTime.now())) {
            insert.executeUpdate();
        }
    }
}
