package dev.devicescripts.application.port.out;

import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Keeps the assignment set of each script, replaced only whole. */
public interface AssignmentSetRepository {

    /**
     * Replaces the script's set with {@code set} in one step, and stores the audit entry {@code audit} makes of the
     * set it replaced with it: a concurrent reader sees the old set or the new one, never a mix, and concurrent
     * replaces of one script run one after the other (the last one wins), each entry naming the set it replaced.
     *
     * @return false, changing nothing, when the tenant has no such script
     */
    boolean replace(TenantId tenant, ScriptId scriptId, AssignmentSet set, AssignAudit audit);

    /** Makes an assign's audit entry from what the store reads in the same step as the replace. */
    @FunctionalInterface
    interface AssignAudit {
        /**
         * @param scriptDisplayName the script's displayName as stored
         * @param before            the set the assign replaces
         */
        AuditEvent entry(String scriptDisplayName, AssignmentSet before);
    }

    /** The script's set, or empty when the tenant has no such script. */
    Optional<AssignmentSet> findSet(TenantId tenant, ScriptId scriptId);

    /** The sets of those of the scripts the tenant has, read together (for $expand on a page of scripts). */
    Map<ScriptId, AssignmentSet> findSets(TenantId tenant, Collection<ScriptId> scriptIds);

    /** The set of every script the tenant has (what names a filter, what reaches a device), read together. */
    Map<ScriptId, AssignmentSet> findAllSets(TenantId tenant);
}
