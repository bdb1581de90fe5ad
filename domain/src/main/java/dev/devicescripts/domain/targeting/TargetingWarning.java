package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.AssignmentId;
import java.util.Objects;
import java.util.UUID;

/**
 * A reason a script's assignments may not act as its author meant (targeting.md 4.5).
 *
 * @param assignmentId null when the warning is about the whole set (Unassigned, ExclusionOnly, AllTargetsPlusGroups,
 *                     UserContextOnRegisteredDevices)
 * @param groupId      the group concerned, or null
 * @param filterId     the filter concerned, or null
 */
public record TargetingWarning(WarningCode code, TargetedScript script, AssignmentId assignmentId, UUID groupId,
                               UUID filterId, String message) {
    public TargetingWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(message, "message");
    }

    /** Tells the script's warnings apart: one warning of a code per script and assignment. */
    public String id() {
        return script.id() + ":" + code.graphName() + (assignmentId == null ? "" : ":" + assignmentId.key());
    }
}
