package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.port.out.StorageStatus;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Pages;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Scripts and their assignment sets in memory, with the same semantics as the database adapter: each script and its
 * set form one immutable entry that every change swaps whole, so a reader sees an old entry or a new one, never a mix.
 * Beside them, the directory ({@link #directory()}), whose run states name these scripts.
 */
public final class InMemoryStore implements ScriptRepository, AssignmentSetRepository, StorageStatus {

    private record Key(TenantId tenant, ScriptId id) {
    }

    private record StoredScript(DeviceManagementScript script, AssignmentSet assignments) {
    }

    private final ConcurrentMap<Key, StoredScript> entries = new ConcurrentHashMap<>();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryDirectory directory =
            new InMemoryDirectory((tenant, id) -> entries.containsKey(new Key(tenant, id)), auditLog);

    /** The directory, users, groups, devices and the run states of these scripts. */
    public InMemoryDirectory directory() {
        return directory;
    }

    /** Both audit logs, which every change of these scripts and of the directory writes to. */
    public InMemoryAuditLog auditLog() {
        return auditLog;
    }

    @Override
    public void insert(TenantId tenant, DeviceManagementScript script, AuditEvent entry) {
        // Each compute below records the entry inside the per-key step that makes its change.
        entries.compute(new Key(tenant, script.id()), (key, earlier) -> {
            if (earlier != null) {
                throw new IllegalStateException("A script with id " + script.id() + " already exists.");
            }
            auditLog.add(tenant, entry);
            return new StoredScript(script, AssignmentSet.EMPTY);
        });
    }

    @Override
    public Optional<DeviceManagementScript> find(TenantId tenant, ScriptId id) {
        return Optional.ofNullable(entries.get(new Key(tenant, id))).map(StoredScript::script);
    }

    @Override
    public Page<DeviceManagementScript> list(TenantId tenant, Query<DeviceManagementScript> query) {
        Page<DeviceManagementScript> page = Pages.page(scriptsOf(tenant), query);
        return new Page<>(page.items().stream().map(DeviceManagementScript::withoutContent).toList(), page.next());
    }

    @Override
    public long count(TenantId tenant, Optional<Filter<DeviceManagementScript>> filter) {
        return Pages.count(scriptsOf(tenant), filter);
    }

    private Stream<DeviceManagementScript> scriptsOf(TenantId tenant) {
        return entries.entrySet().stream()
                .filter(entry -> entry.getKey().tenant().equals(tenant))
                .map(entry -> entry.getValue().script());
    }

    @Override
    public Optional<DeviceManagementScript> update(TenantId tenant, ScriptId id,
            UnaryOperator<DeviceManagementScript> change,
            BiFunction<DeviceManagementScript, DeviceManagementScript, AuditEvent> audit) {
        // computeIfPresent runs atomically per key, so concurrent updates of one script queue up.
        StoredScript updated = entries.computeIfPresent(new Key(tenant, id), (key, entry) -> {
            DeviceManagementScript after = change.apply(entry.script());
            auditLog.add(tenant, audit.apply(entry.script(), after));
            return new StoredScript(after, entry.assignments());
        });
        return Optional.ofNullable(updated).map(StoredScript::script);
    }

    @Override
    public boolean delete(TenantId tenant, ScriptId id, Function<DeviceManagementScript, AuditEvent> audit) {
        boolean[] deleted = {false};
        entries.computeIfPresent(new Key(tenant, id), (key, entry) -> {
            auditLog.add(tenant, audit.apply(entry.script()));
            deleted[0] = true;
            return null;
        });
        if (deleted[0]) {
            directory.deleteRunStates(tenant, id);
        }
        return deleted[0];
    }

    @Override
    public boolean replace(TenantId tenant, ScriptId scriptId, AssignmentSet set, AssignAudit audit) {
        return entries.computeIfPresent(new Key(tenant, scriptId), (key, entry) -> {
            auditLog.add(tenant, audit.entry(entry.script().properties().displayName(), entry.assignments()));
            return new StoredScript(entry.script(), set);
        }) != null;
    }

    @Override
    public Optional<AssignmentSet> findSet(TenantId tenant, ScriptId scriptId) {
        return Optional.ofNullable(entries.get(new Key(tenant, scriptId))).map(StoredScript::assignments);
    }

    @Override
    public Map<ScriptId, AssignmentSet> findSets(TenantId tenant, Collection<ScriptId> scriptIds) {
        Map<ScriptId, AssignmentSet> sets = new HashMap<>();
        for (ScriptId id : scriptIds) {
            findSet(tenant, id).ifPresent(set -> sets.put(id, set));
        }
        return sets;
    }

    @Override
    public Map<ScriptId, AssignmentSet> findAllSets(TenantId tenant) {
        Map<ScriptId, AssignmentSet> sets = new HashMap<>();
        entries.forEach((key, script) -> {
            if (key.tenant().equals(tenant)) {
                sets.put(key.id(), script.assignments());
            }
        });
        return sets;
    }

    /** Memory is always there. */
    @Override
    public Readiness readiness() {
        return Readiness.ready();
    }
}
