package dev.devicescripts.domain.targeting;

/**
 * The steps of a reason chain (targeting.md 4.4): how an assignment concerns a subject ({@code target.*}), then the one
 * decision ({@code decision.*}), each with where its rule comes from.
 */
public enum ReasonCode {
    ALL_DEVICES("target.allDevices", Basis.DOCUMENTED),
    /** "Licensed" read as enabled with a license (targeting.md open question 14). */
    ALL_LICENSED_USERS("target.allLicensedUsers", Basis.DECISION),
    GROUP_DIRECT("target.groupDirect", Basis.DOCUMENTED),
    /** Nested groups count (open question 20). */
    GROUP_NESTED("target.groupNested", Basis.DECISION),
    /** "Signs in" approximated by the primary user and usersLoggedOn (open question 15). */
    VIA_PRIMARY_USER("target.viaPrimaryUser", Basis.DECISION),
    VIA_SIGNED_IN_USER("target.viaSignedInUser", Basis.DECISION),
    UNRESOLVABLE("target.unresolvable", Basis.DECISION),
    INCLUDED("decision.included", Basis.DOCUMENTED),
    EXCLUDED("decision.excluded", Basis.DOCUMENTED),
    NOT_TARGETED("decision.notTargeted", Basis.DOCUMENTED),
    CROSS_DIMENSION_NOT_EVALUATED("decision.crossDimensionNotEvaluated", Basis.DOCUMENTED),
    CROSS_DIMENSION_INDETERMINATE("decision.crossDimensionIndeterminate", Basis.DECISION),
    /** A co-managed device that only a Configuration Manager collection could reach: its members are unknown here. */
    UNRESOLVABLE_DECISION("decision.unresolvable", Basis.DECISION),
    FILTER_EXCLUDED("decision.filterExcluded", Basis.DECISION);

    private final String graphName;
    private final Basis basis;

    ReasonCode(String graphName, Basis basis) {
        this.graphName = graphName;
        this.basis = basis;
    }

    public String graphName() {
        return graphName;
    }

    public Basis basis() {
        return basis;
    }

    public boolean isDecision() {
        return graphName.startsWith("decision.");
    }
}
