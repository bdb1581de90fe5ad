package dev.devicescripts.domain.targeting;

import java.util.Objects;

/** One script's result on the subject a reverse lookup asked about (targeting.md 4.4's scriptResult). */
public record ScriptResult(TargetedScript script, TargetResult result) {
    public ScriptResult {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(result, "result");
    }
}
