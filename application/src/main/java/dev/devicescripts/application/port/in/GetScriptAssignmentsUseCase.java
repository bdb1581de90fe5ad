package dev.devicescripts.application.port.in;

import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.ScriptGroupAssignment;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.util.List;

/**
 * Reads a script's assignment set, whole or one entry at a time, as assignments or as the group-assignment view.
 * Every method throws {@link NotFoundException} when the script, or the named assignment, does not exist.
 */
public interface GetScriptAssignmentsUseCase {
    List<ScriptAssignment> assignments(TenantId tenant, ScriptId scriptId);

    ScriptAssignment assignment(TenantId tenant, ScriptId scriptId, String assignmentId);

    List<ScriptGroupAssignment> groupAssignments(TenantId tenant, ScriptId scriptId);

    ScriptGroupAssignment groupAssignment(TenantId tenant, ScriptId scriptId, String groupAssignmentId);
}
