package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.adapter.persistence.jdbc.ScriptQuerySql.Condition;
import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Assignment sets as rows of script_assignment_target, one per target, in the order the set holds them. */
final class JdbcAssignmentSetRepository implements AssignmentSetRepository {

    // One statement reads the scripts and their targets together, so a concurrent replace's commit cannot show
    // through half-way; a script without targets gives one row whose target columns are null. The scripts are found
    // by an IN list over an index that starts with the id (see Sql.in): the primary key starts with the tenant.
    private static final String FIND_SETS = """
            SELECT s.id, t.target_type, t.group_id, t.collection_id, t.filter_type, t.filter_id
            FROM %s
            LEFT JOIN script_assignment_target t ON t.tenant_id = s.tenant_id AND t.script_id = s.id
            WHERE %s AND s.tenant_id = ?
            ORDER BY s.id, t.position""";
    private static final String DELETE_TARGETS =
            "DELETE FROM script_assignment_target WHERE tenant_id = ? AND script_id = ?";
    private static final String INSERT_TARGET = """
            INSERT INTO script_assignment_target (tenant_id, script_id, position, target_type, group_id, collection_id,
                filter_type, filter_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Sql sql;
    private final Vendor vendor;
    /** Assigns are the writes that come in bursts: concurrent ones share a commit. */
    private final GroupCommit assigns;

    JdbcAssignmentSetRepository(Sql sql, Vendor vendor) {
        this.sql = sql;
        this.vendor = vendor;
        this.assigns = new GroupCommit(sql);
    }

    @Override
    public boolean replace(TenantId tenant, ScriptId scriptId, AssignmentSet set) {
        return assigns.run(scriptId.value(), connection -> {
            if (!JdbcScriptRepository.lock(connection, tenant, scriptId)) {
                return false;
            }
            try (PreparedStatement delete = prepare(connection, DELETE_TARGETS, tenant.value(), scriptId.value())) {
                delete.executeUpdate();
            }
            // One batch for the whole set: an assign may name a thousand targets.
            try (PreparedStatement insert = connection.prepareStatement(INSERT_TARGET)) {
                List<AssignmentTarget> targets = set.targets();
                for (int position = 0; position < targets.size(); position++) {
                    TargetRow row = TargetRow.of(targets.get(position));
                    Sql.bind(insert, tenant.value(), scriptId.value(), position, row.targetType(), row.groupId(),
                            row.collectionId(), row.filter().type().graphName(), row.filter().filterId());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        });
    }

    @Override
    public Optional<AssignmentSet> findSet(TenantId tenant, ScriptId scriptId) {
        return Optional.ofNullable(findSets(tenant, List.of(scriptId)).get(scriptId));
    }

    @Override
    public Map<ScriptId, AssignmentSet> findSets(TenantId tenant, Collection<ScriptId> scriptIds) {
        if (scriptIds.isEmpty()) {
            return Map.of();
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
                    List<AssignmentTarget> ofScript = targets.computeIfAbsent(
                            new ScriptId(rows.getObject("id", UUID.class)), id -> new ArrayList<>());
                    if (rows.getString("target_type") != null) {
                        ofScript.add(TargetRow.read(rows).toTarget());
                    }
                }
            }
            Map<ScriptId, AssignmentSet> sets = new HashMap<>();
            targets.forEach((id, ofScript) -> sets.put(id, AssignmentSet.restore(ofScript)));
            return sets;
        });
    }
}
