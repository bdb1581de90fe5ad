package dev.devicescripts.domain.directory;

import dev.devicescripts.domain.ScriptId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How a script last ran on a managed device, as its agent reported it (here: as seeded).
 *
 * @param runState {@code unknown}, {@code success}, {@code fail}, {@code scriptError}, {@code pending} or
 *                 {@code notApplicable}
 */
public record DeviceRunState(ScriptId scriptId, UUID managedDeviceId, String runState, String resultMessage,
                             Instant lastStateUpdateDateTime, Integer errorCode, String errorDescription) {
    public DeviceRunState {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(managedDeviceId, "managedDeviceId");
        Objects.requireNonNull(runState, "runState");
    }

    public boolean succeeded() {
        return runState.equalsIgnoreCase("success");
    }

    public boolean failed() {
        return runState.equalsIgnoreCase("fail") || runState.equalsIgnoreCase("scriptError");
    }
}
