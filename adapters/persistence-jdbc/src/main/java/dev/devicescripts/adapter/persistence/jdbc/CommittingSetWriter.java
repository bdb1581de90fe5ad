package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.adapter.persistence.jdbc.AssignmentSetRows.Stored;
import dev.devicescripts.application.port.out.AssignmentSetRepository.AssignAudit;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns that commit to the database before they are acknowledged, concurrent ones sharing a commit through
 * {@link GroupCommit}. For a database that other processes write to as well (PostgreSQL shared by several servers),
 * which must see every acknowledged assign, and for one opened by URL. Nothing waits outside the database.
 */
final class CommittingSetWriter implements SetWriter {
    /** Assigns are the changes that come in bursts: concurrent ones share a commit. */
    private final GroupCommit assigns;

    CommittingSetWriter(GroupCommit assigns) {
        this.assigns = assigns;
    }

    @Override
    public boolean replace(TenantId tenant, ScriptId scriptId, List<byte[]> parts, AssignAudit audit) {
        return assigns.run(scriptId.value(), connection -> {
            Optional<Stored> replaced = AssignmentSetRows.locked(connection, tenant.value(), scriptId.value());
            if (replaced.isEmpty()) {
                return false;
            }
            AuditEvent entry = audit.entry(replaced.get().displayName(), PackedTargets.set(replaced.get().parts()));
            AssignmentSetRows.replace(connection, tenant.value(), scriptId.value(), parts);
            AuditRows.insert(connection, tenant.value(), entry);
            return true;
        });
    }

    /** Nothing to do: an assign is acknowledged once its commit holds its entry. */
    @Override
    public void flush() {
    }

    @Override
    public Map<ScriptId, List<byte[]>> waitingSets(TenantId tenant, Collection<ScriptId> scriptIds) {
        return Map.of();
    }

    @Override
    public Map<ScriptId, List<byte[]>> waitingSets(TenantId tenant) {
        return Map.of();
    }

    /** Nothing to do: every set acknowledged is in the database, where a script's delete takes its set along. */
    @Override
    public void insertedOrDeleted(TenantId tenant, ScriptId scriptId) {
    }

    @Override
    public void close() {
        assigns.close();
    }
}
