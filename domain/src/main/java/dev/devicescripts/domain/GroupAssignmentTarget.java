package dev.devicescripts.domain;

import java.util.Objects;

/** The members of one group receive the script. */
public record GroupAssignmentTarget(GroupId groupId, AssignmentFilter filter) implements AssignmentTarget {
    public GroupAssignmentTarget {
        InvalidInputException.required(groupId, "groupId");
        Objects.requireNonNull(filter, "filter");
    }

    public static GroupAssignmentTarget withoutFilter(GroupId groupId) {
        return new GroupAssignmentTarget(groupId, AssignmentFilter.NONE);
    }

    @Override
    public String key() {
        return groupId.toString();
    }
}
