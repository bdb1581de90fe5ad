package dev.devicescripts.domain.targeting;

/** The warnings of targeting.md 4.5, each with its severity. */
public enum WarningCode {
    UNASSIGNED("Unassigned", Severity.INFO),
    EXCLUSION_ONLY("ExclusionOnly", Severity.WARNING),
    GROUP_NOT_FOUND("GroupNotFound", Severity.ERROR),
    EMPTY_GROUP("EmptyGroup", Severity.WARNING),
    NON_SECURITY_GROUP("NonSecurityGroup", Severity.WARNING),
    MIXED_USER_DEVICE_EXCLUSION("MixedUserDeviceExclusion", Severity.WARNING),
    DYNAMIC_DEVICE_GROUP_EXCLUSION("DynamicDeviceGroupExclusion", Severity.INFO),
    UNRESOLVABLE_TARGET("UnresolvableTarget", Severity.WARNING),
    FILTER_IGNORED_FOR_SCRIPTS("FilterIgnoredForScripts", Severity.WARNING),
    FILTER_NOT_FOUND("FilterNotFound", Severity.ERROR),
    FILTER_PLATFORM_MISMATCH("FilterPlatformMismatch", Severity.ERROR),
    FILTER_MANAGEMENT_TYPE_MISMATCH("FilterManagementTypeMismatch", Severity.ERROR),
    FILTER_VALUE_NEVER_MATCHES("FilterValueNeverMatches", Severity.WARNING),
    USER_CONTEXT_ON_REGISTERED_DEVICES("UserContextOnRegisteredDevices", Severity.INFO),
    ALL_TARGETS_PLUS_GROUPS("AllTargetsPlusGroups", Severity.INFO);

    /** {@code error}: the assignment can never act as written. */
    public enum Severity {
        ERROR("error"), WARNING("warning"), INFO("info");

        private final String graphName;

        Severity(String graphName) {
            this.graphName = graphName;
        }

        public String graphName() {
            return graphName;
        }
    }

    private final String graphName;
    private final Severity severity;

    WarningCode(String graphName, Severity severity) {
        this.graphName = graphName;
        this.severity = severity;
    }

    public String graphName() {
        return graphName;
    }

    public Severity severity() {
        return severity;
    }
}
