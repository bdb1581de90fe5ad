package dev.devicescripts.domain.targeting;

/** What one step of a reason chain did to the subject. */
public enum Outcome {
    INCLUDED("included"),
    EXCLUDED("excluded"),
    /** An exclusion of the other dimension, which Intune does not apply across (R4). */
    NOT_EVALUATED("notEvaluated"),
    INDETERMINATE("indeterminate"),
    NOT_TARGETED("notTargeted");

    private final String graphName;

    Outcome(String graphName) {
        this.graphName = graphName;
    }

    public String graphName() {
        return graphName;
    }
}
