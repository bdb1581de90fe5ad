package dev.devicescripts.domain.audit;

import java.util.List;
import java.util.Objects;

/**
 * What an Intune audit event changed: a script or an assignment filter ({@code resources[]} of an auditEvent).
 *
 * @param type               Graph's type name, e.g. {@code DeviceManagementScript}; also its auditResourceType
 * @param modifiedProperties in the order the change names them
 */
public record AuditResource(String displayName, String type, String resourceId,
                            List<ModifiedProperty> modifiedProperties) {
    public AuditResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resourceId, "resourceId");
        modifiedProperties = List.copyOf(modifiedProperties);
    }
}
