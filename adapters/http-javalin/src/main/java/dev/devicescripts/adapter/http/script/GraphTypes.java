package dev.devicescripts.adapter.http.script;

import dev.devicescripts.application.collections.TargetTypes;
import java.util.List;

/** The OData type names of Graph's schema that requests and responses use, without the leading '#'. */
final class GraphTypes {
    static final String SCRIPT = "microsoft.graph.deviceManagementScript";
    static final String ASSIGNMENT = "microsoft.graph.deviceManagementScriptAssignment";
    static final String GROUP_ASSIGNMENT = "microsoft.graph.deviceManagementScriptGroupAssignment";
    static final String NAMESPACE = "microsoft.graph.";
    static final String GROUP_TARGET = NAMESPACE + TargetTypes.GROUP;
    static final String EXCLUSION_GROUP_TARGET = NAMESPACE + TargetTypes.EXCLUSION_GROUP;
    static final String ALL_DEVICES_TARGET = NAMESPACE + TargetTypes.ALL_DEVICES;
    static final String ALL_LICENSED_USERS_TARGET = NAMESPACE + TargetTypes.ALL_LICENSED_USERS;
    static final String COLLECTION_TARGET = NAMESPACE + TargetTypes.COLLECTION;
    static final List<String> TARGETS = List.of(GROUP_TARGET, EXCLUSION_GROUP_TARGET, ALL_DEVICES_TARGET,
            ALL_LICENSED_USERS_TARGET, COLLECTION_TARGET);

    private GraphTypes() {
    }
}
