package dev.devicescripts.domain;

/**
 * Whom a script is assigned to. One record per kind of target Graph knows; each carries the assignment filter that
 * narrows it ({@link AssignmentFilter#NONE} when there is none).
 */
public sealed interface AssignmentTarget
        permits GroupAssignmentTarget, ExclusionGroupAssignmentTarget, AllDevicesAssignmentTarget,
                AllLicensedUsersAssignmentTarget, ConfigurationManagerCollectionAssignmentTarget {

    AssignmentFilter filter();

    /**
     * What the target points at, the part after the colon of an assignment id {@code {scriptId}:{key}}. Two targets
     * with the same key name the same devices or users (an include and an exclude of one group share a key).
     */
    String key();
}
