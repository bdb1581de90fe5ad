package dev.devicescripts.application.port.out;

/** The two outbound ports of one store, as an adapter under test supplies them: both over the same data. */
public record Storage(ScriptRepository scripts, AssignmentSetRepository assignmentSets) {
}
