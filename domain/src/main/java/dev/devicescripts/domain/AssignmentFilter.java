package dev.devicescripts.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The assignment filter of a target: {@code none} without a filter id, or {@code include}/{@code exclude} with one.
 *
 * @param filterId null exactly when the type is {@code none}
 */
public record AssignmentFilter(AssignmentFilterType type, UUID filterId) {
    public static final String ID_FIELD = "deviceAndAppManagementAssignmentFilterId";
    public static final String TYPE_FIELD = "deviceAndAppManagementAssignmentFilterType";
    /** Intune's own exports and several tools write the all-zero id for "no filter": it names no filter. */
    private static final UUID NO_FILTER_ID = new UUID(0, 0);
    public static final AssignmentFilter NONE = new AssignmentFilter(AssignmentFilterType.NONE, null);

    public AssignmentFilter {
        Objects.requireNonNull(type, "type");
        if (NO_FILTER_ID.equals(filterId)) {
            filterId = null;
        }
        if (type == AssignmentFilterType.NONE && filterId != null) {
            throw new InvalidInputException(ID_FIELD, "must be null when " + TYPE_FIELD + " is none.");
        }
        if (type != AssignmentFilterType.NONE && filterId == null) {
            throw new InvalidInputException(ID_FIELD, "is required when " + TYPE_FIELD + " is " + type.graphName() + ".");
        }
    }

    public static AssignmentFilter include(UUID filterId) {
        return new AssignmentFilter(AssignmentFilterType.INCLUDE, filterId);
    }

    public static AssignmentFilter exclude(UUID filterId) {
        return new AssignmentFilter(AssignmentFilterType.EXCLUDE, filterId);
    }

    public boolean isNone() {
        return type == AssignmentFilterType.NONE;
    }
}
