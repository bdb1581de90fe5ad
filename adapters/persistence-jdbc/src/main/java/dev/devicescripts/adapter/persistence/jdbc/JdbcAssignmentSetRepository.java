package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.domain.AssignmentSet;
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

/**
 * Assignment sets as rows of script_assignment_set: every script has one from its creation on, and an assign rewrites
 * it whole. A set is read and written whole, never searched by its targets, so its targets are one binary value (see
 * {@link PackedTargets}) rather than a row each, and an assign writes one row (docs/adr/0002-packed-targets.md). How
 * an assign reaches the table is its {@link SetWriter}'s.
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

    private final Sql sql;
    /** The FROM item of {@link #FIND_SETS} for some scripts: through their index by id on this database. */
    private final String scriptsById;
    private final SetWriter writer;

    JdbcAssignmentSetRepository(Sql sql, Vendor vendor, SetWriter writer) {
        this.sql = sql;
        this.scriptsById = vendor.through("device_management_script s", "device_management_script_by_id");
        this.writer = writer;
    }

    @Override
    public boolean replace(TenantId tenant, ScriptId scriptId, AssignmentSet set, AssignAudit audit) {
        return writer.replace(tenant, scriptId, PackedTargets.parts(set.targets()), audit);
    }

    @Override
    public Optional<AssignmentSet> findSet(TenantId tenant, ScriptId scriptId) {
        return Optional.ofNullable(findSets(tenant, List.of(scriptId)).get(scriptId));
    }

    /**
     * Takes the sets waiting before reading the database: a set stops waiting only once the database has it, so
     * whatever is not waiting then is in the database by the time it is read.
     */
    @Override
    public Map<ScriptId, AssignmentSet> findSets(TenantId tenant, Collection<ScriptId> scriptIds) {
        if (scriptIds.isEmpty()) {
            return new HashMap<>();
        }
        Map<ScriptId, List<byte[]>> newer = writer.waitingSets(tenant, scriptIds);
        return newest(stored(tenant, scriptsById, Sql.in("s.id", scriptIds.stream().map(ScriptId::value).toList())),
                newer);
    }

    /** As findSets, read through the primary key, which starts with the tenant. */
    @Override
    public Map<ScriptId, AssignmentSet> findAllSets(TenantId tenant) {
        Map<ScriptId, List<byte[]>> newer = writer.waitingSets(tenant);
        return newest(stored(tenant, "device_management_script s", Condition.ALWAYS), newer);
    }

    /** The stored sets, those that wait replacing theirs: only scripts the database has (one deleted has no set). */
    private static Map<ScriptId, AssignmentSet> newest(Map<ScriptId, AssignmentSet> stored,
                                                       Map<ScriptId, List<byte[]>> newer) {
        newer.forEach((id, parts) -> stored.computeIfPresent(id, (script, set) -> PackedTargets.set(parts)));
        return stored;
    }

    /**
     * The sets the database holds for the tenant's scripts that {@code ofScripts} holds for, read FROM {@code scripts};
     * a map the caller may change.
     */
    private Map<ScriptId, AssignmentSet> stored(TenantId tenant, String scripts, Condition ofScripts) {
        List<Object> parameters = new ArrayList<>(ofScripts.parameters());
        parameters.add(tenant.value());
        String statement = FIND_SETS.formatted(scripts, ofScripts.sql());
        return sql.withConnection(connection -> {
            Map<ScriptId, List<byte[]>> parts = new HashMap<>();
            try (PreparedStatement find = prepare(connection, statement, parameters.toArray());
                 ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    parts.computeIfAbsent(new ScriptId(rows.getObject("id", UUID.class)), id -> new ArrayList<>())
                            .add(rows.getBytes("targets"));
                }
            }
            Map<ScriptId, AssignmentSet> sets = new HashMap<>();
            parts.forEach((id, ofScript) -> sets.put(id, PackedTargets.set(ofScript)));
            return sets;
        });
    }
}
