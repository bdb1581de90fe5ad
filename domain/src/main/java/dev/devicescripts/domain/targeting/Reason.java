package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ScriptAssignment;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One step of a reason chain: an assignment that concerns the subject (with the group, the membership path and the
 * user it came through), or the final decision, which names no assignment.
 *
 * @param assignment     null on a decision step
 * @param groupId        the group the assignment names; null for other targets and decisions
 * @param dimension      whom the step concerns the subject as: a device, or a user (also on a device reached through
 *                       its user); null on a decision step and for unresolvable targets
 * @param membershipPath from the assigned group down to the subject's object id (the Entra device for a device, the
 *                       user for a path through a user); empty when the step is not about a group
 * @param viaUserId      the user a device was reached through; null otherwise
 * @param filter         the assignment's filter on the subject; null when it has none or on a decision step
 */
public record Reason(ReasonCode code, Outcome outcome, ScriptAssignment assignment, UUID groupId,
                     String groupDisplayName, SubjectType dimension, List<UUID> membershipPath, UUID viaUserId,
                     FilterCheck filter, String message) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(outcome, "outcome");
        membershipPath = List.copyOf(membershipPath);
        Objects.requireNonNull(message, "message");
    }

    /** The last step of every chain. */
    public static Reason decision(ReasonCode code, Outcome outcome, String message) {
        return new Reason(code, outcome, null, null, null, null, List.of(), null, null, message);
    }

    /** The target the step's assignment names; null on a decision step. */
    public AssignmentTarget target() {
        return assignment == null ? null : assignment.target();
    }
}
