package dev.devicescripts.domain.audit;

import static dev.devicescripts.domain.audit.IntuneAuditsTest.STAMP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.directory.AssignedLicense;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DirectoryAuditsTest {
    private static final Instant CREATED = Instant.parse("2026-11-28T10:00:00Z");
    private static final UUID SKU = UUID.fromString("5c000000-0000-4000-8000-000000000001");
    private final Group group = new Group(UUID.fromString("6f000000-0000-4000-8000-000000000001"), "Pilot", null,
            false, "pilot", true, List.of(), null, null, null, CREATED);
    private final User user = new User(UUID.fromString("a0000000-0000-4000-8000-000000000001"), "Ada",
            "ada@contoso.test", true, null, "ada", CREATED, List.of(new AssignedLicense(SKU, List.of())));
    private final Device device = new Device(UUID.fromString("d0000000-0000-4000-8000-000000000001"),
            UUID.fromString("d1000000-0000-4000-8000-000000000001"), "LAB-042", "Windows", "10.0", true, "AzureAd",
            null, false, null, null, CREATED, null);

    @Test
    void groupEntriesAreGroupManagementByCoreDirectoryWithTheChangedProperties() {
        DirectoryAudit added = DirectoryAudits.groupAdded(STAMP, group);
        assertThat(added.category()).isEqualTo("GroupManagement");
        assertThat(added.activityDisplayName()).isEqualTo("Add group");
        assertThat(added.operationType()).isEqualTo("Add");
        assertThat(added.loggedByService()).isEqualTo("Core Directory");
        assertThat(added.initiatedBy()).isEqualTo(STAMP.actor());
        assertThat(added.correlationId()).isEqualTo(STAMP.correlationId());
        assertThat(added.targetResources()).containsExactly(new TargetResource(group.id().toString(), "Pilot",
                "Group", null, List.of(new ModifiedProperty("displayName", null, "Pilot"),
                        new ModifiedProperty("mailEnabled", null, "false"),
                        new ModifiedProperty("mailNickname", null, "pilot"),
                        new ModifiedProperty("securityEnabled", null, "true"),
                        new ModifiedProperty("groupTypes", null, "[]"))));

        Group renamed = new Group(group.id(), "Pilot 2", "Second wave", false, "pilot", true, List.of(), null, null,
                null, CREATED);
        DirectoryAudit updated = DirectoryAudits.groupUpdated(STAMP, group, renamed);
        assertThat(updated.activityDisplayName()).isEqualTo("Update group");
        assertThat(updated.operationType()).isEqualTo("Update");
        assertThat(updated.targetResources().get(0).modifiedProperties()).containsExactly(
                new ModifiedProperty("displayName", "Pilot", "Pilot 2"),
                new ModifiedProperty("description", null, "Second wave"));

        DirectoryAudit deleted = DirectoryAudits.groupDeleted(STAMP, group);
        assertThat(deleted.activityDisplayName()).isEqualTo("Delete group");
        assertThat(deleted.operationType()).isEqualTo("Delete");
        assertThat(deleted.targetResources()).containsExactly(new TargetResource(group.id().toString(), "Pilot",
                "Group", null, List.of()));
    }

    @Test
    void userEntriesAreUserManagementAndNameTheUsersPrincipalName() {
        DirectoryAudit added = DirectoryAudits.userAdded(STAMP, user);
        assertThat(added.category()).isEqualTo("UserManagement");
        assertThat(added.activityDisplayName()).isEqualTo("Add user");
        assertThat(added.targetResources()).containsExactly(new TargetResource(user.id().toString(), "Ada", "User",
                "ada@contoso.test", List.of(new ModifiedProperty("displayName", null, "Ada"),
                        new ModifiedProperty("userPrincipalName", null, "ada@contoso.test"),
                        new ModifiedProperty("accountEnabled", null, "true"),
                        new ModifiedProperty("mailNickname", null, "ada"),
                        new ModifiedProperty("assignedLicenses", null,
                                "[{\"disabledPlans\":[],\"skuId\":\"" + SKU + "\"}]"))));
        User disabled = new User(user.id(), "Ada", "ada@contoso.test", false, null, "ada", CREATED,
                user.assignedLicenses());
        assertThat(DirectoryAudits.userUpdated(STAMP, user, disabled).targetResources().get(0).modifiedProperties())
                .containsExactly(new ModifiedProperty("accountEnabled", "true", "false"));
        assertThat(DirectoryAudits.userDeleted(STAMP, user).activityDisplayName()).isEqualTo("Delete user");
        assertThat(DirectoryAudits.userUpdated(STAMP, user, user).activityDisplayName()).isEqualTo("Update user");
    }

    @Test
    void deviceEntriesAreInTheDeviceCategory() {
        DirectoryAudit added = DirectoryAudits.deviceAdded(STAMP, device);
        assertThat(added.category()).isEqualTo("Device");
        assertThat(added.activityDisplayName()).isEqualTo("Add device");
        assertThat(added.targetResources().get(0).type()).isEqualTo("Device");
        assertThat(added.targetResources().get(0).modifiedProperties()).contains(
                new ModifiedProperty("deviceId", null, "d1000000-0000-4000-8000-000000000001"),
                new ModifiedProperty("isCompliant", null, "false"),
                new ModifiedProperty("registrationDateTime", null, "2026-11-28T10:00:00Z"));
        assertThat(DirectoryAudits.deviceUpdated(STAMP, device, device).activityDisplayName())
                .isEqualTo("Update device");
        assertThat(DirectoryAudits.deviceDeleted(STAMP, device).operationType()).isEqualTo("Delete");
    }

    @Test
    void memberChangesAreAssignAndUnassignNamingTheGroupAndTheMember() {
        DirectoryAudit added = DirectoryAudits.memberAdded(STAMP, group, user);
        assertThat(added.activityDisplayName()).isEqualTo("Add member to group");
        assertThat(added.operationType()).isEqualTo("Assign");
        assertThat(added.category()).isEqualTo("GroupManagement");
        assertThat(added.targetResources()).containsExactly(
                new TargetResource(group.id().toString(), "Pilot", "Group", null, List.of()),
                new TargetResource(user.id().toString(), "Ada", "User", "ada@contoso.test", List.of()));

        DirectoryAudit removed = DirectoryAudits.memberRemoved(STAMP, group, device.id(), device);
        assertThat(removed.activityDisplayName()).isEqualTo("Remove member from group");
        assertThat(removed.operationType()).isEqualTo("Unassign");
        assertThat(removed.targetResources()).extracting(TargetResource::id)
                .containsExactly(group.id().toString(), device.id().toString());
    }

    @Test
    void aSeedDocumentIsLoggedByDevicescriptsWithItsCounts() {
        DirectoryAudit seeded = DirectoryAudits.seeded(STAMP, 3, 1, 2);

        assertThat(seeded.activityDisplayName()).isEqualTo("Seed directory");
        assertThat(seeded.loggedByService()).isEqualTo("devicescripts");
        assertThat(seeded.additionalDetails()).containsExactly(new KeyValue("created", "3"),
                new KeyValue("updated", "1"), new KeyValue("unchanged", "2"));
    }
}
