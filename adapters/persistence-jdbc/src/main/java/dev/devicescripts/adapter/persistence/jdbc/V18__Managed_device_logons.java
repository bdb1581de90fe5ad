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
 * Fills V17's managed_device_logon for the managed devices stored before, as the write path fills it. In Java rather
 * than SQL: usersLoggedOn is a JSON list, which neither database's SQL reads in a way both accept.
 */
final class V18__Managed_device_logons extends BaseJavaMigration {
    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             PreparedStatement fill = connection.prepareStatement(DirectoryTables.ADD_LOG_ON)) {
            read.setFetchSize(BATCH); // PostgreSQL streams the rows instead of holding them all
            int batched = 0;
            try (ResultSet rows = read.executeQuery(DirectoryTables.MANAGED_DEVICES.select(
                    ", m.tenant_id", "managed_device m"))) {
                while (rows.next()) {
                    UUID tenant = rows.getObject("tenant_id", UUID.class);
                    UUID device = rows.getObject("id", UUID.class);
                    for (UUID user : DirectoryTables.MANAGED_DEVICES.reader().read(rows).signedInUserIds()) {
                        Sql.bind(fill, tenant, device, user);
                        fill.addBatch();
                        if (++batched % BATCH == 0) {
                            fill.executeBatch();
                        }
                    }
                }
            }
            fill.executeBatch();
        }
    }
}
