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
import dev.devicescripts.domain.directory.RunSummary;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.directory.UserRunState;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.targeting.TargetingDirectory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one tenant's directory holds, and its assignment filters (kept here to share the directory's one write path).
 * Lists filter, order and page in the store (never by loading the tenant), in
 * {@link Query#comparator()}'s order, matched by {@link Filter#matches}; {@code next} is present exactly when more
 * items follow. Membership walks tolerate cycles and list each object once. As a {@link TargetingDirectory} it answers
 * effective targeting's batched lookups.
 */
public interface DirectoryReads extends TargetingDirectory {

    /**
     * A number that changes whenever a write of the tenant commits, so that what was computed from the directory may
     * be reused while it stays the same (also across instances sharing a database).
     */
    long revision();

    Optional<User> user(UUID id);

    /** The user whose userPrincipalName is {@code userPrincipalName}, ignoring case. */
    Optional<User> userByPrincipalName(String userPrincipalName);

    Optional<Group> group(UUID id);

    Optional<Device> device(UUID id);

    /** The Entra device whose alternate key {@code deviceId} is this (what a managed device's azureADDeviceId says). */
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

    long countRunStates(ScriptId scriptId, Optional<Filter<DeviceRunState>> filter);

    /**
     * The script's states summed per primary user of a device with a state (a device without one counts for no
     * user), in the order of the users' ids as text (the databases' order of GUIDs); only {@code userId}'s when it is
     * given. A user the directory deleted still has its state, without a userPrincipalName.
     */
    List<UserRunState> userRunStates(ScriptId scriptId, Optional<UUID> userId);

    /** The script's states on the managed devices whose primary user this is, in any order. */
    List<DeviceRunState> userDeviceRunStates(ScriptId scriptId, UUID userId);

    /** The script's run in sum, counted as {@link RunSummary#of} counts it. */
    RunSummary runSummary(ScriptId scriptId);

    /** The assignment filter, as stored (without payloads). */
    Optional<FilterDefinition> assignmentFilter(UUID id);

    Page<FilterDefinition> assignmentFilters(Query<FilterDefinition> query);

    long countAssignmentFilters(Optional<Filter<FilterDefinition>> filter);
}
