package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.adapter.persistence.memory.CopyOnWrite.Flat;
import dev.devicescripts.adapter.persistence.memory.CopyOnWrite.Nested;
import dev.devicescripts.application.port.out.DirectoryWrites;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Pages;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.DirectoryAudit;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.RunSummary;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.directory.UserRunState;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.targeting.GroupMembers;
import dev.devicescripts.domain.targeting.SubjectOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One tenant's directory: either committed, then frozen and read by anyone without locks, or the draft of one write,
 * made from the committed state by {@link #draft()} and sharing its maps until it changes them.
 */
final class DirectoryState implements DirectoryWrites {
    private final Predicate<ScriptId> scriptExists;
    private final Flat<UUID, User> users;
    private final Flat<UUID, Group> groups;
    private final Flat<UUID, Device> devices;
    private final Flat<UUID, ManagedDevice> managedDevices;
    private final Flat<UUID, FilterDefinition> assignmentFilters;
    /** group -> its direct members, and the same edges the other way round: member -> the groups that hold it. */
    private final Nested<UUID, Set<UUID>> members;
    private final Nested<UUID, Set<UUID>> memberOf;
    /** script -> managed device -> the script's state there. */
    private final Nested<ScriptId, Map<UUID, DeviceRunState>> runStates;
    /** The entries this draft's write recorded, kept once it commits. */
    private final List<AuditEvent> recordedEvents = new ArrayList<>();
    private final List<DirectoryAudit> recordedAudits = new ArrayList<>();
    private final long revision;
    private boolean frozen;
    /**
     * The managed devices and users in SubjectOrder, for pages of them: sorted once a committed state is first paged
     * through (a draft, which may still change, sorts anew).
     */
    private volatile List<ManagedDevice> managedDevicesInOrder;
    private volatile List<User> usersInOrder;

    /** An empty, committed directory of a tenant whose scripts {@code scriptExists} tells. */
    static DirectoryState empty(Predicate<ScriptId> scriptExists) {
        DirectoryState empty = new DirectoryState(0, scriptExists, new Flat<>(Map.of()), new Flat<>(Map.of()),
                new Flat<>(Map.of()), new Flat<>(Map.of()), new Flat<>(Map.of()),
                new Nested<>(Map.of(), LinkedHashSet::new),
                new Nested<>(Map.of(), LinkedHashSet::new), new Nested<>(Map.of(), HashMap::new));
        empty.frozen = true;
        return empty;
    }

    private DirectoryState(long revision, Predicate<ScriptId> scriptExists, Flat<UUID, User> users,
                           Flat<UUID, Group> groups,
                           Flat<UUID, Device> devices, Flat<UUID, ManagedDevice> managedDevices,
                           Flat<UUID, FilterDefinition> assignmentFilters,
                           Nested<UUID, Set<UUID>> members, Nested<UUID, Set<UUID>> memberOf,
                           Nested<ScriptId, Map<UUID, DeviceRunState>> runStates) {
        this.revision = revision;
        this.scriptExists = scriptExists;
        this.users = users;
        this.groups = groups;
        this.devices = devices;
        this.managedDevices = managedDevices;
        this.assignmentFilters = assignmentFilters;
        this.members = members;
        this.memberOf = memberOf;
        this.runStates = runStates;
    }

    /** A draft to change, over this committed state. */
    DirectoryState draft() {
        return new DirectoryState(revision + 1, scriptExists, users.draft(), groups.draft(), devices.draft(),
                managedDevices.draft(), assignmentFilters.draft(), members.draft(), memberOf.draft(),
                runStates.draft());
    }

    /** Ends the draft's changes: it becomes a committed state, and a write work kept hold of fails. */
    void freeze() {
        frozen = true;
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public Optional<User> user(UUID id) {
        return Optional.ofNullable(users.read().get(id));
    }

    @Override
    public Optional<User> userByPrincipalName(String userPrincipalName) {
        return users.read().values().stream()
                .filter(user -> user.userPrincipalName().equalsIgnoreCase(userPrincipalName))
                .findFirst();
    }

    @Override
    public Optional<Group> group(UUID id) {
        return Optional.ofNullable(groups.read().get(id));
    }

    @Override
    public Optional<Device> device(UUID id) {
        return Optional.ofNullable(devices.read().get(id));
    }

    @Override
    public Optional<Device> deviceByDeviceId(UUID deviceId) {
        return devices.read().values().stream().filter(device -> device.deviceId().equals(deviceId)).findFirst();
    }

    @Override
    public Optional<DirectoryObject> object(UUID id) {
        return Stream.of(users.read().get(id), groups.read().get(id), devices.read().get(id))
                .filter(Objects::nonNull)
                .<DirectoryObject>map(object -> object)
                .findFirst();
    }

    @Override
    public Optional<ManagedDevice> managedDevice(UUID id) {
        return Optional.ofNullable(managedDevices.read().get(id));
    }

    @Override
    public Page<User> users(Query<User> query) {
        return Pages.page(users.read().values().stream(), query);
    }

    @Override
    public long countUsers(Optional<Filter<User>> filter) {
        return Pages.count(users.read().values().stream(), filter);
    }

    @Override
    public Page<Group> groups(Query<Group> query) {
        return Pages.page(groups.read().values().stream(), query);
    }

    @Override
    public long countGroups(Optional<Filter<Group>> filter) {
        return Pages.count(groups.read().values().stream(), filter);
    }

    @Override
    public Page<Device> devices(Query<Device> query) {
        return Pages.page(devices.read().values().stream(), query);
    }

    @Override
    public long countDevices(Optional<Filter<Device>> filter) {
        return Pages.count(devices.read().values().stream(), filter);
    }

    @Override
    public Optional<FilterDefinition> assignmentFilter(UUID id) {
        return Optional.ofNullable(assignmentFilters.read().get(id));
    }

    @Override
    public Page<FilterDefinition> assignmentFilters(Query<FilterDefinition> query) {
        return Pages.page(assignmentFilters.read().values().stream(), query);
    }

    @Override
    public long countAssignmentFilters(Optional<Filter<FilterDefinition>> filter) {
        return Pages.count(assignmentFilters.read().values().stream(), filter);
    }

    @Override
    public Page<ManagedDevice> managedDevices(Query<ManagedDevice> query) {
        return Pages.page(managedDevices.read().values().stream(), query);
    }

    @Override
    public long countManagedDevices(Optional<Filter<ManagedDevice>> filter) {
        return Pages.count(managedDevices.read().values().stream(), filter);
    }

    @Override
    public boolean isMember(UUID groupId, UUID memberId) {
        Set<UUID> direct = members.read(groupId);
        return direct != null && direct.contains(memberId);
    }

    @Override
    public Page<DirectoryObject> members(UUID groupId, boolean transitive, Query<DirectoryObject> query) {
        return Pages.page(membersOf(groupId, transitive), query);
    }

    @Override
    public long countMembers(UUID groupId, boolean transitive, Optional<Filter<DirectoryObject>> filter) {
        return Pages.count(membersOf(groupId, transitive), filter);
    }

    @Override
    public Page<Group> memberOf(UUID objectId, boolean transitive, Query<Group> query) {
        return Pages.page(groupsOf(objectId, transitive), query);
    }

    @Override
    public long countMemberOf(UUID objectId, boolean transitive, Optional<Filter<Group>> filter) {
        return Pages.count(groupsOf(objectId, transitive), filter);
    }

    private Stream<DirectoryObject> membersOf(UUID groupId, boolean transitive) {
        return reach(members, groupId, transitive).stream().map(this::object).flatMap(Optional::stream);
    }

    private Stream<Group> groupsOf(UUID objectId, boolean transitive) {
        return reach(memberOf, objectId, transitive).stream().map(groups.read()::get).filter(Objects::nonNull);
    }

    /**
     * The ids one edge from {@code start}, or with {@code transitive} any number of edges (breadth first): each once,
     * however the groups nest or loop, and never {@code start} itself.
     */
    private static Set<UUID> reach(Nested<UUID, Set<UUID>> edges, UUID start, boolean transitive) {
        Set<UUID> reached = new LinkedHashSet<>();
        Deque<UUID> next = new ArrayDeque<>(List.of(start));
        while (!next.isEmpty()) {
            for (UUID id : edges.read().getOrDefault(next.poll(), Set.of())) {
                if (!id.equals(start) && reached.add(id) && transitive) {
                    next.add(id);
                }
            }
        }
        return reached;
    }

    @Override
    public Page<DeviceRunState> runStates(ScriptId scriptId, Query<DeviceRunState> query) {
        return Pages.page(statesOf(scriptId), query);
    }

    @Override
    public long countRunStates(ScriptId scriptId, Optional<Filter<DeviceRunState>> filter) {
        return Pages.count(statesOf(scriptId), filter);
    }

    @Override
    public List<UserRunState> userRunStates(ScriptId scriptId, Optional<UUID> userId) {
        Map<UUID, List<DeviceRunState>> byUser = new TreeMap<>(Comparator.comparing(UUID::toString));
        statesOf(scriptId).forEach(state -> userOf(state).filter(user -> userId.map(user::equals).orElse(true))
                .ifPresent(user -> byUser.computeIfAbsent(user, key -> new ArrayList<>()).add(state)));
        return byUser.entrySet().stream().map(states -> UserRunState.of(scriptId, states.getKey(),
                user(states.getKey()).map(User::userPrincipalName).orElse(null), states.getValue())).toList();
    }

    @Override
    public List<DeviceRunState> userDeviceRunStates(ScriptId scriptId, UUID userId) {
        return statesOf(scriptId).filter(state -> userOf(state).equals(Optional.of(userId))).toList();
    }

    @Override
    public RunSummary runSummary(ScriptId scriptId) {
        return RunSummary.of(scriptId, statesOf(scriptId).toList(), userRunStates(scriptId, Optional.empty()));
    }

    private Stream<DeviceRunState> statesOf(ScriptId scriptId) {
        return runStates.read().getOrDefault(scriptId, Map.of()).values().stream();
    }

    /** The primary user of the state's device. */
    private Optional<UUID> userOf(DeviceRunState state) {
        return managedDevice(state.managedDeviceId()).map(ManagedDevice::userId);
    }

    @Override
    public void put(User user) {
        users.edit().put(changing(user).id(), user);
    }

    @Override
    public void put(Group group) {
        groups.edit().put(changing(group).id(), group);
    }

    @Override
    public void put(Device device) {
        devices.edit().put(changing(device).id(), device);
    }

    @Override
    public void put(ManagedDevice managedDevice) {
        managedDevices.edit().put(changing(managedDevice).id(), managedDevice);
    }

    @Override
    public void put(FilterDefinition filter) {
        assignmentFilters.edit().put(changing(filter).id(), filter.withPayloads(List.of()));
    }

    @Override
    public void record(DirectoryAudit entry) {
        recordedAudits.add(changing(entry));
    }

    @Override
    public void record(AuditEvent entry) {
        recordedEvents.add(changing(entry));
    }

    List<AuditEvent> recordedEvents() {
        return recordedEvents;
    }

    List<DirectoryAudit> recordedAudits() {
        return recordedAudits;
    }

    @Override
    public boolean deleteAssignmentFilter(UUID id) {
        if (!assignmentFilters.read().containsKey(changing(id))) {
            return false;
        }
        assignmentFilters.edit().remove(id);
        return true;
    }

    @Override
    public void put(DeviceRunState runState) {
        runStates.editOrAdd(changing(runState).scriptId(), Map.of()).put(runState.managedDeviceId(), runState);
    }

    @Override
    public boolean deleteObject(UUID id) {
        changing(id);
        boolean existed = users.read().containsKey(id) || groups.read().containsKey(id)
                || devices.read().containsKey(id);
        if (!existed) {
            return false;
        }
        for (Flat<UUID, ?> objects : List.of(users, groups, devices)) {
            if (objects.read().containsKey(id)) {
                objects.edit().remove(id);
            }
        }
        for (UUID group : List.copyOf(memberOf.read().getOrDefault(id, Set.of()))) {
            removeMember(group, id);
        }
        for (UUID member : List.copyOf(members.read().getOrDefault(id, Set.of()))) {
            removeMember(id, member);
        }
        return true;
    }

    @Override
    public boolean deleteManagedDevice(UUID id) {
        if (!managedDevices.read().containsKey(changing(id))) {
            return false;
        }
        managedDevices.edit().remove(id);
        for (ScriptId script : List.copyOf(runStates.read().keySet())) {
            if (runStates.read(script).containsKey(id)) {
                runStates.edit(script).remove(id);
            }
        }
        return true;
    }

    /** Forgets the run states of a script that no longer exists. */
    void deleteRunStates(ScriptId scriptId) {
        runStates.remove(changing(scriptId));
    }

    @Override
    public void addMember(UUID groupId, UUID memberId) {
        changing(groupId);
        members.editOrAdd(groupId, Set.of()).add(memberId);
        memberOf.editOrAdd(memberId, Set.of()).add(groupId);
    }

    @Override
    public boolean removeMember(UUID groupId, UUID memberId) {
        if (!isMember(changing(groupId), memberId)) {
            return false;
        }
        removeEdge(members, groupId, memberId);
        removeEdge(memberOf, memberId, groupId);
        return true;
    }

    private static void removeEdge(Nested<UUID, Set<UUID>> edges, UUID from, UUID to) {
        Set<UUID> remaining = edges.edit(from);
        remaining.remove(to);
        if (remaining.isEmpty()) {
            edges.remove(from);
        }
    }

    @Override
    public List<DanglingReference> danglingReferences(int limit) {
        List<DanglingReference> dangling = new ArrayList<>();
        members.read().forEach((group, held) -> held.stream().filter(member -> object(member).isEmpty())
                .forEach(member -> dangling.add(new DanglingReference("group " + group, "members",
                        member.toString()))));
        runStates.read().forEach((script, states) -> states.values().forEach(state -> {
            String holder = "deviceRunState " + script + ":" + state.managedDeviceId();
            if (!scriptExists.test(script)) {
                dangling.add(new DanglingReference(holder, "scriptId", script.toString()));
            }
            if (!managedDevices.read().containsKey(state.managedDeviceId())) {
                dangling.add(new DanglingReference(holder, "managedDeviceId", state.managedDeviceId().toString()));
            }
        }));
        return dangling.subList(0, Math.min(limit, dangling.size()));
    }

    /** The argument, once this state is known to be a draft that may still change. */
    private <V> V changing(V value) {
        if (frozen) {
            throw new IllegalStateException("The directory's write has ended; changes go through a new write");
        }
        return Objects.requireNonNull(value);
    }

    @Override
    public Map<UUID, List<UUID>> parentGroups(Collection<UUID> objectIds) {
        Map<UUID, List<UUID>> parents = new HashMap<>();
        objectIds.forEach(id -> Optional.ofNullable(memberOf.read(id)).ifPresent(groupIds -> parents.put(id,
                List.copyOf(groupIds))));
        return parents;
    }

    /** A group's members of each kind: the ids that name a user, an Entra device or a group now. */
    @Override
    public Map<UUID, GroupMembers> groupMembers(Collection<UUID> groupIds) {
        Map<UUID, GroupMembers> found = new HashMap<>();
        for (UUID id : groupIds) {
            if (groups.read().containsKey(id)) {
                Set<UUID> direct = Optional.ofNullable(members.read(id)).orElse(Set.of());
                found.put(id, new GroupMembers(held(direct, users), held(direct, devices), held(direct, groups)));
            }
        }
        return found;
    }

    private static List<UUID> held(Set<UUID> ids, Flat<UUID, ?> objects) {
        return ids.stream().filter(objects.read()::containsKey).toList();
    }

    @Override
    public Map<UUID, Group> groupsById(Collection<UUID> groupIds) {
        return byId(groups, groupIds);
    }

    @Override
    public Map<UUID, User> usersById(Collection<UUID> userIds) {
        return byId(users, userIds);
    }

    @Override
    public Map<UUID, Device> devicesById(Collection<UUID> objectIds) {
        return byId(devices, objectIds);
    }

    private static <T> Map<UUID, T> byId(Flat<UUID, T> objects, Collection<UUID> ids) {
        Map<UUID, T> found = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(objects.read().get(id)).ifPresent(object -> found.put(id, object)));
        return found;
    }

    @Override
    public Map<UUID, Device> devicesByDeviceId(Collection<UUID> deviceIds) {
        Set<UUID> wanted = new HashSet<>(deviceIds);
        Map<UUID, Device> found = new HashMap<>();
        devices.read().values().stream().filter(device -> wanted.contains(device.deviceId()))
                .forEach(device -> found.put(device.deviceId(), device));
        return found;
    }

    @Override
    public Map<UUID, List<ManagedDevice>> managedDevicesByDeviceId(Collection<UUID> deviceIds) {
        Set<UUID> wanted = new HashSet<>(deviceIds);
        Map<UUID, List<ManagedDevice>> found = new HashMap<>();
        managedDevices.read().values().stream().filter(device -> wanted.contains(device.azureADDeviceId()))
                .forEach(device -> found.computeIfAbsent(device.azureADDeviceId(), id -> new ArrayList<>())
                        .add(device));
        return found;
    }

    /** A device once for each of its users: its primary user and those logged on, one of them or both. */
    @Override
    public Map<UUID, List<ManagedDevice>> managedDevicesOfUsers(Collection<UUID> userIds) {
        Set<UUID> wanted = new HashSet<>(userIds);
        Map<UUID, List<ManagedDevice>> found = new HashMap<>();
        for (ManagedDevice device : managedDevices.read().values()) {
            device.signedInUserIds().stream().filter(wanted::contains)
                    .forEach(user -> found.computeIfAbsent(user, id -> new ArrayList<>()).add(device));
        }
        return found;
    }

    @Override
    public Map<UUID, FilterDefinition> assignmentFiltersById(Collection<UUID> filterIds) {
        return byId(assignmentFilters, filterIds);
    }

    @Override
    public List<ManagedDevice> managedDevicesAfter(Optional<UUID> after, int limit) {
        List<ManagedDevice> inOrder = managedDevicesInOrder;
        if (inOrder == null) {
            inOrder = inOrder(managedDevices, ManagedDevice::id);
            managedDevicesInOrder = frozen ? inOrder : null;
        }
        return after(inOrder, ManagedDevice::id, after, limit);
    }

    @Override
    public List<User> usersAfter(Optional<UUID> after, int limit) {
        List<User> inOrder = usersInOrder;
        if (inOrder == null) {
            inOrder = inOrder(users, User::id);
            usersInOrder = frozen ? inOrder : null;
        }
        return after(inOrder, User::id, after, limit);
    }

    private static <T> List<T> inOrder(Flat<UUID, T> objects, Function<T, UUID> id) {
        return objects.read().values().stream().sorted(Comparator.comparing(id, SubjectOrder.IDS)).toList();
    }

    /** Up to {@code limit} of the objects after {@code after}, found by a binary search of them in SubjectOrder. */
    private static <T> List<T> after(List<T> inOrder, Function<T, UUID> id, Optional<UUID> after, int limit) {
        int from = 0;
        if (after.isPresent()) {
            int to = inOrder.size();
            while (from < to) {
                int middle = (from + to) >>> 1;
                if (SubjectOrder.IDS.compare(id.apply(inOrder.get(middle)), after.get()) <= 0) {
                    from = middle + 1;
                } else {
                    to = middle;
                }
            }
        }
        return inOrder.subList(from, Math.min(inOrder.size(), from + limit));
    }
}
