package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One row of script_assignment_target: the kind of target (the values the table's check allows), the id it points
 * at, and its filter.
 */
record TargetRow(String targetType, UUID groupId, String collectionId, AssignmentFilter filter) {
    private static final String GROUP = "group";
    private static final String EXCLUSION_GROUP = "exclusionGroup";
    private static final String ALL_DEVICES = "allDevices";
    private static final String ALL_LICENSED_USERS = "allLicensedUsers";
    private static final String COLLECTION = "configurationManagerCollection";

    static TargetRow of(AssignmentTarget target) {
        if (target instanceof GroupAssignmentTarget group) {
            return new TargetRow(GROUP, group.groupId().value(), null, group.filter());
        }
        if (target instanceof ExclusionGroupAssignmentTarget exclusion) {
            return new TargetRow(EXCLUSION_GROUP, exclusion.groupId().value(), null, exclusion.filter());
        }
        if (target instanceof AllDevicesAssignmentTarget allDevices) {
            return new TargetRow(ALL_DEVICES, null, null, allDevices.filter());
        }
        if (target instanceof AllLicensedUsersAssignmentTarget allUsers) {
            return new TargetRow(ALL_LICENSED_USERS, null, null, allUsers.filter());
        }
        ConfigurationManagerCollectionAssignmentTarget collection =
                (ConfigurationManagerCollectionAssignmentTarget) target;
        return new TargetRow(COLLECTION, null, collection.collectionId(), collection.filter());
    }

    static TargetRow read(ResultSet row) throws SQLException {
        AssignmentFilterType filterType =
                AssignmentFilterType.fromGraphName(row.getString("filter_type"), "filter_type");
        AssignmentFilter filter = new AssignmentFilter(filterType, row.getObject("filter_id", UUID.class));
        return new TargetRow(row.getString("target_type"), row.getObject("group_id", UUID.class),
                row.getString("collection_id"), filter);
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
