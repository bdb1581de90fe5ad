package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptPatch;
import java.util.Objects;

/** A PATCH of one script. */
public record UpdateScriptCommand(ScriptId scriptId, ScriptPatch patch) {
    public UpdateScriptCommand {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(patch, "patch");
    }
}
