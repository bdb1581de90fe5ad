package dev.devicescripts.domain.audit;

import static dev.devicescripts.domain.audit.AuditValues.changes;
import static dev.devicescripts.domain.audit.AuditValues.text;
import static dev.devicescripts.domain.audit.JsonText.object;
import static dev.devicescripts.domain.audit.JsonText.quoted;
import static dev.devicescripts.domain.audit.JsonText.stringArray;

import dev.devicescripts.domain.audit.AuditValues.Field;
import dev.devicescripts.domain.directory.AssignedLicense;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.User;
import java.util.List;
import java.util.UUID;

/**
 * The entries of Entra's log for each change to a group, its members, a user or a device, and for each seed document
 * (targeting.md 1.6). Modified properties carry Graph's JSON names and values as {@link IntuneAudits} writes them;
 * createdDateTime, which no client sets, is left out.
 */
public final class DirectoryAudits {
    public static final String CORE_DIRECTORY = "Core Directory";
    public static final String GROUP_MANAGEMENT = "GroupManagement";
    public static final String USER_MANAGEMENT = "UserManagement";
    public static final String DEVICE = "Device";
    /** Seeding is an extension [Extension]: logged by devicescripts itself, under Entra's category for bulk changes. */
    public static final String SEED_SERVICE = "devicescripts";
    public static final String SEED_CATEGORY = "DirectoryManagement";
    public static final String SEED_ACTIVITY = "Seed directory";

    private static final List<Field<Group>> GROUP_FIELDS = List.of(
            new Field<>("displayName", Group::displayName),
            new Field<>("description", Group::description),
            new Field<>("mailEnabled", group -> text(group.mailEnabled())),
            new Field<>("mailNickname", Group::mailNickname),
            new Field<>("securityEnabled", group -> text(group.securityEnabled())),
            new Field<>("groupTypes", group -> stringArray(group.groupTypes())),
            new Field<>("membershipRule", Group::membershipRule),
            new Field<>("membershipRuleProcessingState", Group::membershipRuleProcessingState),
            new Field<>("mail", Group::mail));

    private static final List<Field<User>> USER_FIELDS = List.of(
            new Field<>("displayName", User::displayName),
            new Field<>("userPrincipalName", User::userPrincipalName),
            new Field<>("accountEnabled", user -> text(user.accountEnabled())),
            new Field<>("mail", User::mail),
            new Field<>("mailNickname", User::mailNickname),
            new Field<>("assignedLicenses", user -> JsonText.array(user.assignedLicenses().stream()
                    .map(DirectoryAudits::license).toList())));

    private static final List<Field<Device>> DEVICE_FIELDS = List.of(
            new Field<>("deviceId", device -> text(device.deviceId())),
            new Field<>("displayName", Device::displayName),
            new Field<>("operatingSystem", Device::operatingSystem),
            new Field<>("operatingSystemVersion", Device::operatingSystemVersion),
            new Field<>("accountEnabled", device -> text(device.accountEnabled())),
            new Field<>("trustType", Device::trustType),
            new Field<>("isManaged", device -> text(device.isManaged())),
            new Field<>("isCompliant", device -> text(device.isCompliant())),
            new Field<>("deviceOwnership", Device::deviceOwnership),
            new Field<>("enrollmentProfileName", Device::enrollmentProfileName),
            new Field<>("registrationDateTime", device -> text(device.registrationDateTime())),
            new Field<>("approximateLastSignInDateTime", device -> text(device.approximateLastSignInDateTime())));

    private DirectoryAudits() {
    }

    public static DirectoryAudit groupAdded(Stamp stamp, Group group) {
        return group(stamp, "Add", group, changes(GROUP_FIELDS, null, group));
    }

    /** Names the properties the change changed only; one that changed none still has its entry. */
    public static DirectoryAudit groupUpdated(Stamp stamp, Group before, Group after) {
        return group(stamp, "Update", after, changes(GROUP_FIELDS, before, after));
    }

    public static DirectoryAudit groupDeleted(Stamp stamp, Group group) {
        return group(stamp, "Delete", group, List.of());
    }

    public static DirectoryAudit userAdded(Stamp stamp, User user) {
        return user(stamp, "Add", user, changes(USER_FIELDS, null, user));
    }

    public static DirectoryAudit userUpdated(Stamp stamp, User before, User after) {
        return user(stamp, "Update", after, changes(USER_FIELDS, before, after));
    }

    public static DirectoryAudit userDeleted(Stamp stamp, User user) {
        return user(stamp, "Delete", user, List.of());
    }

    public static DirectoryAudit deviceAdded(Stamp stamp, Device device) {
        return device(stamp, "Add", device, changes(DEVICE_FIELDS, null, device));
    }

    public static DirectoryAudit deviceUpdated(Stamp stamp, Device before, Device after) {
        return device(stamp, "Update", after, changes(DEVICE_FIELDS, before, after));
    }

    public static DirectoryAudit deviceDeleted(Stamp stamp, Device device) {
        return device(stamp, "Delete", device, List.of());
    }

    /** {@code Add member to group}, an Assign: the group and the member both are target resources. */
    public static DirectoryAudit memberAdded(Stamp stamp, Group group, DirectoryObject member) {
        return entry(stamp, GROUP_MANAGEMENT, "Add member to group", "Assign",
                List.of(target(group, List.of()), target(member, List.of())));
    }

    /**
     * {@code Remove member from group}, an Unassign.
     *
     * @param member the member as the directory holds it, or null when the id names nothing (a dangling reference)
     */
    public static DirectoryAudit memberRemoved(Stamp stamp, Group group, UUID memberId, DirectoryObject member) {
        TargetResource removed = member != null ? target(member, List.of())
                : new TargetResource(memberId.toString(), null, "Unknown", null, List.of());
        return entry(stamp, GROUP_MANAGEMENT, "Remove member from group", "Unassign",
                List.of(target(group, List.of()), removed));
    }

    /** One seed document's entry, with what it did to the objects it named as additionalDetails. */
    public static DirectoryAudit seeded(Stamp stamp, long created, long updated, long unchanged) {
        return new DirectoryAudit(stamp.id(), SEED_CATEGORY, stamp.correlationId(), SEED_ACTIVITY, stamp.at(),
                SEED_SERVICE, "Add", stamp.actor(), List.of(), List.of(new KeyValue("created", text(created)),
                new KeyValue("updated", text(updated)), new KeyValue("unchanged", text(unchanged))));
    }

    private static DirectoryAudit group(Stamp stamp, String operation, Group group,
                                        List<ModifiedProperty> modified) {
        return entry(stamp, GROUP_MANAGEMENT, operation + " group", operation, List.of(target(group, modified)));
    }

    private static DirectoryAudit user(Stamp stamp, String operation, User user, List<ModifiedProperty> modified) {
        return entry(stamp, USER_MANAGEMENT, operation + " user", operation, List.of(target(user, modified)));
    }

    private static DirectoryAudit device(Stamp stamp, String operation, Device device,
                                         List<ModifiedProperty> modified) {
        return entry(stamp, DEVICE, operation + " device", operation, List.of(target(device, modified)));
    }

    private static DirectoryAudit entry(Stamp stamp, String category, String activity, String operation,
                                        List<TargetResource> targets) {
        return new DirectoryAudit(stamp.id(), category, stamp.correlationId(), activity, stamp.at(), CORE_DIRECTORY,
                operation, stamp.actor(), targets, List.of());
    }

    /** The object as a target resource: Group, User (with its userPrincipalName) or Device. */
    private static TargetResource target(DirectoryObject object, List<ModifiedProperty> modified) {
        String type = switch (object.kind()) {
            case GROUP -> "Group";
            case USER -> "User";
            case DEVICE -> "Device";
        };
        String userPrincipalName = object instanceof User user ? user.userPrincipalName() : null;
        return new TargetResource(object.id().toString(), object.displayName(), type, userPrincipalName, modified);
    }

    private static String license(AssignedLicense license) {
        return object("disabledPlans", stringArray(license.disabledPlans()), "skuId",
                quoted(text(license.skuId())));
    }
}
