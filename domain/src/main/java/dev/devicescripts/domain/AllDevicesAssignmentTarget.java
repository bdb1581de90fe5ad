package dev.devicescripts.domain;

import java.util.Objects;

/** Every enrolled device receives the script. */
public record AllDevicesAssignmentTarget(AssignmentFilter filter) implements AssignmentTarget {
    /** The fixed key Intune uses for the all-devices virtual group. */
    public static final String KEY = "adadadad-808e-44e2-905a-0b7873a8a531";

    public AllDevicesAssignmentTarget {
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public String key() {
        return KEY;
    }
}
