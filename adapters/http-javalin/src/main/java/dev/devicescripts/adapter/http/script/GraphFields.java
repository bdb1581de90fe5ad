package dev.devicescripts.adapter.http.script;

import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.InvalidInputException;
import java.util.Map;

/**
 * The Graph property names of assigns and targets where the domain has its own terms, and the one table that maps
 * the domain's terms to them: the domain's errors name their subjects its way, a client reads them Graph's way.
 */
final class GraphFields {
    static final String GROUP_ASSIGNMENTS = "deviceManagementScriptGroupAssignments";
    static final String ASSIGNMENTS = "deviceManagementScriptAssignments";
    static final String FILTER_ID = "deviceAndAppManagementAssignmentFilterId";
    static final String FILTER_TYPE = "deviceAndAppManagementAssignmentFilterType";

    /** Only the subjects Graph names otherwise: the others, such as displayName, are the same in both. */
    private static final Map<String, String> GRAPH_NAMES = Map.of(
            AssignmentSet.GROUP_ASSIGNMENTS, GROUP_ASSIGNMENTS,
            AssignmentSet.ASSIGNMENTS, ASSIGNMENTS,
            AssignmentSet.GROUP_ASSIGNMENTS_AND_ASSIGNMENTS, GROUP_ASSIGNMENTS + " and " + ASSIGNMENTS,
            AssignmentFilter.FILTER_ID, FILTER_ID,
            AssignmentFilter.FILTER_TYPE, FILTER_TYPE,
            ExclusionGroupAssignmentTarget.class.getSimpleName(), "exclusionGroupAssignmentTarget");

    private GraphFields() {
    }

    /**
     * A rejection by the domain as a Graph client reads it. Only for what the domain refused: a name the adapter
     * gave, such as an unknown property a client sent, must not be renamed.
     */
    static InvalidInputException named(InvalidInputException rejection) {
        return rejection.named(name -> GRAPH_NAMES.getOrDefault(name, name));
    }
}
