package dev.devicescripts.domain.targeting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Transitive group membership (targeting.md 3.1), read from a {@link TargetingDirectory} a level of nesting at a
 * time for many objects or groups together. Each group counts once and cycles end every walk.
 */
final class Memberships {
    private final ReadCache<List<UUID>> parents;
    private final ReadCache<GroupMembers> members;
    private final ReadCache<Set<SubjectType>> kinds;
    /** For each object walked up from: every group reached, with the member it was first reached through. */
    private final Map<UUID, Map<UUID, UUID>> ancestors = new HashMap<>();
    private final Map<UUID, Set<SubjectType>> dimensions = new HashMap<>();

    Memberships(TargetingDirectory directory) {
        parents = new ReadCache<>(directory::parentGroups);
        members = new ReadCache<>(directory::groupMembers);
        kinds = new ReadCache<>(directory::directKinds);
    }

    /** The transitive users and Entra devices (object ids) of some groups. */
    record Below(Set<UUID> users, Set<UUID> devices) {
    }

    /**
     * Walks up from the objects, breadth first, all of them together: one parentGroups call per level of nesting.
     * Breadth first makes the first way a group is reached a shortest one.
     */
    void readAncestors(Collection<UUID> objectIds) {
        Map<UUID, Map<UUID, UUID>> reached = new HashMap<>();
        Map<UUID, List<UUID>> frontier = new HashMap<>();
        for (UUID id : objectIds) {
            if (id != null && !ancestors.containsKey(id) && !reached.containsKey(id)) {
                reached.put(id, new LinkedHashMap<>());
                frontier.put(id, List.of(id));
            }
        }
        while (!frontier.isEmpty()) {
            parents.load(frontier.values().stream().flatMap(List::stream).toList());
            Map<UUID, List<UUID>> next = new HashMap<>();
            frontier.forEach((object, heads) -> {
                Map<UUID, UUID> groups = reached.get(object);
                List<UUID> found = new ArrayList<>();
                for (UUID head : heads) {
                    for (UUID parent : parents.getOrDefault(head, List.of())) {
                        if (!parent.equals(object) && !groups.containsKey(parent)) {
                            groups.put(parent, head);
                            found.add(parent);
                        }
                    }
                }
                if (!found.isEmpty()) {
                    next.put(object, found);
                }
            });
            frontier = next;
        }
        ancestors.putAll(reached);
    }

    /** Every group that holds the object transitively (not the object itself). */
    Set<UUID> groupsOf(UUID objectId) {
        readAncestors(List.of(objectId));
        return ancestors.get(objectId).keySet();
    }

    /** A shortest way from the group down to the object, both included; empty when the group does not hold it. */
    List<UUID> path(UUID groupId, UUID objectId) {
        Map<UUID, UUID> via = ancestors.get(objectId);
        if (via == null) {
            readAncestors(List.of(objectId));
            via = ancestors.get(objectId);
        }
        if (!via.containsKey(groupId)) {
            return List.of();
        }
        List<UUID> path = new ArrayList<>();
        for (UUID at = groupId; !at.equals(objectId); at = via.get(at)) {
            path.add(at);
        }
        path.add(objectId);
        return path;
    }

    /** Forgets the objects' walks, so that a long walk over subjects holds only its current page. */
    void forget(Collection<UUID> objectIds) {
        ancestors.keySet().removeAll(objectIds);
    }

    /** Walks down from the groups, one groupMembers call per level for all of them. */
    Below below(Collection<UUID> groupIds) {
        Set<UUID> seen = new LinkedHashSet<>(groupIds);
        Set<UUID> users = new LinkedHashSet<>();
        Set<UUID> devices = new LinkedHashSet<>();
        List<UUID> level = List.copyOf(seen);
        while (!level.isEmpty()) {
            members.load(level);
            List<UUID> next = new ArrayList<>();
            for (UUID group : level) {
                GroupMembers held = members.getOrDefault(group, GroupMembers.NONE);
                users.addAll(held.users());
                devices.addAll(held.devices());
                held.groups().stream().filter(seen::add).forEach(next::add);
            }
            level = next;
        }
        return new Below(users, devices);
    }

    /**
     * Each group's dimensions (3.1): the kinds among its transitive members. A group's own kinds come from
     * directKinds, which reads no members; only a group missing a kind has its members read, to find the nested
     * groups it may take that kind from, a level at a time. Then each such group takes its children's kinds until
     * nothing changes, which also settles cycles (the groups of a cycle end with the same kinds). Remembered, so that
     * later calls read only groups not seen yet.
     */
    Map<UUID, Set<SubjectType>> dimensions(Collection<UUID> groupIds) {
        Set<UUID> fresh = new LinkedHashSet<>();
        Map<UUID, Set<SubjectType>> found = new HashMap<>();
        List<UUID> partial = new ArrayList<>();
        List<UUID> level = groupIds.stream().filter(id -> !dimensions.containsKey(id)).filter(fresh::add).toList();
        while (!level.isEmpty()) {
            kinds.load(level);
            List<UUID> missingAKind = new ArrayList<>();
            for (UUID group : level) {
                Set<SubjectType> own = EnumSet.noneOf(SubjectType.class);
                own.addAll(kinds.getOrDefault(group, Set.of()));
                found.put(group, own);
                if (own.size() < SubjectType.values().length) {
                    missingAKind.add(group);
                }
            }
            members.load(missingAKind);
            partial.addAll(missingAKind);
            level = missingAKind.stream().flatMap(id -> members.getOrDefault(id, GroupMembers.NONE).groups().stream())
                    .filter(id -> !dimensions.containsKey(id)).filter(fresh::add).toList();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (UUID group : partial) {
                for (UUID child : members.getOrDefault(group, GroupMembers.NONE).groups()) {
                    changed |= found.get(group).addAll(found.getOrDefault(child, dimensions.get(child)));
                }
            }
        }
        dimensions.putAll(found);
        Map<UUID, Set<SubjectType>> asked = new HashMap<>();
        groupIds.forEach(id -> asked.put(id, dimensions.get(id)));
        return asked;
    }
}
