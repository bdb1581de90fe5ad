package dev.devicescripts.domain.directory;

import dev.devicescripts.domain.ScriptId;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

/** How a script ran on the managed devices whose primary user is this user: how many succeeded and failed. */
public record UserRunState(ScriptId scriptId, UUID userId, String userPrincipalName, long successDeviceCount,
                           long errorDeviceCount) {
    public UserRunState {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(userId, "userId");
    }

    /** The user's state from the states of its devices: success counts {@code success}; error, a failure. */
    public static UserRunState of(ScriptId scriptId, UUID userId, String userPrincipalName,
                                  Collection<DeviceRunState> devices) {
        return new UserRunState(scriptId, userId, userPrincipalName,
                devices.stream().filter(DeviceRunState::succeeded).count(),
                devices.stream().filter(DeviceRunState::failed).count());
    }
}
