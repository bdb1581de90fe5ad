package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.in.PageRequest;
import dev.devicescripts.application.port.in.ScriptPage;
import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.port.out.StorageStatus;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * Scripts and their assignment sets in memory, with the same semantics as the database adapter: each script and its
 * set form one immutable entry that every change swaps whole, so a reader sees an old entry or a new one, never a mix.
 */
public final class InMemoryStore implements ScriptRepository, AssignmentSetRepository, StorageStatus {

    private static final Comparator<DeviceManagementScript> CREATION_ORDER =
            Comparator.comparing(DeviceManagementScript::createdDateTime)
                    .thenComparing(script -> script.id().value().toString());

    private record Key(TenantId tenant, ScriptId id) {
    }

    private record Entry(DeviceManagementScript script, AssignmentSet assignments) {
    }

    private final ConcurrentMap<Key, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public void insert(TenantId tenant, DeviceManagementScript script) {
        Entry earlier = entries.putIfAbsent(new Key(tenant, script.id()), new Entry(script, AssignmentSet.EMPTY));
        if (earlier != null) {
            throw new IllegalStateException("A script with id " + script.id() + " already exists.");
        }
    }

    @Override
    public Optional<DeviceManagementScript> find(TenantId tenant, ScriptId id) {
        return Optional.ofNullable(entries.get(new Key(tenant, id))).map(Entry::script);
    }

    @Override
    public ScriptPage list(TenantId tenant, PageRequest page) {
        List<DeviceManagementScript> matching = entries.entrySet().stream()
                .filter(entry -> entry.getKey().tenant().equals(tenant))
                .map(entry -> entry.getValue().script())
                .sorted(CREATION_ORDER)
                .skip(page.skip())
                .limit(page.top() + 1L)
                .toList();
        boolean hasMore = matching.size() > page.top();
        List<DeviceManagementScript> pageOfScripts = matching.stream()
                .limit(page.top())
                .map(DeviceManagementScript::withoutContent)
                .toList();
        return new ScriptPage(pageOfScripts, hasMore);
    }

    @Override
    public long count(TenantId tenant) {
        return entries.keySet().stream().filter(key -> key.tenant().equals(tenant)).count();
    }

    @Override
    public Optional<DeviceManagementScript> update(TenantId tenant, ScriptId id,
                                                   UnaryOperator<DeviceManagementScript> change) {
        // computeIfPresent runs atomically per key, so concurrent updates of one script queue up.
        Entry updated = entries.computeIfPresent(new Key(tenant, id),
                (key, entry) -> new Entry(change.apply(entry.script()), entry.assignments()));
        return Optional.ofNullable(updated).map(Entry::script);
    }

    @Override
    public boolean delete(TenantId tenant, ScriptId id) {
        return entries.remove(new Key(tenant, id)) != null;
    }

    @Override
    public boolean replace(TenantId tenant, ScriptId scriptId, AssignmentSet set) {
        return entries.computeIfPresent(new Key(tenant, scriptId),
                (key, entry) -> new Entry(entry.script(), set)) != null;
    }

    @Override
    public Optional<AssignmentSet> findSet(TenantId tenant, ScriptId scriptId) {
        return Optional.ofNullable(entries.get(new Key(tenant, scriptId))).map(Entry::assignments);
    }

    @Override
    public boolean isReady() {
        return true;
    }
}
