package dev.devicescripts.domain.targeting;

/** Why a reached subject cannot run the script (targeting.md 3.5 and 4.4), and where that rule comes from. */
public enum NotApplicableReason {
    NOT_WINDOWS("notWindows", Basis.DOCUMENTED),
    WINDOWS_HOME("windowsHome", Basis.DECISION),
    SURFACE_HUB("surfaceHub", Basis.DOCUMENTED),
    NO_DIRECTORY_DEVICE("noDirectoryDevice", Basis.DOCUMENTED),
    USER_CONTEXT_ON_REGISTERED_DEVICE("userContextOnRegisteredDevice", Basis.OBSERVED),
    USER_TARGETING_ON_REGISTERED_DEVICE("userTargetingOnRegisteredDevice", Basis.OBSERVED),
    NO_SIGNED_IN_DEVICE("noSignedInDevice", Basis.DECISION),
    USER_NOT_LICENSED("userNotLicensed", Basis.DECISION);

    private final String graphName;
    private final Basis basis;

    NotApplicableReason(String graphName, Basis basis) {
        this.graphName = graphName;
        this.basis = basis;
    }

    public String graphName() {
        return graphName;
    }

    public Basis basis() {
        return basis;
    }
}
