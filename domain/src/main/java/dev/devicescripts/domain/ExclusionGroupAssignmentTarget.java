package dev.devicescripts.domain;

import java.util.Objects;

/** The members of one group never receive the script, whatever else targets them. Takes no assignment filter. */
public record ExclusionGroupAssignmentTarget(GroupId groupId, AssignmentFilter filter) implements AssignmentTarget {
    public ExclusionGroupAssignmentTarget {
        InvalidInputException.required(groupId, "groupId");
        Objects.requireNonNull(filter, "filter");
        if (!filter.isNone()) {
            throw new InvalidInputException(AssignmentFilter.TYPE_FIELD,
                    "must be none on an exclusionGroupAssignmentTarget: exclusion targets take no assignment filter.");
        }
    }

    public ExclusionGroupAssignmentTarget(GroupId groupId) {
        this(groupId, AssignmentFilter.NONE);
    }

    @Override
    public String key() {
        return groupId.toString();
    }
}
