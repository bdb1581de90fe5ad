package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import java.util.UUID;

/** A target as stored (see {@link PackedTargets}): the name of its kind, the id it points at, and its filter. */
record StoredTarget(String targetType, UUID groupId, String collectionId, AssignmentFilter filter) {
    static final String GROUP = "group";
    static final String EXCLUSION_GROUP = "exclusionGroup";
    static final String ALL_DEVICES = "allDevices";
    static final String ALL_LICENSED_USERS = "allLicensedUsers";
    static final String COLLECTION = "configurationManagerCollection";

    static StoredTarget of(AssignmentTarget target) {
        if (target instanceof GroupAssignmentTarget group) {
            return new StoredTarget(GROUP, group.groupId().value(), null, group.filter());
        }
        if (target instanceof ExclusionGroupAssignmentTarget exclusion) {
            return new StoredTarget(EXCLUSION_GROUP, exclusion.groupId().value(), null, exclusion.filter());
        }
        if (target instanceof AllDevicesAssignmentTarget allDevices) {
            return new StoredTarget(ALL_DEVICES, null, null, allDevices.filter());
        }
        if (target instanceof AllLicensedUsersAssignmentTarget allUsers) {
            return new StoredTarget(ALL_LICENSED_USERS, null, null, allUsers.filter());
        }
        ConfigurationManagerCollectionAssignmentTarget collection =
                (ConfigurationManagerCollectionAssignmentTarget) target;
        return new StoredTarget(COLLECTION, null, collection.collectionId(), collection.filter());
    }

    AssignmentTarget toTarget() {
        return switch (targetType) {
            case GROUP -> new GroupAssignmentTarget(new GroupId(groupId), filter);
            case EXCLUSION_GROUP -> new ExclusionGroupAssignmentTarget(new GroupId(groupId), filter);
            case ALL_DEVICES -> new AllDevicesAssignmentTarget(filter);
            case ALL_LICENSED_USERS -> new AllLicensedUsersAssignmentTarget(filter);
            case COLLECTION -> new ConfigurationManagerCollectionAssignmentTarget(collectionId, filter);
            default -> throw new IllegalStateException("The database holds an assignment target of unknown type "
                    + targetType + ".");
        };
    }
}
