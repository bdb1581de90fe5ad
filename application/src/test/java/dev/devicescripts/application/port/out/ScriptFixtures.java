package dev.devicescripts.application.port.out;

import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptContent;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptPatch;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Scripts and tenants for tests, each property set to a value a reader can recognize. */
public final class ScriptFixtures {
    public static final TenantId TENANT = TenantId.of("11111111-1111-1111-1111-111111111111");
    public static final TenantId OTHER_TENANT = TenantId.of("22222222-2222-2222-2222-222222222222");
    public static final Instant CREATED = Instant.parse("2026-11-28T10:15:30.123456Z");

    private ScriptFixtures() {
    }

    /** Every property set, none to its default. */
    public static ScriptProperties fullProperties(String displayName) {
        return new ScriptProperties(displayName, "Removes stale profiles",
                ScriptContent.of("Write-Output 'hello'\r\n".getBytes(StandardCharsets.UTF_8)), "cleanup.ps1",
                RunAsAccount.USER, true, true, List.of("0", "7"));
    }

    public static ScriptId newScriptId() {
        return new ScriptId(UUID.randomUUID());
    }

    public static DeviceManagementScript script(String displayName) {
        return script(newScriptId(), displayName, CREATED);
    }

    public static DeviceManagementScript script(ScriptId id, String displayName, Instant created) {
        return DeviceManagementScript.create(id, fullProperties(displayName), created);
    }

    /** The script with another description and every other property, timestamps included, as it was. */
    public static DeviceManagementScript withDescription(DeviceManagementScript script, String description) {
        ScriptPatch patch = new ScriptPatch(Change.keep(), Change.to(description), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep());
        return script.patched(patch, script.lastModifiedDateTime());
    }
}
