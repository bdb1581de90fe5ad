package dev.devicescripts.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of Entra's log ({@code /auditLogs/directoryAudits}, targeting.md 1.6). {@code result} is always
 * {@code success}, since only successful writes are recorded.
 *
 * @param category        {@code GroupManagement}, {@code UserManagement} or {@code Device}
 * @param loggedByService {@code Core Directory}, or {@code devicescripts} for a seed document
 * @param operationType   {@code Add}, {@code Update}, {@code Delete}, {@code Assign} or {@code Unassign}
 */
public record DirectoryAudit(UUID id, String category, UUID correlationId, String activityDisplayName,
                             Instant activityDateTime, String loggedByService, String operationType,
                             Actor initiatedBy, List<TargetResource> targetResources,
                             List<KeyValue> additionalDetails) {
    public DirectoryAudit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(activityDisplayName, "activityDisplayName");
        Objects.requireNonNull(activityDateTime, "activityDateTime");
        Objects.requireNonNull(loggedByService, "loggedByService");
        Objects.requireNonNull(operationType, "operationType");
        Objects.requireNonNull(initiatedBy, "initiatedBy");
        targetResources = List.copyOf(targetResources);
        additionalDetails = List.copyOf(additionalDetails);
    }
}
