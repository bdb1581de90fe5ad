package dev.devicescripts.domain.directory;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A device as Intune manages it. It reaches groups only through its Entra device: {@code azureADDeviceId} equals
 * that device's {@code deviceId} (not its object id); without one it belongs to no group. Assignment filters read
 * these properties. {@code isTpmAttested} is not a Graph property: it feeds the filter property of that name.
 */
public record ManagedDevice(UUID id, String deviceName, String model, String manufacturer, String serialNumber,
                            String operatingSystem, String osVersion, String managedDeviceOwnerType, UUID userId,
                            String userPrincipalName, String userDisplayName, String emailAddress,
                            List<LoggedOnUser> usersLoggedOn, UUID azureADDeviceId, boolean azureADRegistered,
                            String joinType, String deviceEnrollmentType, Instant enrolledDateTime,
                            Instant lastSyncDateTime, String skuFamily, Integer skuNumber,
                            String processorArchitecture, String deviceCategoryDisplayName,
                            String enrollmentProfileName, String managementAgent, String complianceState,
                            List<String> roleScopeTagIds, Boolean isTpmAttested) {
    public ManagedDevice {
        Objects.requireNonNull(id, "id");
        usersLoggedOn = List.copyOf(usersLoggedOn);
        roleScopeTagIds = List.copyOf(roleScopeTagIds);
    }

    /** The same device registered as the Entra device whose deviceId is {@code deviceId}. */
    public ManagedDevice withAzureADDeviceId(UUID deviceId) {
        return new ManagedDevice(id, deviceName, model, manufacturer, serialNumber, operatingSystem, osVersion,
                managedDeviceOwnerType, userId, userPrincipalName, userDisplayName, emailAddress, usersLoggedOn,
                deviceId, true, joinType, deviceEnrollmentType, enrolledDateTime, lastSyncDateTime, skuFamily,
                skuNumber, processorArchitecture, deviceCategoryDisplayName, enrollmentProfileName, managementAgent,
                complianceState, roleScopeTagIds, isTpmAttested);
    }

    /**
     * The users who sign in on the device, as targeting reads "signs in" (targeting.md 3.5): the primary user, then
     * each user logged on, once each.
     */
    public Set<UUID> signedInUserIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        if (userId != null) {
            ids.add(userId);
        }
        usersLoggedOn.forEach(logOn -> ids.add(logOn.userId()));
        return ids;
    }

    /** The same device with its primary user's names as Intune copies them from the user. */
    public ManagedDevice withPrimaryUserNames(String principalName, String displayName, String email) {
        return new ManagedDevice(id, deviceName, model, manufacturer, serialNumber, operatingSystem, osVersion,
                managedDeviceOwnerType, userId, principalName, displayName, email, usersLoggedOn, azureADDeviceId,
                azureADRegistered, joinType, deviceEnrollmentType, enrolledDateTime, lastSyncDateTime, skuFamily,
                skuNumber, processorArchitecture, deviceCategoryDisplayName, enrollmentProfileName, managementAgent,
                complianceState, roleScopeTagIds, isTpmAttested);
    }
}
