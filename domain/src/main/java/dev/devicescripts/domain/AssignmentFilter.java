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
    public static final AssignmentFilter NONE = new AssignmentFilter(AssignmentFilterType.NONE, null);

    public AssignmentFilter {
        Objects.requireNonNull(type, "type");
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
