package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Assignment sets as rows of script_assignment_set: every script has one from its creation on, and an assign rewrites
 * it whole. A set is read and written whole, never searched by its targets, so its targets are one binary value (see
 * {@link PackedTargets}) rather than a row each: an assign of ten targets writes one row instead of deleting ten and
 * inserting ten scattered over the table's pages.
 */
final class JdbcAssignmentSetRepository implements AssignmentSetRepository {

    // One statement reads the scripts and their sets together, so a concurrent replace's commit cannot show through
    // half-way. The scripts are found by an IN list over an index that starts with the id (see Sql.in): the primary
    // key starts with the tenant.
    private static final String FIND_SETS = """
            SELECT s.id, a.targets
            FROM %s
            JOIN script_assignment_set a ON a.tenant_id = s.tenant_id AND a.script_id = s.id
            WHERE %s AND s.tenant_id = ?
            ORDER BY s.id, a.part""";
    // The first part's row is also the lock that makes concurrent assigns of one script, from any server sharing the
    // database, run one after the other.
    private static final String REPLACE_FIRST_PART =
            "UPDATE script_assignment_set SET targets = ? WHERE tenant_id = ? AND script_id = ? AND part = 0";
    private static final String DELETE_OTHER_PARTS =
            "DELETE FROM script_assignment_set WHERE tenant_id = ? AND script_id = ? AND part > 0";
    private static final String INSERT_PART =
            "INSERT INTO script_assignment_set (tenant_id, script_id, part, targets) VALUES (?, ?, ?, ?)";

    private final Sql sql;
    private final Vendor vendor;
    /** Assigns are the changes that come in bursts: concurrent ones share a commit. */
    private final GroupCommit assigns;

    JdbcAssignmentSetRepository(Sql sql, Vendor vendor, GroupCommit assigns) {
        this.sql = sql;
        this.vendor = vendor;
        this.assigns = assigns;
    }

    @Override
    public boolean replace(TenantId tenant, ScriptId scriptId, AssignmentSet set) {
        List<byte[]> parts = PackedTargets.parts(set.targets());
        return assigns.run(scriptId.value(), connection -> write(connection, tenant.value(), scriptId.value(), parts));
    }

    /** Replaces the script's set with the parts; false, changing nothing, when the tenant has no such script. */
    static boolean write(Connection connection, UUID tenant, UUID scriptId, List<byte[]> parts) throws SQLException {
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

    /** Inserts the parts from index {@code from} on, each numbered by its index. */
    static void insertParts(Connection connection, UUID tenant, UUID scriptId, List<byte[]> parts, int from)
            throws SQLException {
        for (int part = from; part < parts.size(); part++) {
            try (PreparedStatement insert = prepare(connection, INSERT_PART, tenant, scriptId, part,
                    parts.get(part))) {
                insert.executeUpdate();
            }
        }
    }

    @Override
    public Optional<AssignmentSet> findSet(TenantId tenant, ScriptId scriptId) {
        return Optional.ofNullable(findSets(tenant, List.of(scriptId)).get(scriptId));
    }

    @Override
    public Map<ScriptId, AssignmentSet> findSets(TenantId tenant, Collection<ScriptId> scriptIds) {
        return read(sql, vendor, tenant, scriptIds);
    }

    /** The sets the database holds for those of the scripts the tenant has; a map the caller may change. */
    static Map<ScriptId, AssignmentSet> read(Sql sql, Vendor vendor, TenantId tenant, Collection<ScriptId> scriptIds) {
        if (scriptIds.isEmpty()) {
            return new HashMap<>();
        }
        Condition ofScripts = Sql.in("s.id", scriptIds.stream().map(ScriptId::value).toList());
        List<Object> parameters = new ArrayList<>(ofScripts.parameters());
        parameters.add(tenant.value());
        String statement = FIND_SETS.formatted(
                vendor.through("device_management_script s", "device_management_script_by_id"), ofScripts.sql());
        return sql.withConnection(connection -> {
            Map<ScriptId, List<AssignmentTarget>> targets = new HashMap<>();
            try (PreparedStatement find = prepare(connection, statement, parameters.toArray());
                 ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    PackedTargets.read(rows.getBytes("targets"), targets.computeIfAbsent(
                            new ScriptId(rows.getObject("id", UUID.class)), id -> new ArrayList<>()));
                }
            }
            Map<ScriptId, AssignmentSet> sets = new HashMap<>();
            targets.forEach((id, ofScript) -> sets.put(id, AssignmentSet.restore(ofScript)));
            return sets;
        });
    }
}
