package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.DirectoryAudit;
import java.util.List;
import java.util.UUID;

/**
 * Reads both audit logs (targeting.md 1.5 and 1.6): Intune's audit events and Entra's directory audits. They are
 * read-only: an entry is written only with its change.
 */
public interface AuditLogUseCases {
    ListUseCase<AuditEvent> auditEvents();

    AuditEvent auditEvent(Caller caller, UUID id);

    /** Intune's audit categories, as Graph lists them. */
    List<String> auditCategories(Caller caller);

    /** The activity types devicescripts writes in the category (named as Graph names it); none in the others. */
    List<String> auditActivityTypes(Caller caller, String category);

    ListUseCase<DirectoryAudit> directoryAudits();

    DirectoryAudit directoryAudit(Caller caller, UUID id);
}
