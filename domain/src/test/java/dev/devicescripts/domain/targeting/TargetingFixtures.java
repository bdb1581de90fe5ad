package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.directory.AssignedLicense;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.LoggedOnUser;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Small directories for the targeting tests. Ids tell their kind by the high half: users 1, groups 2, Entra devices 3
 * (their deviceIds 4), managed devices 5, filters 6, scripts 7; the low half is the object's number.
 */
final class TargetingFixtures {
    static final UUID LICENSE = new UUID(9, 9);

    private TargetingFixtures() {
    }

    static UUID userId(int n) {
        return new UUID(1, n);
    }

    static UUID groupId(int n) {
        return new UUID(2, n);
    }

    static UUID entraId(int n) {
        return new UUID(3, n);
    }

    static UUID deviceId(int n) {
        return new UUID(4, n);
    }

    static UUID managedId(int n) {
        return new UUID(5, n);
    }

    static UUID filterId(int n) {
        return new UUID(6, n);
    }

    static User user(int n) {
        return user(n, true, true);
    }

    static User user(int n, boolean enabled, boolean licensed) {
        return new User(userId(n), "User" + n, "user" + n + "@contoso.test", enabled, null, null, Instant.EPOCH,
                licensed ? List.of(new AssignedLicense(LICENSE, List.of())) : List.of());
    }

    static Group group(int n) {
        return new Group(groupId(n), "G" + n, null, false, "g" + n, true, List.of(), null, null, null, Instant.EPOCH);
    }

    static Group dynamicGroup(int n) {
        return new Group(groupId(n), "G" + n, null, false, "g" + n, true, List.of(Group.DYNAMIC_MEMBERSHIP),
                "(device.deviceOSType -eq \"Windows\")", "On", null, Instant.EPOCH);
    }

    static Group unifiedGroup(int n) {
        return new Group(groupId(n), "G" + n, null, true, "g" + n, false, List.of(Group.UNIFIED), null, null, null,
                Instant.EPOCH);
    }

    /** Entra device n: object id {@link #entraId}, deviceId {@link #deviceId}. */
    static Device entra(int n) {
        return entra(n, "AzureAd");
    }

    static Device entra(int n, String trustType) {
        return new Device(entraId(n), deviceId(n), "DEV-" + n, "Windows", "10.0.22631.4460", true, trustType, true,
                true, "company", null, Instant.EPOCH, null);
    }

    /** Managed device n, a joined Windows Enterprise device registered as Entra device n, without users. */
    static Managed managed(int n) {
        return new Managed(n);
    }

    static FilterDefinition filter(int n, FilterPlatform platform, FilterManagementType type, String rule) {
        return new FilterDefinition(filterId(n), "F" + n, null, platform, rule, type, List.of("0"), Instant.EPOCH,
                Instant.EPOCH, List.of());
    }

    static FilterDefinition windowsFilter(int n, String rule) {
        return filter(n, FilterPlatform.WINDOWS_10_AND_LATER, FilterManagementType.DEVICES, rule);
    }

    static GroupAssignmentTarget include(int group) {
        return GroupAssignmentTarget.withoutFilter(new GroupId(groupId(group)));
    }

    static GroupAssignmentTarget include(int group, AssignmentFilter filter) {
        return new GroupAssignmentTarget(new GroupId(groupId(group)), filter);
    }

    static ExclusionGroupAssignmentTarget exclude(int group) {
        return new ExclusionGroupAssignmentTarget(new GroupId(groupId(group)));
    }

    static AllDevicesAssignmentTarget allDevices() {
        return new AllDevicesAssignmentTarget(AssignmentFilter.NONE);
    }

    static AllLicensedUsersAssignmentTarget allUsers() {
        return new AllLicensedUsersAssignmentTarget(AssignmentFilter.NONE);
    }

    static ConfigurationManagerCollectionAssignmentTarget collection() {
        return new ConfigurationManagerCollectionAssignmentTarget("SMS00001", AssignmentFilter.NONE);
    }

    static TargetedScript script(AssignmentTarget... targets) {
        return script(RunAsAccount.SYSTEM, targets);
    }

    static TargetedScript script(RunAsAccount runAs, AssignmentTarget... targets) {
        return script(1, runAs, List.of(targets));
    }

    static TargetedScript script(int n, RunAsAccount runAs, List<AssignmentTarget> targets) {
        return new TargetedScript(new ScriptId(new UUID(7, n)), "Script" + n + ".ps1", runAs,
                AssignmentSet.of(targets, AssignmentSet.DEFAULT_MAX_TARGETS));
    }

    /** A managed device, set field by field. */
    static final class Managed {
        private UUID id;
        private String name;
        private String operatingSystem = "Windows";
        private UUID azureADDeviceId;
        private String joinType = "azureADJoined";
        private Integer sku = 4;
        private String agent = "mdm";
        private String model = "Laptop 7";
        private UUID primaryUser;
        private final List<LoggedOnUser> loggedOn = new ArrayList<>();

        private Managed(int n) {
            id = managedId(n);
            name = "DEV-" + n;
            azureADDeviceId = deviceId(n);
        }

        Managed id(UUID value) {
            id = value;
            return this;
        }

        Managed name(String value) {
            name = value;
            return this;
        }

        Managed os(String value) {
            operatingSystem = value;
            return this;
        }

        Managed azureADDeviceId(UUID value) {
            azureADDeviceId = value;
            return this;
        }

        Managed joinType(String value) {
            joinType = value;
            return this;
        }

        Managed sku(Integer value) {
            sku = value;
            return this;
        }

        Managed agent(String value) {
            agent = value;
            return this;
        }

        Managed model(String value) {
            model = value;
            return this;
        }

        Managed primary(int user) {
            primaryUser = userId(user);
            return this;
        }

        Managed loggedOn(int... users) {
            Arrays.stream(users).forEach(user -> loggedOn.add(new LoggedOnUser(userId(user), Instant.EPOCH)));
            return this;
        }

        ManagedDevice build() {
            return new ManagedDevice(id, name, model, "Contoso", null, operatingSystem, "10.0.22631.4460", "company",
                    primaryUser, null, null, null, loggedOn, azureADDeviceId, azureADDeviceId != null, joinType,
                    null, Instant.EPOCH, Instant.EPOCH, null, sku, "x64", null, null, agent, "compliant", List.of("0"),
                    true);
        }
    }
}
