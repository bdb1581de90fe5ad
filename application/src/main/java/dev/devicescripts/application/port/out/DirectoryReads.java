package dev.devicescripts.application.port.out;

import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one tenant's directory holds. Lists filter, order and page in the store (never by loading the tenant), in
 * {@link Query#comparator()}'s order, matched by {@link Filter#matches}; {@code next} is present exactly when more
 * items follow. Membership walks tolerate cycles and list each object once.
 */
public interface DirectoryReads {

    Optional<User> user(UUID id);

    /** The user whose userPrincipalName is {@code userPrincipalName}, ignoring case. */
    Optional<User> userByPrincipalName(String userPrincipalName);

    Optional<Group> group(UUID id);

    Optional<Device> device(UUID id);

    /** The Entra device whose alternate key {@code deviceId} is this (what a managed device's azureADDeviceId names). */
    Optional<Device> deviceByDeviceId(UUID deviceId);

    /** The user, group or device with this object id. */
    Optional<DirectoryObject> object(UUID id);

    Optional<ManagedDevice> managedDevice(UUID id);

    Page<User> users(Query<User> query);

    long countUsers(Optional<Filter<User>> filter);

    Page<Group> groups(Query<Group> query);

    long countGroups(Optional<Filter<Group>> filter);

    Page<Device> devices(Query<Device> query);

    long countDevices(Optional<Filter<Device>> filter);

    Page<ManagedDevice> managedDevices(Query<ManagedDevice> query);

    long countManagedDevices(Optional<Filter<ManagedDevice>> filter);

    boolean isMember(UUID groupId, UUID memberId);

    /**
     * The group's members: direct ones, or with {@code transitive} every object reachable down through nested
     * groups (the nested groups themselves included), the group itself never.
     */
    Page<DirectoryObject> members(UUID groupId, boolean transitive, Query<DirectoryObject> query);

    long countMembers(UUID groupId, boolean transitive, Optional<Filter<DirectoryObject>> filter);

    /** The groups that hold the object: directly, or with {@code transitive} through any chain of nested groups. */
    Page<Group> memberOf(UUID objectId, boolean transitive, Query<Group> query);

    long countMemberOf(UUID objectId, boolean transitive, Optional<Filter<Group>> filter);

    /** The run states of the script on managed devices. */
    Page<DeviceRunState> runStates(ScriptId scriptId, Query<DeviceRunState> query);

    /** All run states of the script, for its summary (as many as it has devices with a state). */
    List<DeviceRunState> allRunStates(ScriptId scriptId);
}
