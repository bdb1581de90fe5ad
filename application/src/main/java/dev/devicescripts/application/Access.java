package dev.devicescripts.application;

import dev.devicescripts.domain.TenantId;
import java.util.List;

/** What a use case does to a tenant's scripts, and which Graph permissions allow it. */
public enum Access {
    READ(List.of("DeviceManagementScripts.Read.All", "DeviceManagementScripts.ReadWrite.All",
            "DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All")),
    WRITE(List.of("DeviceManagementScripts.ReadWrite.All", "DeviceManagementConfiguration.ReadWrite.All"));

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
            throw new AccessDeniedException("Personal Microsoft accounts are not supported: Intune device management "
                    + "scripts need a work or school account.");
        }
        if (allowedBy.stream().noneMatch(caller.permissions()::contains)) {
            String claim = caller.kind() == Caller.Kind.DELEGATED ? "scp" : "roles";
            throw new AccessDeniedException("The token does not grant this operation: it needs one of the "
                    + (caller.kind() == Caller.Kind.DELEGATED ? "delegated" : "application") + " permissions "
                    + String.join(", ", allowedBy) + " in its " + claim + " claim.");
        }
        return caller.tenant();
    }
}
