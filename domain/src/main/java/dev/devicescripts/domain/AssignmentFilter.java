package dev.devicescripts.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The assignment filter of a target: {@code none} without a filter id, or {@code include}/{@code exclude} with one.
 *
 * @param filterId null exactly when the type is {@code none}
 */
public record AssignmentFilter(AssignmentFilterType type, UUID filterId) {
    /** The subjects of this record's rules, in the domain's terms. */
    public static final String FILTER_ID = "filterId";
    public static final String FILTER_TYPE = "filterType";
    /** Intune's own exports and several tools write the all-zero id for "no filter": it names no filter. */
    private static final UUID NO_FILTER_ID = new UUID(0, 0);
    public static final AssignmentFilter NONE = new AssignmentFilter(AssignmentFilterType.NONE, null);

    public AssignmentFilter {
        Objects.requireNonNull(type, "type");
        if (NO_FILTER_ID.equals(filterId)) {
            filterId = null;
        }
        if (type == AssignmentFilterType.NONE && filterId != null) {
            throw new InvalidInputException(FILTER_ID, "must be null when %s is none.", FILTER_TYPE);
        }
        if (type != AssignmentFilterType.NONE && filterId == null) {
            throw new InvalidInputException(FILTER_ID, "is required when %s is " + type.graphName() + ".", FILTER_TYPE);
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
