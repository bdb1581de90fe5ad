package dev.devicescripts.domain.targeting;

/** Whether a script reaches a subject (targeting.md 4.4). */
public enum TargetState {
    INCLUDED("included"),
    EXCLUDED("excluded"),
    NOT_TARGETED("notTargeted"),
    /** The sources give no outcome (an unsupported include/exclude mix) or data is missing: never a guess. */
    INDETERMINATE("indeterminate");

    private final String graphName;

    TargetState(String graphName) {
        this.graphName = graphName;
    }

    public String graphName() {
        return graphName;
    }
}
