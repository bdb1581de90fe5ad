package dev.devicescripts.application.port.out;

import static dev.devicescripts.application.port.out.ScriptFixtures.CREATED;

import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.directory.AssignedLicense;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.LoggedOnUser;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.util.List;
import java.util.UUID;

/** Directory objects for tests: the few properties a test names, the others set to plain values. */
public final class DirectoryFixtures {
    private DirectoryFixtures() {
    }

    public static User user(String displayName, String userPrincipalName) {
        return new User(UUID.randomUUID(), displayName, userPrincipalName, true, null, null, CREATED, List.of());
    }

    /** Every property set, none to its default. */
    public static User fullUser() {
        return new User(UUID.randomUUID(), "Ada Lovelace", "ada@contoso.test", false, "ada@contoso.com", "ada",
                CREATED, List.of(new AssignedLicense(UUID.randomUUID(), List.of(UUID.randomUUID(), UUID.randomUUID())),
                new AssignedLicense(UUID.randomUUID(), List.of())));
    }

    /** A security group. */
    public static Group group(String displayName) {
        return new Group(UUID.randomUUID(), displayName, null, false, displayName.replace(' ', '-'), true, List.of(),
                null, null, null, CREATED);
    }

    /** Every property set, none to its default. */
    public static Group fullGroup() {
        return new Group(UUID.randomUUID(), "Pilot users", "The first wave", true, "pilot-users", false,
                List.of("Unified", "DynamicMembership"), "(user.department -eq \"Pilot\")", "On",
                "pilot-users@contoso.test", CREATED);
    }

    public static Device device(String displayName, String operatingSystem) {
        return new Device(UUID.randomUUID(), UUID.randomUUID(), displayName, operatingSystem, "10.0.22631.4460", true,
                "AzureAd", null, null, null, null, null, null);
    }

    /** Every property set, none to its default. */
    public static Device fullDevice() {
        return new Device(UUID.randomUUID(), UUID.randomUUID(), "LAB-042", "Windows", "10.0.22631.4460", false,
                "ServerAd", true, false, "company", "Autopilot", CREATED, CREATED.plusSeconds(3600));
    }

    public static ManagedDevice managedDevice(String deviceName, String operatingSystem, UUID userId,
                                              UUID azureADDeviceId) {
        return new ManagedDevice(UUID.randomUUID(), deviceName, null, null, null, operatingSystem, null, "company",
                userId, null, null, null, List.of(), azureADDeviceId, azureADDeviceId != null, "azureADJoined", null,
                null, null, null, null, "x64", null, null, null, "compliant", List.of("0"), null);
    }

    /** Every property set, none to its default. */
    public static ManagedDevice fullManagedDevice(UUID userId, UUID azureADDeviceId) {
        return new ManagedDevice(UUID.randomUUID(), "LAB-042", "Laptop 7", "Contoso", "SN-0042", "Windows",
                "10.0.22631.4460", "personal", userId, "ada@contoso.test", "Ada Lovelace", "ada@contoso.com",
                List.of(new LoggedOnUser(userId, CREATED.plusSeconds(60)), new LoggedOnUser(UUID.randomUUID(), null)),
                azureADDeviceId, true, "hybridAzureADJoined", "windowsAutoEnrollment", CREATED,
                CREATED.plusSeconds(120), "Enterprise", 4, "arM64", "Lab", "Autopilot profile",
                "configurationManagerClientMdm", "inGracePeriod", List.of("0", "7"), true);
    }

    /** A filter without payloads, as stores keep it, with a description when {@code description} is not null. */
    public static FilterDefinition filter(String displayName, String description, FilterPlatform platform,
                                          FilterManagementType managementType) {
        return new FilterDefinition(UUID.randomUUID(), displayName, description, platform,
                "(device.deviceName -eq \"LAB-042\") or (device.model -startsWith \"Surface\")", managementType,
                List.of("0", "7"), CREATED, CREATED.plusSeconds(60), List.of());
    }

    public static DeviceRunState runState(ScriptId scriptId, UUID managedDeviceId, String runState) {
        return new DeviceRunState(scriptId, managedDeviceId, runState, null, null, null, null);
    }
}
