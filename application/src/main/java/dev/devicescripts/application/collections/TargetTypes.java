package dev.devicescripts.application.collections;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;

/**
 * Graph's type name of each assignment target, without the {@code microsoft.graph.} namespace: the one table from the
 * domain's targets to them, read by the scripts' JSON and by effective targeting's answers.
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
}
