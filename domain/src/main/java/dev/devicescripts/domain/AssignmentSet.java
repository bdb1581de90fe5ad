package dev.devicescripts.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole set of targets of one script. An assign replaces it whole; this class holds the rules a new set must
 * keep, so that no stored set ever breaks them.
 */
public final class AssignmentSet {
    public static final int DEFAULT_MAX_TARGETS = 1000;
    public static final AssignmentSet EMPTY = new AssignmentSet(List.of());

    /** The subjects of this class's rules, in the domain's terms: what an assign named targets in. */
    public static final String GROUP_ASSIGNMENTS = "groupAssignments";
    public static final String ASSIGNMENTS = "assignments";
    public static final String GROUP_ASSIGNMENTS_AND_ASSIGNMENTS = GROUP_ASSIGNMENTS + " and " + ASSIGNMENTS;

    private final List<AssignmentTarget> targets;

    private AssignmentSet(List<AssignmentTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * The set an assign request names: every group of {@code groupAssignments} as an include target without a filter,
     * united with {@code assignments}, in the order named.
     *
     * @throws InvalidInputException when a target is named twice with different filters, a group is both included
     *                               and excluded, or the set would hold more than {@code maxTargets} targets
     */
    public static AssignmentSet of(List<GroupId> groupAssignments, List<AssignmentTarget> assignments, int maxTargets) {
        List<AssignmentTarget> named = new ArrayList<>(groupAssignments.size() + assignments.size());
        groupAssignments.forEach(groupId -> named.add(GroupAssignmentTarget.withoutFilter(groupId)));
        named.addAll(assignments);
        return of(named, maxTargets, namedIn(groupAssignments, assignments));
    }

    public static AssignmentSet of(List<AssignmentTarget> named, int maxTargets) {
        return of(named, maxTargets, ASSIGNMENTS);
    }

    /** The collections of an assign request that named targets: the limit counts them together. */
    private static String namedIn(List<GroupId> groupAssignments, List<AssignmentTarget> assignments) {
        if (assignments.isEmpty()) {
            return GROUP_ASSIGNMENTS;
        }
        return groupAssignments.isEmpty() ? ASSIGNMENTS : GROUP_ASSIGNMENTS_AND_ASSIGNMENTS;
    }

    /** @param namedIn the collections that named the targets, which an error about too many targets names */
    private static AssignmentSet of(List<AssignmentTarget> named, int maxTargets, String namedIn) {
        Map<String, AssignmentTarget> byKey = new LinkedHashMap<>();
        for (AssignmentTarget target : named) {
            Objects.requireNonNull(target, "target");
            AssignmentTarget earlier = byKey.putIfAbsent(target.key(), target);
            if (earlier != null && !earlier.equals(target)) {
                throw conflict(earlier, target);
            }
        }
        if (byKey.size() > maxTargets) {
            throw new InvalidInputException(namedIn, "would give the script " + byKey.size()
                    + " distinct targets; a script holds at most " + maxTargets + ".");
        }
        return new AssignmentSet(new ArrayList<>(byKey.values()));
    }

    /** A set read back from storage, where it was kept only after {@link #of} accepted it. */
    public static AssignmentSet restore(List<AssignmentTarget> targets) {
        return new AssignmentSet(targets);
    }

    private static InvalidInputException conflict(AssignmentTarget earlier, AssignmentTarget later) {
        if (isGroupTarget(earlier) && isGroupTarget(later) && earlier.getClass() != later.getClass()) {
            return new InvalidInputException(ASSIGNMENTS,
                    "names group " + later.key() + " both as an include and as an exclusion target; a group is "
                            + "either assigned or excluded.");
        }
        if (earlier.getClass() != later.getClass()) {
            return new InvalidInputException(ASSIGNMENTS,
                    "names " + later.key() + " as two different kinds of target.");
        }
        return new InvalidInputException(ASSIGNMENTS,
                "names target " + later.key() + " twice with different assignment filters; a target may carry one "
                        + "filter.");
    }

    private static boolean isGroupTarget(AssignmentTarget target) {
        return target instanceof GroupAssignmentTarget || target instanceof ExclusionGroupAssignmentTarget;
    }

    public List<AssignmentTarget> targets() {
        return targets;
    }

    public int size() {
        return targets.size();
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** The set as the assignments of the given script. */
    public List<ScriptAssignment> assignmentsOf(ScriptId scriptId) {
        return targets.stream()
                .map(target -> new ScriptAssignment(AssignmentId.of(scriptId, target), target))
                .toList();
    }

    /** The view Graph calls groupAssignments: the include-group targets that carry no filter. */
    public List<ScriptGroupAssignment> groupAssignmentsOf(ScriptId scriptId) {
        return targets.stream()
                .filter(GroupAssignmentTarget.class::isInstance)
                .map(GroupAssignmentTarget.class::cast)
                .filter(group -> group.filter().isNone())
                .map(group -> new ScriptGroupAssignment(AssignmentId.of(scriptId, group), group.groupId()))
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssignmentSet set && targets.equals(set.targets);
    }

    @Override
    public int hashCode() {
        return targets.hashCode();
    }

    @Override
    public String toString() {
        return "AssignmentSet" + targets;
    }
}
