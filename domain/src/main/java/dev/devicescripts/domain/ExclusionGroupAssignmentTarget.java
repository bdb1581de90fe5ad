package dev.devicescripts.domain;

import java.util.Objects;

/** The members of one group never receive the script, whatever else targets them. Takes no assignment filter. */
public record ExclusionGroupAssignmentTarget(GroupId groupId, AssignmentFilter filter) implements AssignmentTarget {
    public ExclusionGroupAssignmentTarget {
        InvalidInputException.required(groupId, "groupId");
        Objects.requireNonNull(filter, "filter");
        if (!filter.isNone()) {
            throw new InvalidInputException(AssignmentFilter.FILTER_TYPE,
                    "must be none on an %s: exclusion targets take no assignment filter.",
                    ExclusionGroupAssignmentTarget.class.getSimpleName());
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
