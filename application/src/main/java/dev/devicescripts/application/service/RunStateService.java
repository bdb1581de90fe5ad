package dev.devicescripts.application.service;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.port.in.GetScriptRunStatesUseCase;
import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.RunSummary;
import dev.devicescripts.domain.directory.UserRunState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A script's run states, with the script's own permissions. Users' states and the summary are computed from the
 * devices' states by the store (a device's user is its primary user, and a device without one counts for no user),
 * which counts them where they are kept instead of handing over every state.
 */
public final class RunStateService implements GetScriptRunStatesUseCase {
    private final ScriptRepository scripts;
    private final DirectoryRepository directory;

    public RunStateService(ScriptRepository scripts, DirectoryRepository directory) {
        this.scripts = scripts;
        this.directory = directory;
    }

    @Override
    public Page<DeviceRunState> deviceRunStates(Caller caller, ScriptId scriptId, Query<DeviceRunState> query) {
        return readsOf(caller, scriptId).runStates(scriptId, query);
    }

    @Override
    public long countDeviceRunStates(Caller caller, ScriptId scriptId, Optional<Filter<DeviceRunState>> filter) {
        return readsOf(caller, scriptId).countRunStates(scriptId, filter);
    }

    @Override
    public Map<UUID, ManagedDevice> managedDevices(Caller caller, ScriptId scriptId,
                                                   Collection<UUID> managedDeviceIds) {
        DirectoryReads reads = readsOf(caller, scriptId);
        Map<UUID, ManagedDevice> devices = new LinkedHashMap<>();
        managedDeviceIds.forEach(id -> reads.managedDevice(id).ifPresent(device -> devices.put(id, device)));
        return devices;
    }

    @Override
    public List<UserRunState> userRunStates(Caller caller, ScriptId scriptId) {
        return readsOf(caller, scriptId).userRunStates(scriptId, Optional.empty());
    }

    @Override
    public UserRunState userRunState(Caller caller, ScriptId scriptId, UUID userId) {
        return readsOf(caller, scriptId).userRunStates(scriptId, Optional.of(userId)).stream().findFirst()
                .orElseThrow(() -> noUserState(scriptId, userId));
    }

    @Override
    public List<DeviceRunState> userDeviceRunStates(Caller caller, ScriptId scriptId, UUID userId) {
        List<DeviceRunState> states = readsOf(caller, scriptId).userDeviceRunStates(scriptId, userId);
        if (states.isEmpty()) {
            throw noUserState(scriptId, userId);
        }
        return states;
    }

    @Override
    public RunSummary runSummary(Caller caller, ScriptId scriptId) {
        return readsOf(caller, scriptId).runSummary(scriptId);
    }

    private DirectoryReads readsOf(Caller caller, ScriptId scriptId) {
        TenantId tenant = Access.READ.tenantOf(caller);
        if (scripts.find(tenant, scriptId).isEmpty()) {
            throw new ScriptNotFoundException(scriptId);
        }
        return directory.reads(tenant);
    }

    private static NotFoundException noUserState(ScriptId scriptId, UUID userId) {
        return new NotFoundException("No deviceManagementScriptUserState with id " + scriptId + ":" + userId
                + " exists.");
    }
}
