package dev.devicescripts.adapter.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills V13's version parts of the managed devices stored before, as {@link DirectoryTables} writes them. In Java
 * rather than SQL: the domain's OsVersion parses, and neither database's SQL says the same in a way both accept.
 */
final class V14__Managed_device_version_parts extends BaseJavaMigration {
    private static final int BATCH = 1_000;
    private static final String VERSIONED =
            "SELECT tenant_id, id, os_version FROM managed_device WHERE os_version IS NOT NULL";
    private static final String FILL = "UPDATE managed_device SET os_version_part_1 = ?, os_version_part_2 = ?, "
            + "os_version_part_3 = ?, os_version_part_4 = ? WHERE tenant_id = ? AND id = ?";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             PreparedStatement fill = connection.prepareStatement(FILL)) {
            read.setFetchSize(BATCH); // PostgreSQL streams the rows instead of holding them all
            int batched = 0;
            try (ResultSet rows = read.executeQuery(VERSIONED)) {
                while (rows.next()) {
                    Long[] parts = DirectoryTables.versionParts(rows.getString("os_version"));
                    Sql.bind(fill, parts[0], parts[1], parts[2], parts[3], rows.getObject("tenant_id", UUID.class),
                            rows.getObject("id", UUID.class));
                    fill.addBatch();
                    if (++batched % BATCH == 0) {
                        fill.executeBatch();
                    }
                }
            }
            fill.executeBatch();
        }
    }
}
