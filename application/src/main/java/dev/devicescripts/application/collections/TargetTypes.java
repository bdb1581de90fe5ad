package dev.devicescripts.application.collections;

import static dev.devicescripts.domain.audit.JsonText.quoted;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.audit.JsonText;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph's type name of each assignment target, without the {@code microsoft.graph.} namespace: the one table from the
 * domain's targets to them, read by the scripts' JSON, by effective targeting's answers and by
 * the audit entries of assigns.
 */
public final class TargetTypes {
    public static final String GROUP = "groupAssignmentTarget";
    public static final String EXCLUSION_GROUP = "exclusionGroupAssignmentTarget";
    public static final String ALL_DEVICES = "allDevicesAssignmentTarget";
    public static final String ALL_LICENSED_USERS = "allLicensedUsersAssignmentTarget";
    public static final String COLLECTION = "configurationManagerCollectionAssignmentTarget";

    private TargetTypes() {
    }

    public static String of(AssignmentTarget target) {
        if (target instanceof GroupAssignmentTarget) {
            return GROUP;
        } else if (target instanceof ExclusionGroupAssignmentTarget) {
            return EXCLUSION_GROUP;
        } else if (target instanceof AllDevicesAssignmentTarget) {
            return ALL_DEVICES;
        } else if (target instanceof AllLicensedUsersAssignmentTarget) {
            return ALL_LICENSED_USERS;
        }
        return COLLECTION;
    }

    /**
     * The set as JSON text, for an assign's audit entry: an array of the targets in the set's order, each in the
     * shape of a deviceManagementScriptAssignment's target, members in the order the scripts' JSON writes them.
     */
    public static String json(AssignmentSet set) {
        return JsonText.array(set.targets().stream().map(TargetTypes::json).toList());
    }

    private static String json(AssignmentTarget target) {
        AssignmentFilter filter = target.filter();
        List<String> members = new ArrayList<>(List.of(
                "@odata.type", quoted("#microsoft.graph." + of(target)),
                "deviceAndAppManagementAssignmentFilterId",
                quoted(filter.filterId() == null ? null : filter.filterId().toString()),
                "deviceAndAppManagementAssignmentFilterType", quoted(filter.type().graphName())));
        if (target instanceof GroupAssignmentTarget group) {
            members.addAll(List.of("groupId", quoted(group.groupId().toString())));
        } else if (target instanceof ExclusionGroupAssignmentTarget exclusion) {
            members.addAll(List.of("groupId", quoted(exclusion.groupId().toString())));
        } else if (target instanceof ConfigurationManagerCollectionAssignmentTarget collection) {
            members.addAll(List.of("collectionId", quoted(collection.collectionId())));
        }
        return JsonText.object(members.toArray(String[]::new));
    }
}
