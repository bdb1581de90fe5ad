package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.DirectoryWrites;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The directory in memory, with the database adapter's semantics. Each tenant's directory is an immutable state that
 * readers use without locks; a write takes the tenant's lock, changes a draft that shares the state's maps until it
 * changes them, and swaps the draft in when the work returns: a work that throws leaves nothing behind, and a reader
 * sees the directory before a write or after it, never between.
 */
public final class InMemoryDirectory implements DirectoryRepository {
    private final BiPredicate<TenantId, ScriptId> scriptExists;
    private final InMemoryAuditLog auditLog;
    private final ConcurrentMap<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

    /** A tenant's committed directory; its monitor is the tenant's write lock. */
    private static final class Tenant {
        private volatile DirectoryState committed;

        Tenant(DirectoryState committed) {
            this.committed = committed;
        }
    }

    /**
     * @param scriptExists whether the tenant has the script, which run states name (see danglingReferences)
     * @param auditLog     where the entries a write records go when it commits
     */
    InMemoryDirectory(BiPredicate<TenantId, ScriptId> scriptExists, InMemoryAuditLog auditLog) {
        this.scriptExists = scriptExists;
        this.auditLog = auditLog;
    }

    @Override
    public DirectoryReads reads(TenantId tenant) {
        Tenant held = tenants.get(tenant);
        return held != null ? held.committed : empty(tenant);
    }

    @Override
    public <R> R write(TenantId tenant, Function<DirectoryWrites, R> work) {
        return change(tenant, work::apply);
    }

    /** Forgets the run states of a script that was deleted. */
    void deleteRunStates(TenantId tenant, ScriptId scriptId) {
        change(tenant, draft -> {
            draft.deleteRunStates(scriptId);
            return null;
        });
    }

    private <R> R change(TenantId tenant, Function<DirectoryState, R> work) {
        Tenant held = tenants.computeIfAbsent(tenant, key -> new Tenant(empty(key)));
        synchronized (held) {
            DirectoryState draft = held.committed.draft();
            R result;
            try {
                result = work.apply(draft);
            } finally {
                draft.freeze();
            }
            held.committed = draft;
            draft.recordedEvents().forEach(entry -> auditLog.add(tenant, entry));
            draft.recordedAudits().forEach(entry -> auditLog.add(tenant, entry));
            return result;
        }
    }

    private DirectoryState empty(TenantId tenant) {
        return DirectoryState.empty(script -> scriptExists.test(tenant, script));
    }

    /** The committed state as it is now, which no write changes: a write swaps in another. */
    @Override
    public <R> R snapshot(TenantId tenant, Function<DirectoryReads, R> work) {
        return work.apply(reads(tenant));
    }
}
