package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.RunAsAccount;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one script does to one subject, and why (targeting.md 4.4's targetResult).
 *
 * @param subjectId           a managed device's id or a user's id
 * @param notApplicableReason null when the subject can run the script
 * @param runContext          the account the script runs as there (the script's runAsAccount)
 * @param reasons             every assignment that concerns the subject, in assignment order, then one decision
 */
public record TargetResult(SubjectType subjectType, UUID subjectId, String subjectDisplayName, TargetState state,
                           NotApplicableReason notApplicableReason, RunAsAccount runContext, List<Reason> reasons) {
    public TargetResult {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(runContext, "runContext");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty() || !reasons.get(reasons.size() - 1).code().isDecision()) {
            throw new IllegalArgumentException("A reason chain ends with exactly one decision");
        }
    }

    public boolean isApplicable() {
        return notApplicableReason == null;
    }

    /** The decision that ends the chain. */
    public Reason decision() {
        return reasons.get(reasons.size() - 1);
    }
}
