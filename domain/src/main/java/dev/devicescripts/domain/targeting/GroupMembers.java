package dev.devicescripts.domain.targeting;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A group's direct members by kind: users, Entra devices (by object id) and nested groups. */
public record GroupMembers(List<UUID> users, List<UUID> devices, List<UUID> groups) {
    public static final GroupMembers NONE = new GroupMembers(List.of(), List.of(), List.of());

    public GroupMembers {
        users = List.copyOf(users);
        devices = List.copyOf(devices);
        groups = List.copyOf(groups);
    }

    /** The kinds of subject among these members. */
    public Set<SubjectType> kinds() {
        Set<SubjectType> kinds = EnumSet.noneOf(SubjectType.class);
        if (!users.isEmpty()) {
            kinds.add(SubjectType.USER);
        }
        if (!devices.isEmpty()) {
            kinds.add(SubjectType.DEVICE);
        }
        return kinds;
    }
}
