package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentId;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.FilterProperty;
import dev.devicescripts.domain.filter.FilterRule;
import dev.devicescripts.domain.filter.Operand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The warnings of targeting.md 4.5: why a script's assignments may not act as its author meant. */
final class Warnings {
    private final ReadCache<Group> groups;
    private final ReadCache<FilterDefinition> filters;
    private final Memberships memberships;
    private final Predicate<TargetedScript> reachesRegisteredDevice;

    Warnings(ReadCache<Group> groups, ReadCache<FilterDefinition> filters, Memberships memberships,
             Predicate<TargetedScript> reachesRegisteredDevice) {
        this.groups = groups;
        this.filters = filters;
        this.memberships = memberships;
        this.reachesRegisteredDevice = reachesRegisteredDevice;
    }

    /** Each script's warnings, in script order; the groups and filters named are read already. */
    List<TargetingWarning> of(List<TargetedScript> scripts) {
        // Every target group's dimensions at once: a few batched reads for them all (Memberships.dimensions).
        Map<UUID, Set<SubjectType>> dimensions = memberships.dimensions(scripts.stream()
                .flatMap(script -> script.assignments().targets().stream()).map(EffectiveTargeting::groupOf)
                .filter(Objects::nonNull).filter(id -> groups.get(id) != null).distinct().toList());
        List<TargetingWarning> warnings = new ArrayList<>();
        scripts.forEach(script -> new OfScript(script, dimensions, warnings).collect());
        return warnings;
    }

    /** One script's warnings, added to a list. */
    private final class OfScript {
        private final TargetedScript script;
        private final Map<UUID, Set<SubjectType>> dimensions;
        private final List<TargetingWarning> warnings;

        OfScript(TargetedScript script, Map<UUID, Set<SubjectType>> dimensions, List<TargetingWarning> warnings) {
            this.script = script;
            this.dimensions = dimensions;
            this.warnings = warnings;
        }

        void collect() {
            List<ScriptAssignment> assignments = script.assignments().assignmentsOf(script.id());
            List<AssignmentTarget> targets = script.assignments().targets();
            if (assignments.isEmpty()) {
                add(WarningCode.UNASSIGNED, null, null, null, "The script has no assignments; it reaches nobody.");
                return;
            }
            List<AssignmentTarget> inclusions = targets.stream()
                    .filter(target -> !(target instanceof ExclusionGroupAssignmentTarget)).toList();
            if (inclusions.isEmpty()) {
                add(WarningCode.EXCLUSION_ONLY, null, null, null,
                        "The script only excludes groups; an exclusion alone reaches nobody.");
            }
            List<Set<SubjectType>> included = inclusions.stream().map(this::dimensionsOf)
                    .filter(kinds -> !kinds.isEmpty()).toList();
            for (ScriptAssignment assignment : assignments) {
                AssignmentTarget target = assignment.target();
                UUID groupId = EffectiveTargeting.groupOf(target);
                if (groupId != null) {
                    group(assignment.id(), target, groupId, included);
                }
                if (target instanceof ConfigurationManagerCollectionAssignmentTarget) {
                    add(WarningCode.UNRESOLVABLE_TARGET, assignment.id(), null, null, "The Configuration Manager "
                            + "collection " + target.key() + " cannot be resolved: devicescripts does not know its "
                            + "members, so its co-managed devices are indeterminate.");
                }
                if (!target.filter().isNone()) {
                    filter(assignment.id(), target.filter().filterId());
                }
            }
            if (script.runAsAccount() == RunAsAccount.USER && reachesRegisteredDevice.test(script)) {
                add(WarningCode.USER_CONTEXT_ON_REGISTERED_DEVICES, null, null, null, "The script runs as the user "
                        + "and reaches Entra registered devices, whose agent skips scripts in the user's context.");
            }
            if (targets.stream().anyMatch(AllDevicesAssignmentTarget.class::isInstance)
                    && targets.stream().anyMatch(AllLicensedUsersAssignmentTarget.class::isInstance)
                    && targets.stream().anyMatch(GroupAssignmentTarget.class::isInstance)) {
                add(WarningCode.ALL_TARGETS_PLUS_GROUPS, null, null, null, "The script is assigned to All devices "
                        + "and All licensed users as well as to groups, which add no one (the portal disables groups "
                        + "then).");
            }
        }

        private void group(AssignmentId assignment, AssignmentTarget target, UUID groupId,
                           List<Set<SubjectType>> included) {
            Group group = groups.get(groupId);
            if (group == null) {
                add(WarningCode.GROUP_NOT_FOUND, assignment, groupId, null,
                        "Group " + groupId + " does not exist; the assignment reaches nobody.");
                return;
            }
            String named = "Group " + group.displayName() + " (" + groupId + ")";
            if (!group.securityEnabled()) {
                add(WarningCode.NON_SECURITY_GROUP, assignment, groupId, null,
                        named + " is not a security group; Intune expects security groups.");
            }
            Set<SubjectType> kinds = dimensions.get(groupId);
            if (kinds.isEmpty()) {
                add(WarningCode.EMPTY_GROUP, assignment, groupId, null, named + " has no user or device member.");
            }
            if (!(target instanceof ExclusionGroupAssignmentTarget)) {
                return;
            }
            if (!kinds.isEmpty() && included.stream().anyMatch(other -> Collections.disjoint(other, kinds))) {
                add(WarningCode.MIXED_USER_DEVICE_EXCLUSION, assignment, groupId, null, named + " is excluded "
                        + "but holds only " + dimensionNames(kinds) + ", while an inclusion reaches only "
                        + dimensionNames(EnumSet.complementOf(EnumSet.copyOf(kinds))) + "; Intune does not apply "
                        + "exclusions across users and devices.");
            }
            if (group.isDynamic() && kinds.contains(SubjectType.DEVICE)) {
                add(WarningCode.DYNAMIC_DEVICE_GROUP_EXCLUSION, assignment, groupId, null, named + " is a dynamic "
                        + "group of devices; a device may run the script before its membership is evaluated.");
            }
        }

        private void filter(AssignmentId assignment, UUID filterId) {
            FilterDefinition filter = filters.get(filterId);
            String named = filter == null ? "Filter " + filterId
                    : "Filter " + filter.displayName() + " (" + filterId + ")";
            add(WarningCode.FILTER_IGNORED_FOR_SCRIPTS, assignment, null, filterId, named + " is ignored: Intune "
                    + "does not apply assignment filters to PowerShell scripts.");
            if (filter == null) {
                add(WarningCode.FILTER_NOT_FOUND, assignment, null, filterId, named + " does not exist.");
                return;
            }
            if (filter.platform() != FilterPlatform.WINDOWS_10_AND_LATER) {
                add(WarningCode.FILTER_PLATFORM_MISMATCH, assignment, null, filterId, named + " is for "
                        + filter.platform().graphName() + ", not windows10AndLater; it never matches a script's "
                        + "device.");
            }
            if (filter.managementType() == FilterManagementType.APPS) {
                add(WarningCode.FILTER_MANAGEMENT_TYPE_MISMATCH, assignment, null, filterId,
                        named + " filters apps; it cannot act on a device workload.");
            }
            List<String> never = EffectiveTargeting.parse(filter).map(Warnings::valuesNeverMatching)
                    .orElse(List.of());
            if (!never.isEmpty()) {
                add(WarningCode.FILTER_VALUE_NEVER_MATCHES, assignment, null, filterId, named + " compares "
                        + String.join(", ", never) + ", which no device has.");
            }
        }

        /** What an inclusion reaches: All devices devices, All licensed users users, a group its members. */
        private Set<SubjectType> dimensionsOf(AssignmentTarget target) {
            if (target instanceof AllDevicesAssignmentTarget) {
                return EnumSet.of(SubjectType.DEVICE);
            }
            if (target instanceof AllLicensedUsersAssignmentTarget) {
                return EnumSet.of(SubjectType.USER);
            }
            UUID groupId = EffectiveTargeting.groupOf(target);
            return groupId == null || !dimensions.containsKey(groupId) ? Set.of() : dimensions.get(groupId);
        }

        private void add(WarningCode code, AssignmentId assignment, UUID groupId, UUID filterId, String message) {
            warnings.add(new TargetingWarning(code, script, assignment, groupId, filterId, message));
        }
    }

    /** Each enumerated property of the rule compared with a value outside its set, as "property "value"". */
    private static List<String> valuesNeverMatching(FilterRule rule) {
        if (rule instanceof FilterRule.And and) {
            return Stream.concat(valuesNeverMatching(and.left()).stream(), valuesNeverMatching(and.right()).stream())
                    .toList();
        }
        if (rule instanceof FilterRule.Or or) {
            return Stream.concat(valuesNeverMatching(or.left()).stream(), valuesNeverMatching(or.right()).stream())
                    .toList();
        }
        FilterRule.Comparison comparison = (FilterRule.Comparison) rule;
        FilterProperty property = comparison.property();
        if (property.kind() != FilterProperty.Kind.ENUMERATED) {
            return List.of();
        }
        List<String> values = comparison.operand() instanceof Operand.Text text ? List.of(text.value())
                : comparison.operand() instanceof Operand.TextList list ? list.values() : List.of();
        // "" in a list stands for no value (FilterRule.Comparison), which is not a value outside the set.
        return values.stream().filter(value -> !value.isEmpty())
                .filter(value -> property.values().stream().noneMatch(value::equalsIgnoreCase))
                .map(value -> property.name() + " with \"" + value + "\"").toList();
    }

    private static String dimensionNames(Set<SubjectType> kinds) {
        return kinds.contains(SubjectType.USER) ? "users" : "devices";
    }
}
