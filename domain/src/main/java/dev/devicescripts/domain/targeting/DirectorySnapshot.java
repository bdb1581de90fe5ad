package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * A directory held in memory, for using the targeting rules without a store (in another app, in tests): built once
 * from its objects and memberships, then only read.
 */
public final class DirectorySnapshot implements TargetingDirectory {
    private final NavigableMap<UUID, User> users;
    private final Map<UUID, Group> groups;
    private final Map<UUID, Device> devices;
    private final NavigableMap<UUID, ManagedDevice> managedDevices;
    private final Map<UUID, FilterDefinition> filters;
    private final Map<UUID, GroupMembers> members = new HashMap<>();
    private final Map<UUID, List<UUID>> parents = new HashMap<>();
    private final Map<UUID, Device> devicesByDeviceId = new HashMap<>();
    private final Map<UUID, List<ManagedDevice>> managedByDeviceId = new HashMap<>();
    private final Map<UUID, List<ManagedDevice>> managedByUser = new HashMap<>();

    private DirectorySnapshot(Builder builder) {
        users = sorted(builder.users);
        groups = Map.copyOf(builder.groups);
        devices = Map.copyOf(builder.devices);
        managedDevices = sorted(builder.managedDevices);
        filters = Map.copyOf(builder.filters);
        builder.members.forEach((group, held) -> {
            // Members are sorted by kind from the objects' types; an id that names nothing is left out.
            members.put(group, new GroupMembers(held.stream().filter(users::containsKey).toList(),
                    held.stream().filter(devices::containsKey).toList(),
                    held.stream().filter(groups::containsKey).toList()));
            held.forEach(member -> parents.computeIfAbsent(member, id -> new ArrayList<>()).add(group));
        });
        devices.values().forEach(device -> devicesByDeviceId.put(device.deviceId(), device));
        for (ManagedDevice device : managedDevices.values()) {
            if (device.azureADDeviceId() != null) {
                managedByDeviceId.computeIfAbsent(device.azureADDeviceId(), id -> new ArrayList<>()).add(device);
            }
            device.signedInUserIds().forEach(user -> managedByUser.computeIfAbsent(user, id -> new ArrayList<>()).add(device));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<UUID, List<UUID>> parentGroups(Collection<UUID> objectIds) {
        return pick(parents, objectIds);
    }

    @Override
    public Map<UUID, GroupMembers> groupMembers(Collection<UUID> groupIds) {
        Map<UUID, GroupMembers> found = new HashMap<>();
        groupIds.stream().filter(groups::containsKey)
                .forEach(id -> found.put(id, members.getOrDefault(id, GroupMembers.NONE)));
        return found;
    }

    @Override
    public Map<UUID, Group> groupsById(Collection<UUID> groupIds) {
        return pick(groups, groupIds);
    }

    @Override
    public Map<UUID, User> usersById(Collection<UUID> userIds) {
        return pick(users, userIds);
    }

    @Override
    public Map<UUID, Device> devicesById(Collection<UUID> objectIds) {
        return pick(devices, objectIds);
    }

    @Override
    public Map<UUID, Device> devicesByDeviceId(Collection<UUID> deviceIds) {
        return pick(devicesByDeviceId, deviceIds);
    }

    @Override
    public Map<UUID, List<ManagedDevice>> managedDevicesByDeviceId(Collection<UUID> deviceIds) {
        return pick(managedByDeviceId, deviceIds);
    }

    @Override
    public Map<UUID, List<ManagedDevice>> managedDevicesOfUsers(Collection<UUID> userIds) {
        return pick(managedByUser, userIds);
    }

    @Override
    public Map<UUID, FilterDefinition> assignmentFiltersById(Collection<UUID> filterIds) {
        return pick(filters, filterIds);
    }

    @Override
    public List<ManagedDevice> managedDevicesAfter(Optional<UUID> after, int limit) {
        return after(managedDevices, after, limit);
    }

    @Override
    public List<User> usersAfter(Optional<UUID> after, int limit) {
        return after(users, after, limit);
    }

    private static <V> NavigableMap<UUID, V> sorted(Map<UUID, V> values) {
        NavigableMap<UUID, V> sorted = new TreeMap<>(SubjectOrder.IDS);
        sorted.putAll(values);
        return sorted;
    }

    /** Up to {@code limit} values whose ids follow {@code after}, in the map's order. */
    static <V> List<V> after(NavigableMap<UUID, V> values, Optional<UUID> after, int limit) {
        return (after.isPresent() ? values.tailMap(after.get(), false) : values).values().stream().limit(limit)
                .toList();
    }

    private static <V> Map<UUID, V> pick(Map<UUID, V> values, Collection<UUID> ids) {
        Map<UUID, V> found = new HashMap<>();
        ids.stream().filter(values::containsKey).forEach(id -> found.put(id, values.get(id)));
        return found;
    }

    /** Collects a directory's objects; a later object with the id of an earlier one replaces it. */
    public static final class Builder {
        private final Map<UUID, User> users = new LinkedHashMap<>();
        private final Map<UUID, Group> groups = new LinkedHashMap<>();
        private final Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        private final Map<UUID, Device> devices = new LinkedHashMap<>();
        private final Map<UUID, ManagedDevice> managedDevices = new LinkedHashMap<>();
        private final Map<UUID, FilterDefinition> filters = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder user(User user) {
            return put(users, user, User::id);
        }

        /** @param memberObjectIds the object ids of its direct members: users, Entra devices and groups */
        public Builder group(Group group, UUID... memberObjectIds) {
            members.put(group.id(), List.of(memberObjectIds));
            return put(groups, group, Group::id);
        }

        public Builder device(Device device) {
            return put(devices, device, Device::id);
        }

        public Builder managedDevice(ManagedDevice device) {
            return put(managedDevices, device, ManagedDevice::id);
        }

        public Builder filter(FilterDefinition filter) {
            return put(filters, filter, FilterDefinition::id);
        }

        public DirectorySnapshot build() {
            return new DirectorySnapshot(this);
        }

        private <V> Builder put(Map<UUID, V> values, V value, Function<V, UUID> id) {
            values.put(id.apply(value), value);
            return this;
        }
    }
}
