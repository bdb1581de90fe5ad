package dev.devicescripts.domain.targeting;

/** An assignment filter evaluated on one device (targeting.md 4.4). */
public enum FilterResult {
    MATCH("match"),
    NOT_MATCH("notMatch"),
    /** The filter id names no filter of the tenant, or the subject is a user (filters read devices). */
    NOT_EVALUATED("notEvaluated"),
    /** The filter cannot act on a device workload: an apps filter. */
    INVALID("invalid");

    private final String graphName;

    FilterResult(String graphName) {
        this.graphName = graphName;
    }

    public String graphName() {
        return graphName;
    }
}
