package dev.devicescripts.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A PowerShell script that Intune runs on Windows devices. Its assignment set is kept beside it (see
 * {@link AssignmentSet}) and replaced only whole.
 */
public record DeviceManagementScript(
        ScriptId id,
        ScriptProperties properties,
        Instant createdDateTime,
        Instant lastModifiedDateTime) {

    public DeviceManagementScript {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        Objects.requireNonNull(lastModifiedDateTime, "lastModifiedDateTime");
        // Kept to the microsecond, the finest that every database we store in can hold, so a stored script reads
        // back equal to the one that was stored.
        createdDateTime = createdDateTime.truncatedTo(ChronoUnit.MICROS);
        lastModifiedDateTime = lastModifiedDateTime.truncatedTo(ChronoUnit.MICROS);
    }

    public static DeviceManagementScript create(ScriptId id, ScriptProperties properties, Instant now) {
        return new DeviceManagementScript(id, properties, now, now);
    }

    public DeviceManagementScript patched(ScriptPatch patch, Instant now) {
        return new DeviceManagementScript(id, properties.patched(patch), createdDateTime, now);
    }

    /** The same script as lists show it: Graph leaves scriptContent out of collections. */
    public DeviceManagementScript withoutContent() {
        return with(null, properties.roleScopeTagIds());
    }

    /** The same script with these role scope tags, as a store that reads them apart from the script assembles it. */
    public DeviceManagementScript withRoleScopeTagIds(List<String> roleScopeTagIds) {
        return with(properties.scriptContent(), roleScopeTagIds);
    }

    private DeviceManagementScript with(ScriptContent content, List<String> roleScopeTagIds) {
        ScriptProperties p = properties;
        return new DeviceManagementScript(id, new ScriptProperties(p.displayName(), p.description(), content,
                p.fileName(), p.runAsAccount(), p.enforceSignatureCheck(), p.runAs32Bit(), roleScopeTagIds),
                createdDateTime, lastModifiedDateTime);
    }
}
