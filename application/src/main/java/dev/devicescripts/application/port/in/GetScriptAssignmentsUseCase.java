package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.ScriptGroupAssignment;
import dev.devicescripts.domain.ScriptId;
import java.util.List;
import java.util.Map;

/**
 * Reads a script's assignment set, whole or one entry at a time, as assignments or as the group-assignment view.
 * Every method throws {@link NotFoundException} when the script, or the named assignment, does not exist.
 */
public interface GetScriptAssignmentsUseCase {
    List<ScriptAssignment> assignments(Caller caller, ScriptId scriptId);

    ScriptAssignment assignment(Caller caller, ScriptId scriptId, String assignmentId);

    List<ScriptGroupAssignment> groupAssignments(Caller caller, ScriptId scriptId);

    ScriptGroupAssignment groupAssignment(Caller caller, ScriptId scriptId, String groupAssignmentId);

    /** The assignment sets of several scripts at once, for expanding a page of them; unknown ids are left out. */
    Map<ScriptId, AssignmentSet> assignmentSets(Caller caller, List<ScriptId> scriptIds);
}
