package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.ScriptId;
import java.util.List;
import java.util.Objects;

/**
 * An assign request: the script, and the two collections that together name its new assignment set. An empty
 * collection names nothing.
 */
public record AssignScriptCommand(ScriptId scriptId, List<GroupId> groupAssignments,
                                  List<AssignmentTarget> assignments) {
    public AssignScriptCommand {
        Objects.requireNonNull(scriptId, "scriptId");
        groupAssignments = List.copyOf(groupAssignments);
        assignments = List.copyOf(assignments);
    }
}
