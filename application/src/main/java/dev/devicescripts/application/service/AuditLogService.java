package dev.devicescripts.application.service;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.application.port.in.AuditLogUseCases;
import dev.devicescripts.application.port.in.ListUseCase;
import dev.devicescripts.application.port.out.AuditLogRepository;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.DirectoryAudit;
import dev.devicescripts.domain.audit.IntuneAudits;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Both audit logs, each entry read in the caller's tenant with the permission Graph asks for its log. */
public final class AuditLogService implements AuditLogUseCases {
    private final AuditLogRepository logs;
    private final ListUseCase<AuditEvent> auditEvents;
    private final ListUseCase<DirectoryAudit> directoryAudits;

    public AuditLogService(AuditLogRepository logs) {
        this.logs = logs;
        this.auditEvents = new ListUseCase<>() {
            @Override
            public Page<AuditEvent> list(Caller caller, Query<AuditEvent> query) {
                return logs.auditEvents(Access.AUDIT_EVENT_READ.tenantOf(caller), query);
            }

            @Override
            public long count(Caller caller, Optional<Filter<AuditEvent>> filter) {
                return logs.countAuditEvents(Access.AUDIT_EVENT_READ.tenantOf(caller), filter);
            }
        };
        this.directoryAudits = new ListUseCase<>() {
            @Override
            public Page<DirectoryAudit> list(Caller caller, Query<DirectoryAudit> query) {
                return logs.directoryAudits(Access.DIRECTORY_AUDIT_READ.tenantOf(caller), query);
            }

            @Override
            public long count(Caller caller, Optional<Filter<DirectoryAudit>> filter) {
                return logs.countDirectoryAudits(Access.DIRECTORY_AUDIT_READ.tenantOf(caller), filter);
            }
        };
    }

    @Override
    public ListUseCase<AuditEvent> auditEvents() {
        return auditEvents;
    }

    /** Another tenant's entry is not found either. */
    @Override
    public AuditEvent auditEvent(Caller caller, UUID id) {
        return logs.auditEvent(Access.AUDIT_EVENT_READ.tenantOf(caller), id).orElseThrow(
                () -> new NotFoundException("No auditEvent with id " + id + " exists."));
    }

    @Override
    public List<String> auditCategories(Caller caller) {
        Access.AUDIT_EVENT_READ.tenantOf(caller);
        return IntuneAudits.CATEGORIES;
    }

    /** Categories compare ignoring case, as Intune compares strings. */
    @Override
    public List<String> auditActivityTypes(Caller caller, String category) {
        Access.AUDIT_EVENT_READ.tenantOf(caller);
        return IntuneAudits.CATEGORY.equalsIgnoreCase(category) ? IntuneAudits.ACTIVITY_TYPES : List.of();
    }

    @Override
    public ListUseCase<DirectoryAudit> directoryAudits() {
        return directoryAudits;
    }

    @Override
    public DirectoryAudit directoryAudit(Caller caller, UUID id) {
        return logs.directoryAudit(Access.DIRECTORY_AUDIT_READ.tenantOf(caller), id).orElseThrow(
                () -> new NotFoundException("No directoryAudit with id " + id + " exists."));
    }
}
