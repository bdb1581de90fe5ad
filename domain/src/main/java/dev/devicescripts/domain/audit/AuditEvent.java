package dev.devicescripts.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of Intune's log ({@code /deviceManagement/auditEvents}, targeting.md 1.5). Graph writes {@code activity}
 * also as displayName and activityType, and {@code category} also as componentName; activityResult is always
 * {@code Success}, since only successful writes are recorded.
 *
 * @param activity      e.g. {@code Create DeviceManagementScript}
 * @param operationType {@code Create}, {@code Patch}, {@code Delete} or {@code Action}
 */
public record AuditEvent(UUID id, String activity, String operationType, String category, Instant activityDateTime,
                         UUID correlationId, Actor actor, List<AuditResource> resources) {
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(operationType, "operationType");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(activityDateTime, "activityDateTime");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(actor, "actor");
        resources = List.copyOf(resources);
    }
}
