package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.RunSummary;
import dev.devicescripts.domain.directory.UserRunState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How a script ran: per managed device, per primary user, and in sum. Every method throws ScriptNotFoundException
 * when the script does not exist.
 */
public interface GetScriptRunStatesUseCase {
    Page<DeviceRunState> deviceRunStates(Caller caller, ScriptId scriptId, Query<DeviceRunState> query);

    long countDeviceRunStates(Caller caller, ScriptId scriptId, Optional<Filter<DeviceRunState>> filter);

    /** The managed devices of a page of run states, for {@code $expand=managedDevice}; gone ones are left out. */
    Map<UUID, ManagedDevice> managedDevices(Caller caller, ScriptId scriptId, Collection<UUID> managedDeviceIds);

    /** One state per primary user of a device with a state, in user id order. */
    List<UserRunState> userRunStates(Caller caller, ScriptId scriptId);

    /** One user's state; NotFoundException when none of the user's devices has a state. */
    UserRunState userRunState(Caller caller, ScriptId scriptId, UUID userId);

    /** The states of the script on the devices whose primary user this is; NotFoundException as above. */
    List<DeviceRunState> userDeviceRunStates(Caller caller, ScriptId scriptId, UUID userId);

    RunSummary runSummary(Caller caller, ScriptId scriptId);
}
