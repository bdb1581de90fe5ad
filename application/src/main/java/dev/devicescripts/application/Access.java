package dev.devicescripts.application;

import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.util.List;

/** What a use case does to a tenant's data, and which Graph permissions allow it (any one of them). */
public enum Access {
    /** Read scripts, their assignments and run states. */
    READ(List.of("DeviceManagementScripts.Read.All", "DeviceManagementScripts.ReadWrite.All",
            "DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All")),
    /** Create, change, delete and assign scripts. */
    WRITE(List.of("DeviceManagementScripts.ReadWrite.All", "DeviceManagementConfiguration.ReadWrite.All")),
    /** Read groups, their members and the groups a group belongs to. */
    GROUP_READ(List.of("GroupMember.Read.All", "Group.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All")),
    GROUP_CREATE(List.of("Group.Create", "Group.ReadWrite.All", "Directory.ReadWrite.All")),
    /** Change or delete a group. */
    GROUP_WRITE(List.of("Group.ReadWrite.All", "Directory.ReadWrite.All")),
    /** Add or remove a group's members. */
    GROUP_MEMBER_WRITE(List.of("GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All")),
    USER_READ(List.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")),
    /** Read the groups a user belongs to. */
    USER_MEMBER_OF_READ(List.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All", "GroupMember.Read.All")),
    USER_WRITE(List.of("User.ReadWrite.All", "Directory.ReadWrite.All")),
    DEVICE_READ(List.of("Device.Read.All", "Device.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")),
    /** Create, change or delete Entra devices, and add one to a group. */
    DEVICE_WRITE(List.of("Device.ReadWrite.All", "Directory.ReadWrite.All")),
    MANAGED_DEVICE_READ(List.of("DeviceManagementManagedDevices.Read.All",
            "DeviceManagementManagedDevices.ReadWrite.All")),
    MANAGED_DEVICE_WRITE(List.of("DeviceManagementManagedDevices.ReadWrite.All")),
    /** Read assignment filters, their supported properties, and preview the devices a rule matches. */
    FILTER_READ(List.of("DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All")),
    /** Create, change and delete assignment filters, and validate a rule (a POST, so Graph counts it a write). */
    FILTER_WRITE(List.of("DeviceManagementConfiguration.ReadWrite.All")),
    /** Read Intune's audit events: Graph documents the apps' permissions for them, odd as it looks. */
    AUDIT_EVENT_READ(List.of("DeviceManagementApps.Read.All", "DeviceManagementApps.ReadWrite.All")),
    /** Read Entra's directory audits. */
    DIRECTORY_AUDIT_READ(List.of("AuditLog.Read.All")),
    /** Load a seed document (devicescripts' own permission, outside Graph). */
    SEED(List.of("Devicescripts.Seed"));

    /** The tenant Azure AD issues personal Microsoft accounts' tokens in; Intune serves work accounts only. */
    public static final TenantId PERSONAL_ACCOUNTS = TenantId.of("9188040d-6c67-4c5b-b112-36a304b66dad");

    private final List<String> allowedBy;

    Access(List<String> allowedBy) {
        this.allowedBy = allowedBy;
    }

    /** The permissions any one of which allows this access. */
    public List<String> allowedBy() {
        return allowedBy;
    }

    /**
     * The caller's tenant, when the caller may have this access to it.
     *
     * @throws AccessDeniedException when the caller holds none of the permissions that allow it, or is a personal
     *                               Microsoft account
     */
    public TenantId tenantOf(Caller caller) {
        if (caller.tenant().equals(PERSONAL_ACCOUNTS)) {
            throw new AccessDeniedException("Personal Microsoft accounts are not supported: Intune and its directory "
                    + "need a work or school account.");
        }
        if (!grants(caller)) {
            String claim = caller.kind() == Actor.Kind.DELEGATED ? "scp" : "roles";
            throw new AccessDeniedException("The token does not grant this operation: it needs one of the "
                    + (caller.kind() == Actor.Kind.DELEGATED ? "delegated" : "application") + " permissions "
                    + String.join(", ", allowedBy) + " in its " + claim + " claim.");
        }
        return caller.tenant();
    }

    /** Whether the caller holds one of the permissions that allow this access. */
    public boolean grants(Caller caller) {
        return allowedBy.stream().anyMatch(caller.permissions()::contains);
    }
}
