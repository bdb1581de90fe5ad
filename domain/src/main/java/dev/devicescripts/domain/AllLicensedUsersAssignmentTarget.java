package dev.devicescripts.domain;

import java.util.Objects;

/** Every licensed user's devices receive the script. */
public record AllLicensedUsersAssignmentTarget(AssignmentFilter filter) implements AssignmentTarget {
    /** The fixed key Intune uses for the all-licensed-users virtual group. */
    public static final String KEY = "acacacac-9df4-4c7d-9d50-4ef0226f57a9";

    public AllLicensedUsersAssignmentTarget {
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public String key() {
        return KEY;
    }
}
