package dev.devicescripts.domain;

import java.util.Objects;
import java.util.UUID;

/** The GUID of a device management script. */
public record ScriptId(UUID value) {
    public ScriptId {
        Objects.requireNonNull(value, "value");
    }

    public static ScriptId of(String guid) {
        return new ScriptId(Guids.parse(guid, "id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
