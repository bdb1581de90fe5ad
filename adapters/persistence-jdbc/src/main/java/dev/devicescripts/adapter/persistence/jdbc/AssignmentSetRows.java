package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements that write script_assignment_set, for both ways assigns reach the database ({@link SetWriter}), for
 * a script's insert and for the migration that made the table. A set is stored as the parts {@link PackedTargets}
 * makes, a row each. Every script has a set from its creation on, so the row of a set's first part exists exactly
 * when its script does.
 */
final class AssignmentSetRows {
    // The first part's row is also the lock that makes concurrent assigns of one script, from any server sharing the
    // database, run one after the other.
    private static final String REPLACE_FIRST_PART =
            "UPDATE script_assignment_set SET targets = ? WHERE tenant_id = ? AND script_id = ? AND part = 0";
    private static final String DELETE_OTHER_PARTS =
            "DELETE FROM script_assignment_set WHERE tenant_id = ? AND script_id = ? AND part > 0";
    private static final String INSERT_PART =
            "INSERT INTO script_assignment_set (tenant_id, script_id, part, targets) VALUES (?, ?, ?, ?)";
    private static final String LOCK_FIRST_PART =
            "SELECT part FROM script_assignment_set WHERE tenant_id = ? AND script_id = ? AND part = 0 FOR UPDATE";
    // One statement, so that the name and the set are of one committed state.
    private static final String STORED = """
            SELECT s.display_name, a.targets FROM device_management_script s
            LEFT JOIN script_assignment_set a ON a.tenant_id = s.tenant_id AND a.script_id = s.id
            WHERE s.tenant_id = ? AND s.id = ?
            ORDER BY a.part""";

    /**
     * What an assign's audit entry takes from the script it replaces the set of: its displayName, its set's parts
     * (none for a script row written by SQL alone, as a test may: an empty set).
     */
    record Stored(String displayName, List<byte[]> parts) {
    }

    private AssignmentSetRows() {
    }

    /** Replaces the script's set with the parts; false, changing nothing, when the tenant has no such script. */
    static boolean replace(Connection connection, UUID tenant, UUID scriptId, List<byte[]> parts) throws SQLException {
        try (PreparedStatement first = prepare(connection, REPLACE_FIRST_PART, parts.get(0), tenant, scriptId)) {
            if (first.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement others = prepare(connection, DELETE_OTHER_PARTS, tenant, scriptId)) {
            others.executeUpdate();
        }
        insertParts(connection, tenant, scriptId, parts, 1);
        return true;
    }

    /** Inserts the set of a script that has none yet: one just inserted, or one whose set V7 moves here. */
    static void insert(Connection connection, UUID tenant, UUID scriptId, List<byte[]> parts) throws SQLException {
        insertParts(connection, tenant, scriptId, parts, 0);
    }

    /** Inserts the parts from index {@code from} on, each numbered by its index. */
    private static void insertParts(Connection connection, UUID tenant, UUID scriptId, List<byte[]> parts, int from)
            throws SQLException {
        for (int part = from; part < parts.size(); part++) {
            try (PreparedStatement insert = prepare(connection, INSERT_PART, tenant, scriptId, part,
                    parts.get(part))) {
                insert.executeUpdate();
            }
        }
    }

    /** The script's name and set, or empty when the tenant has no such script. */
    static Optional<Stored> stored(Connection connection, UUID tenant, UUID scriptId) throws SQLException {
        Optional<Stored> stored = Optional.empty();
        try (PreparedStatement find = prepare(connection, STORED, tenant, scriptId);
             ResultSet rows = find.executeQuery()) {
            while (rows.next()) {
                stored = Optional.of(stored.orElse(new Stored(rows.getString("display_name"), new ArrayList<>())));
                byte[] part = rows.getBytes("targets");
                if (part != null) {
                    stored.get().parts().add(part);
                }
            }
        }
        return stored;
    }

    /**
     * As {@link #stored}, after locking the row of the set's first part until the transaction ends, the lock that
     * {@link #replace} takes: the set read is then the one the replace replaces.
     */
    static Optional<Stored> locked(Connection connection, UUID tenant, UUID scriptId) throws SQLException {
        try (PreparedStatement lock = prepare(connection, LOCK_FIRST_PART, tenant, scriptId);
             ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
        }
        return stored(connection, tenant, scriptId);
    }
}
