package dev.devicescripts.domain.directory;

import dev.devicescripts.domain.ScriptId;
import java.util.Collection;
import java.util.Objects;

/**
 * A script's run in sum. A device counts by its state (success; fail or scriptError); a user counts as an error when
 * any of its devices failed, else as a success when any succeeded.
 */
public record RunSummary(ScriptId scriptId, long successDeviceCount, long errorDeviceCount, long successUserCount,
                         long errorUserCount) {
    public RunSummary {
        Objects.requireNonNull(scriptId, "scriptId");
    }

    public static RunSummary of(ScriptId scriptId, Collection<DeviceRunState> devices, Collection<UserRunState> users) {
        return new RunSummary(scriptId, devices.stream().filter(DeviceRunState::succeeded).count(),
                devices.stream().filter(DeviceRunState::failed).count(),
                users.stream().filter(user -> user.errorDeviceCount() == 0 && user.successDeviceCount() > 0).count(),
                users.stream().filter(user -> user.errorDeviceCount() > 0).count());
    }
}
