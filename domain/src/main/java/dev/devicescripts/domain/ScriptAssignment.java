package dev.devicescripts.domain;

/** One target of a script's assignment set, as Graph's deviceManagementScriptAssignment shows it. */
public record ScriptAssignment(AssignmentId id, AssignmentTarget target) {
}
