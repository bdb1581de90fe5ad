package dev.devicescripts.adapter.http.script;

import java.util.List;

/** The OData type names of Graph's schema that requests and responses use, without the leading '#'. */
final class GraphTypes {
    static final String SCRIPT = "microsoft.graph.deviceManagementScript";
    static final String ASSIGNMENT = "microsoft.graph.deviceManagementScriptAssignment";
    static final String GROUP_ASSIGNMENT = "microsoft.graph.deviceManagementScriptGroupAssignment";
    static final String GROUP_TARGET = "microsoft.graph.groupAssignmentTarget";
    static final String EXCLUSION_GROUP_TARGET = "microsoft.graph.exclusionGroupAssignmentTarget";
    static final String ALL_DEVICES_TARGET = "microsoft.graph.allDevicesAssignmentTarget";
    static final String ALL_LICENSED_USERS_TARGET = "microsoft.graph.allLicensedUsersAssignmentTarget";
    static final String COLLECTION_TARGET = "microsoft.graph.configurationManagerCollectionAssignmentTarget";
    static final List<String> TARGETS = List.of(GROUP_TARGET, EXCLUSION_GROUP_TARGET, ALL_DEVICES_TARGET,
            ALL_LICENSED_USERS_TARGET, COLLECTION_TARGET);

    private GraphTypes() {
    }
}
