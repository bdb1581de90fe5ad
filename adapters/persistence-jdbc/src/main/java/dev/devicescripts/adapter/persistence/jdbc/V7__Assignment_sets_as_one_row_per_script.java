package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
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
 * Moves every assignment set from a row per target (script_assignment_target, V1) to script_assignment_set, in the
 * form of {@link PackedTargets}. In Java rather than SQL: the application's own writer is the one its reader is sure
 * to read. (As first released, it wrote the JSON of {@link TargetsJson}, which V8 packs.)
 */
final class V7__Assignment_sets_as_one_row_per_script extends BaseJavaMigration {
    private static final String CREATE_TABLE = """
            CREATE TABLE script_assignment_set (
                tenant_id uuid    NOT NULL,
                script_id uuid    NOT NULL,
                part      integer NOT NULL,
                targets   bytea   NOT NULL, -- see PackedTargets
                PRIMARY KEY (tenant_id, script_id, part),
                FOREIGN KEY (tenant_id, script_id) REFERENCES device_management_script (tenant_id, id) ON DELETE CASCADE
            )""";
    // Every script, with its targets in order; a script without targets gives one row whose target columns are null.
    private static final String EVERY_SET = """
            SELECT s.tenant_id, s.id, t.target_type, t.group_id, t.collection_id, t.filter_type, t.filter_id
            FROM device_management_script s
            LEFT JOIN script_assignment_target t ON t.tenant_id = s.tenant_id AND t.script_id = s.id
            ORDER BY s.tenant_id, s.id, t.position""";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(CREATE_TABLE);
        }
        try (Statement read = connection.createStatement()) {
            read.setFetchSize(1_000); // PostgreSQL streams the rows instead of holding them all
            try (ResultSet rows = read.executeQuery(EVERY_SET)) {
                copySets(connection, rows);
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE script_assignment_target");
        }
    }

    private static void copySets(Connection connection, ResultSet rows) throws SQLException {
        TenantId tenant = null;
        ScriptId script = null;
        List<AssignmentTarget> targets = new ArrayList<>();
        while (rows.next()) {
            TenantId rowTenant = new TenantId(rows.getObject("tenant_id", UUID.class));
            ScriptId rowScript = new ScriptId(rows.getObject("id", UUID.class));
            if (!(rowTenant.equals(tenant) && rowScript.equals(script))) {
                if (script != null) {
                    AssignmentSetRows.insert(connection, tenant.value(), script.value(), PackedTargets.parts(targets));
                }
                tenant = rowTenant;
                script = rowScript;
                targets = new ArrayList<>();
            }
            String targetType = rows.getString("target_type");
            if (targetType != null) {
                AssignmentFilter filter = new AssignmentFilter(
                        AssignmentFilterType.fromGraphName(rows.getString("filter_type"), "filter_type"),
                        rows.getObject("filter_id", UUID.class));
                targets.add(new StoredTarget(targetType, rows.getObject("group_id", UUID.class),
                        rows.getString("collection_id"), filter).toTarget());
            }
        }
        if (script != null) {
            AssignmentSetRows.insert(connection, tenant.value(), script.value(), PackedTargets.parts(targets));
        }
    }
}
