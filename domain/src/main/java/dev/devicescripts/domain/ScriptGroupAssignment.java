package dev.devicescripts.domain;

/** One unfiltered include-group target, as Graph's deviceManagementScriptGroupAssignment shows it. */
public record ScriptGroupAssignment(AssignmentId id, GroupId targetGroupId) {
}
