package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.AssignmentSetRepository.AssignAudit;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How assigns reach script_assignment_set, for {@link JdbcAssignmentSetRepository}: through the assign journal of a
 * database that only this process opens ({@link JournaledSetWriter}), or by commits that concurrent assigns share
 * ({@link CommittingSetWriter}). Either way an assign is as durable as a commit once it is acknowledged.
 */
interface SetWriter extends AutoCloseable {

    /**
     * Replaces the script's set with the parts ({@link PackedTargets}) and writes the entry {@code audit} makes of the
     * set replaced, both durable when it returns.
     *
     * @return false, changing nothing, when the tenant has no such script
     */
    boolean replace(TenantId tenant, ScriptId scriptId, List<byte[]> parts, AssignAudit audit);

    /** Returns once the database holds every audit entry of an assign acknowledged before the call. */
    void flush();

    /**
     * The parts of those of the scripts' sets that are acknowledged but not yet in the database, to be read over the
     * database's. A set stops waiting only once the database has it.
     */
    Map<ScriptId, List<byte[]>> waitingSets(TenantId tenant, Collection<ScriptId> scriptIds);

    /** As above, of every script of the tenant. */
    Map<ScriptId, List<byte[]>> waitingSets(TenantId tenant);

    /**
     * Told by the script repository of each script inserted or deleted, once committed: a set waiting for that script
     * belongs to its earlier life, and must not show on it.
     */
    void insertedOrDeleted(TenantId tenant, ScriptId scriptId);

    /** Writes what is waiting to the database, and stops; assigns after this fail as unavailable. */
    @Override
    void close();
}
