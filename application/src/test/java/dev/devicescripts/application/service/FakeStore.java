package dev.devicescripts.application.service;

import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The two outbound ports over one map, for the services' tests: each script with its set, kept as the ports
 * promise, one test at a time. The real stores are held to the same promises by the contract tests in port.out.
 */
final class FakeStore implements ScriptRepository, AssignmentSetRepository {

    private record Key(TenantId tenant, ScriptId id) {
    }

    private record Stored(DeviceManagementScript script, AssignmentSet set) {
    }

    private final Map<Key, Stored> stored = new HashMap<>();
    /** The audit entries written with the changes, in order. */
    final List<AuditEvent> audited = new ArrayList<>();

    @Override
    public void insert(TenantId tenant, DeviceManagementScript script, AuditEvent entry) {
        if (stored.putIfAbsent(new Key(tenant, script.id()), new Stored(script, AssignmentSet.EMPTY)) != null) {
            throw new IllegalStateException("A script with id " + script.id() + " already exists.");
        }
        audited.add(entry);
    }

    @Override
    public Optional<DeviceManagementScript> find(TenantId tenant, ScriptId id) {
        return Optional.ofNullable(stored.get(new Key(tenant, id))).map(Stored::script);
    }

    /** By the query model's own meaning: its filter, its order, after its cursor, then skip and top. */
    @Override
    public Page<DeviceManagementScript> list(TenantId tenant, Query<DeviceManagementScript> query) {
        List<DeviceManagementScript> listed = matching(tenant, query.filter())
                .filter(script -> query.after().map(cursor -> query.isAfter(script, cursor)).orElse(true))
                .sorted(query.comparator())
                .skip(query.skip())
                .map(DeviceManagementScript::withoutContent)
                .toList();
        List<DeviceManagementScript> page = listed.subList(0, Math.min(query.top(), listed.size()));
        return new Page<>(page, listed.size() > page.size()
                ? Optional.of(query.cursorAfter(page.get(page.size() - 1)))
                : Optional.empty());
    }

    @Override
    public long count(TenantId tenant, Optional<Filter<DeviceManagementScript>> filter) {
        return matching(tenant, filter).count();
    }

    private Stream<DeviceManagementScript> matching(TenantId tenant, Optional<Filter<DeviceManagementScript>> filter) {
        return stored.entrySet().stream()
                .filter(entry -> entry.getKey().tenant().equals(tenant))
                .map(entry -> entry.getValue().script())
                .filter(script -> filter.map(wanted -> wanted.matches(script)).orElse(true));
    }

    /** A change that throws leaves the map as it was, as computeIfPresent promises. */
    @Override
    public Optional<DeviceManagementScript> update(TenantId tenant, ScriptId id,
            UnaryOperator<DeviceManagementScript> change,
            BiFunction<DeviceManagementScript, DeviceManagementScript, AuditEvent> audit) {
        return Optional.ofNullable(stored.computeIfPresent(new Key(tenant, id), (key, entry) -> {
            DeviceManagementScript changed = change.apply(entry.script());
            audited.add(audit.apply(entry.script(), changed));
            return new Stored(changed, entry.set());
        })).map(Stored::script);
    }

    @Override
    public boolean delete(TenantId tenant, ScriptId id, Function<DeviceManagementScript, AuditEvent> audit) {
        Stored deleted = stored.remove(new Key(tenant, id));
        if (deleted != null) {
            audited.add(audit.apply(deleted.script()));
        }
        return deleted != null;
    }

    @Override
    public boolean replace(TenantId tenant, ScriptId scriptId, AssignmentSet set, AssignAudit audit) {
        return stored.computeIfPresent(new Key(tenant, scriptId), (key, entry) -> {
            audited.add(audit.entry(entry.script().properties().displayName(), entry.set()));
            return new Stored(entry.script(), set);
        }) != null;
    }

    @Override
    public Optional<AssignmentSet> findSet(TenantId tenant, ScriptId scriptId) {
        return Optional.ofNullable(stored.get(new Key(tenant, scriptId))).map(Stored::set);
    }

    @Override
    public Map<ScriptId, AssignmentSet> findSets(TenantId tenant, Collection<ScriptId> scriptIds) {
        Map<ScriptId, AssignmentSet> sets = new HashMap<>();
        scriptIds.forEach(id -> findSet(tenant, id).ifPresent(set -> sets.put(id, set)));
        return sets;
    }

    @Override
    public Map<ScriptId, AssignmentSet> findAllSets(TenantId tenant) {
        Map<ScriptId, AssignmentSet> sets = new HashMap<>();
        stored.forEach((key, entry) -> {
            if (key.tenant().equals(tenant)) {
                sets.put(key.id(), entry.set());
            }
        });
        return sets;
    }
}
