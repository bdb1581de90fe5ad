package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptId;
import java.util.Objects;

/** What targeting needs of a script: who it is assigned to and the account it runs as. */
public record TargetedScript(ScriptId id, String displayName, RunAsAccount runAsAccount, AssignmentSet assignments) {
    public TargetedScript {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runAsAccount, "runAsAccount");
        Objects.requireNonNull(assignments, "assignments");
    }

    public static TargetedScript of(DeviceManagementScript script, AssignmentSet assignments) {
        return new TargetedScript(script.id(), script.properties().displayName(), script.properties().runAsAccount(),
                assignments);
    }
}
