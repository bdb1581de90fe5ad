package dev.devicescripts.domain;

import java.util.Objects;

/** The id Graph gives one assignment of a script: {@code {scriptId}:{target key}}. */
public record AssignmentId(ScriptId scriptId, String key) {
    public AssignmentId {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(key, "key");
    }

    public static AssignmentId of(ScriptId scriptId, AssignmentTarget target) {
        return new AssignmentId(scriptId, target.key());
    }

    @Override
    public String toString() {
        return scriptId + ":" + key;
    }
}
