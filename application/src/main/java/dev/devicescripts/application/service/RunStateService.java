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
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.directory.UserRunState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A script's run states, with the script's own permissions. Users' states and the summary are computed from the
 * devices' states: a device's user is its primary user, and a device without one counts for no user.
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
        return readsOf(caller, scriptId).allRunStates(scriptId).stream()
                .filter(state -> filter.map(wanted -> wanted.matches(state)).orElse(true)).count();
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
        return List.copyOf(byUser(readsOf(caller, scriptId), scriptId).values());
    }

    @Override
    public UserRunState userRunState(Caller caller, ScriptId scriptId, UUID userId) {
        UserRunState state = byUser(readsOf(caller, scriptId), scriptId).get(userId);
        if (state == null) {
            throw noUserState(scriptId, userId);
        }
        return state;
    }

    @Override
    public List<DeviceRunState> userDeviceRunStates(Caller caller, ScriptId scriptId, UUID userId) {
        DirectoryReads reads = readsOf(caller, scriptId);
        List<DeviceRunState> states = new ArrayList<>();
        for (DeviceRunState state : reads.allRunStates(scriptId)) {
            if (reads.managedDevice(state.managedDeviceId()).map(device -> userId.equals(device.userId()))
                    .orElse(false)) {
                states.add(state);
            }
        }
        if (states.isEmpty()) {
            throw noUserState(scriptId, userId);
        }
        return states;
    }

    @Override
    public RunSummary runSummary(Caller caller, ScriptId scriptId) {
        DirectoryReads reads = readsOf(caller, scriptId);
        return RunSummary.of(scriptId, reads.allRunStates(scriptId), byUser(reads, scriptId).values());
    }

    private DirectoryReads readsOf(Caller caller, ScriptId scriptId) {
        TenantId tenant = Access.READ.tenantOf(caller);
        if (scripts.find(tenant, scriptId).isEmpty()) {
            throw new ScriptNotFoundException(scriptId);
        }
        return directory.reads(tenant);
    }

    /** The users' states in user id order, each counting the states of its devices. */
    private static Map<UUID, UserRunState> byUser(DirectoryReads reads, ScriptId scriptId) {
        Map<UUID, long[]> counts = new TreeMap<>();
        for (DeviceRunState state : reads.allRunStates(scriptId)) {
            Optional<UUID> user = reads.managedDevice(state.managedDeviceId()).map(ManagedDevice::userId);
            if (user.isPresent()) {
                long[] count = counts.computeIfAbsent(user.get(), id -> new long[2]);
                count[0] += state.succeeded() ? 1 : 0;
                count[1] += state.failed() ? 1 : 0;
            }
        }
        Map<UUID, UserRunState> states = new LinkedHashMap<>();
        counts.forEach((userId, count) -> states.put(userId, new UserRunState(scriptId, userId,
                reads.user(userId).map(User::userPrincipalName).orElse(null), count[0], count[1])));
        return states;
    }

    private static NotFoundException noUserState(ScriptId scriptId, UUID userId) {
        return new NotFoundException("No deviceManagementScriptUserState with id " + scriptId + ":" + userId
                + " exists.");
    }
}
