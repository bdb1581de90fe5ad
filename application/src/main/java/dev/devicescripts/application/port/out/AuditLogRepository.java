package dev.devicescripts.application.port.out;

import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.DirectoryAudit;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads both audit logs, each entry under its tenant, and lets old entries go. Entries are written only with their
 * change: by {@link ScriptRepository}, {@link AssignmentSetRepository} and {@link DirectoryWrites}.
 */
public interface AuditLogRepository {

    /** The page of the tenant's Intune audit events the query names, filtered, ordered and paged in the store. */
    Page<AuditEvent> auditEvents(TenantId tenant, Query<AuditEvent> query);

    long countAuditEvents(TenantId tenant, Optional<Filter<AuditEvent>> filter);

    Optional<AuditEvent> auditEvent(TenantId tenant, UUID id);

    /** The page of the tenant's directory audits the query names, filtered, ordered and paged in the store. */
    Page<DirectoryAudit> directoryAudits(TenantId tenant, Query<DirectoryAudit> query);

    long countDirectoryAudits(TenantId tenant, Optional<Filter<DirectoryAudit>> filter);

    Optional<DirectoryAudit> directoryAudit(TenantId tenant, UUID id);

    /**
     * Deletes at most {@code limit} entries of either log, of any tenant, whose activityDateTime is before
     * {@code cutoff}, oldest first, in one short transaction.
     *
     * @return how many it deleted; fewer than {@code limit} when no more have expired
     */
    int deleteExpired(Instant cutoff, int limit);
}
