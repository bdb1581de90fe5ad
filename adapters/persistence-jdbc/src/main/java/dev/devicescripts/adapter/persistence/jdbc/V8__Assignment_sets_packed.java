package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.domain.AssignmentTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Packs every assignment set part that V7 stored as JSON ({@link TargetsJson}) into the form of {@link PackedTargets},
 * part for part: both hold at most the same number of targets per part. Parts already packed (by V7 as it is now)
 * are left as they are.
 */
final class V8__Assignment_sets_packed extends BaseJavaMigration {
    private static final byte JSON_ARRAY_START = '[';
    private static final int BATCH = 1_000;
    private static final String EVERY_PART = "SELECT tenant_id, script_id, part, targets FROM script_assignment_set";
    private static final String PACK =
            "UPDATE script_assignment_set SET targets = ? WHERE tenant_id = ? AND script_id = ? AND part = ?";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             PreparedStatement pack = connection.prepareStatement(PACK)) {
            read.setFetchSize(BATCH); // PostgreSQL streams the rows instead of holding them all
            int batched = 0;
            try (ResultSet rows = read.executeQuery(EVERY_PART)) {
                while (rows.next()) {
                    byte[] stored = rows.getBytes("targets");
                    if (stored.length == 0 || stored[0] != JSON_ARRAY_START) {
                        continue;
                    }
                    List<AssignmentTarget> targets = new ArrayList<>();
                    TargetsJson.read(stored, targets);
                    Sql.bind(pack, PackedTargets.parts(targets).get(0), rows.getObject("tenant_id", UUID.class),
                            rows.getObject("script_id", UUID.class), rows.getInt("part"));
                    pack.addBatch();
                    if (++batched % BATCH == 0) {
                        pack.executeBatch();
                    }
                }
            }
            pack.executeBatch();
        }
    }
}
