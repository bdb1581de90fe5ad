package dev.devicescripts.domain.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A device as the directory (Entra ID) knows it. Groups hold it by its object {@code id}; Intune's managed device
 * names it by {@code deviceId}, a different GUID (the alternate key). Confusing the two is the classic bug.
 *
 * @param trustType {@code AzureAd} (joined), {@code ServerAd} (hybrid joined), {@code Workplace} (registered)
 */
public record Device(UUID id, UUID deviceId, String displayName, String operatingSystem,
                     String operatingSystemVersion, boolean accountEnabled, String trustType, Boolean isManaged,
                     Boolean isCompliant, String deviceOwnership, String enrollmentProfileName,
                     Instant registrationDateTime, Instant approximateLastSignInDateTime)
        implements DirectoryObject {
    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
    }

    @Override
    public Kind kind() {
        return Kind.DEVICE;
    }
}
