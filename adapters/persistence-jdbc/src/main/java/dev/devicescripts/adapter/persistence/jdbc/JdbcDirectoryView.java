package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.application.collections.DirectoryObjectCollection;
import dev.devicescripts.application.port.out.DirectoryWrites;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.Values;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
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
import dev.devicescripts.domain.targeting.SubjectType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One tenant's directory in the database: committed state, each read by itself, when made without a connection;
 * else the view of one transaction on its connection: a write's, or a snapshot's that only reads. A write's puts and
 * member additions wait in batches, written together (so that a seed of a million rows takes few round trips and
 * little memory) before anything else the write does, reads included, and when it ends.
 */
final class JdbcDirectoryView implements DirectoryWrites {
    /** How many rows wait before they are written. */
    private static final int BATCH = 1000;
    private static final String IS_MEMBER =
            "SELECT 1 FROM directory_membership WHERE tenant_id = ? AND group_id = ? AND member_id = ?";
    private static final String ADD_MEMBER = """
            INSERT INTO directory_membership (tenant_id, group_id, member_id)
            SELECT ?, ?, ? WHERE NOT EXISTS (
                SELECT 1 FROM directory_membership WHERE tenant_id = ? AND group_id = ? AND member_id = ?)""";
    private static final String REMOVE_MEMBER =
            "DELETE FROM directory_membership WHERE tenant_id = ? AND group_id = ? AND member_id = ?";
    /** A walk's first step and each next one, from the last step's objects; %1$s is the column walked from. */
    private static final String WALK_START = """
            INSERT INTO directory_walk (walk_id, tenant_id, object_id, depth)
            SELECT ?, m.tenant_id, m.%2$s, 1 FROM directory_membership m
            WHERE m.tenant_id = ? AND m.%1$s = ? AND m.%2$s <> ?""";
    private static final String WALK_STEP = """
            INSERT INTO directory_walk (walk_id, tenant_id, object_id, depth)
            SELECT DISTINCT ?, m.tenant_id, m.%2$s, ? FROM directory_walk w
            JOIN directory_membership m ON m.tenant_id = ? AND m.%1$s = w.object_id
            WHERE w.walk_id = ? AND w.depth = ? AND m.%2$s <> ?
            AND NOT EXISTS (SELECT 1 FROM directory_walk v WHERE v.walk_id = ? AND v.object_id = m.%2$s)""";
    /**
     * What a walk's lists read: its rows, each joined to the object it reached. An outer join, so that H2 reads the
     * walk first and looks each object up, whatever order the list is in: an inner join leaves it free to read the
     * tenant's objects in that order instead (all of them) and look each up in the walk.
     */
    private static final String WALKED = "directory_walk w LEFT JOIN %s ON %s.tenant_id = w.tenant_id AND %2$s.id = "
            + "w.object_id";
    private static final String WALK_END = "DELETE FROM directory_walk WHERE walk_id = ?";
    private static final String DELETE_LOG_ONS =
            "DELETE FROM managed_device_logon WHERE tenant_id = ? AND managed_device_id = ?";
    /** How many ids one statement of a batched lookup names; Sql.in pads its list to 512. */
    private static final int IDS_PER_STATEMENT = 500;
    /** The direct groups of objects; %s is the membership table read through its index by member. */
    private static final String PARENT_GROUPS =
            "SELECT m.member_id, m.group_id FROM %s WHERE m.tenant_id = ? AND %%s";
    /**
     * Groups with each direct member as a user, a device or a group (the column of its kind set, the others null).
     * Outer joins, so that H2 reads the groups first, whatever it planned for when the tables were small (see WALKED);
     * %s is the group table read through its index by id.
     */
    private static final String GROUP_MEMBERS = """
            SELECT g.id, mu.id AS member_user, md.id AS member_device, mg.id AS member_group FROM %s
            LEFT JOIN directory_membership m ON m.tenant_id = g.tenant_id AND m.group_id = g.id
            LEFT JOIN directory_user mu ON mu.tenant_id = m.tenant_id AND mu.id = m.member_id
            LEFT JOIN directory_device md ON md.tenant_id = m.tenant_id AND md.id = m.member_id
            LEFT JOIN directory_group mg ON mg.tenant_id = m.tenant_id AND mg.id = m.member_id
            WHERE g.tenant_id = ? AND %%s""";
    /**
     * Groups with whether they hold a user and a device directly: each EXISTS stops at the first such member, so a
     * group of any size costs a few index reads; %s is the group table read through its index by id.
     */
    private static final String DIRECT_KINDS = """
            SELECT g.id,
              EXISTS (SELECT 1 FROM directory_membership m JOIN directory_user u
                      ON u.tenant_id = m.tenant_id AND u.id = m.member_id
                      WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id) AS holds_users,
              EXISTS (SELECT 1 FROM directory_membership m JOIN directory_device d
                      ON d.tenant_id = m.tenant_id AND d.id = m.member_id
                      WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id) AS holds_devices
            FROM %s WHERE g.tenant_id = ? AND %%s""";
    /** GroupMembers' lists in order: GROUP_MEMBERS' columns of each kind. */
    private static final List<String> MEMBER_KINDS = List.of("member_user", "member_device", "member_group");
    /**
     * FROM the users' rows of managed_device_logon (%s, read through its index by user) each joined to its device, by
     * an outer join for the reason GROUP_MEMBERS has; a device is written with its rows, so it is always there.
     */
    private static final String DEVICES_OF_USERS = """
            %s LEFT JOIN managed_device m ON m.tenant_id = l.tenant_id AND m.id = l.managed_device_id
            WHERE l.tenant_id = ? AND %%s""";
    /** A state's counts as RunSummary counts them: a success, and an error (a fail or a scriptError). */
    private static final String SUCCEEDED = "SUM(CASE WHEN r.run_state_folded = 'success' THEN 1 ELSE 0 END)";
    private static final String FAILED =
            "SUM(CASE WHEN r.run_state_folded IN ('fail', 'scripterror') THEN 1 ELSE 0 END)";
    /** The states of a script on the devices of each primary user; %3$s restricts them to one user, or not. */
    private static final String USER_RUN_STATES = """
            SELECT m.user_id, u.user_principal_name, %1$s, %2$s FROM device_run_state r
            JOIN managed_device m ON m.tenant_id = r.tenant_id AND m.id = r.managed_device_id
            LEFT JOIN directory_user u ON u.tenant_id = m.tenant_id AND u.id = m.user_id
            WHERE r.tenant_id = ? AND r.script_id = ? AND m.user_id IS NOT NULL %3$s
            GROUP BY m.user_id, u.user_principal_name ORDER BY m.user_id""";
    private static final String DEVICE_SUMMARY = "SELECT %s, %s FROM device_run_state r "
            .formatted(SUCCEEDED, FAILED) + "WHERE r.tenant_id = ? AND r.script_id = ?";
    /** Users with a success and no error; and those with an error. */
    private static final String USER_SUMMARY = """
            SELECT COUNT(CASE WHEN failed = 0 AND succeeded > 0 THEN 1 END), COUNT(CASE WHEN failed > 0 THEN 1 END)
            FROM (SELECT %s AS succeeded, %s AS failed FROM device_run_state r
                  JOIN managed_device m ON m.tenant_id = r.tenant_id AND m.id = r.managed_device_id
                  WHERE r.tenant_id = ? AND r.script_id = ? AND m.user_id IS NOT NULL GROUP BY m.user_id) per_user"""
            .formatted(SUCCEEDED, FAILED);
    /** The objects a walk reached. */
    private static final SqlCollection<DirectoryObject> WALKED_OBJECTS = new SqlCollection<>(
            new SqlTable<>(DirectoryObjectCollection.DIRECTORY_OBJECTS, "directory_object", "o"), "o.id, o.kind")
            .from(WALKED.formatted("directory_object o", "o"));

    private final Sql sql;
    private final Vendor vendor;
    /** The groups a walk reached, on H2 looked up through their index by id (see V12). */
    private final SqlCollection<Group> walkedGroups;
    private final TenantId tenant;
    /** The transaction's connection; null for reads of committed state. */
    private final Connection connection;
    /** Whether the transaction is a write's; a snapshot's changes nothing. */
    private final boolean writes;
    private final Map<UUID, User> users = new LinkedHashMap<>();
    private final Map<UUID, Group> groups = new LinkedHashMap<>();
    private final Map<UUID, Device> devices = new LinkedHashMap<>();
    private final Map<UUID, ManagedDevice> managedDevices = new LinkedHashMap<>();
    private final Map<String, DeviceRunState> runStates = new LinkedHashMap<>();
    private final Map<UUID, FilterDefinition> assignmentFilters = new LinkedHashMap<>();
    private final List<UUID[]> addedMembers = new ArrayList<>();
    private boolean ended;

    JdbcDirectoryView(Sql sql, Vendor vendor, TenantId tenant, Connection connection, boolean writes) {
        this.sql = sql;
        this.vendor = vendor;
        this.walkedGroups = DirectoryTables.GROUPS.listed().from(WALKED.formatted(vendor.through("directory_group g",
                "directory_group_by_id"), "g"));
        this.tenant = tenant;
        this.connection = connection;
        this.writes = writes;
    }

    @Override
    public long revision() {
        return read(c -> {
            try (PreparedStatement select = prepare(c, "SELECT revision FROM directory_tenant WHERE tenant_id = ?",
                    tenant.value()); ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    @Override
    public Optional<User> user(UUID id) {
        return read(c -> find(c, DirectoryTables.USERS, "u.id = ?", id));
    }

    @Override
    public Optional<User> userByPrincipalName(String userPrincipalName) {
        return read(c -> find(c, DirectoryTables.USERS, "u.user_principal_name_folded = ?",
                Values.folded(userPrincipalName)));
    }

    @Override
    public Optional<Group> group(UUID id) {
        return read(c -> find(c, DirectoryTables.GROUPS, "g.id = ?", id));
    }

    @Override
    public Optional<Device> device(UUID id) {
        return read(c -> find(c, DirectoryTables.DEVICES, "d.id = ?", id));
    }

    @Override
    public Optional<Device> deviceByDeviceId(UUID deviceId) {
        return read(c -> find(c, DirectoryTables.DEVICES, "d.device_id = ?", deviceId));
    }

    @Override
    public Optional<DirectoryObject> object(UUID id) {
        return read(c -> object(c, id));
    }

    private Optional<DirectoryObject> object(Connection c, UUID id) throws SQLException {
        Optional<? extends DirectoryObject> object = find(c, DirectoryTables.USERS, "u.id = ?", id);
        if (object.isEmpty()) {
            object = find(c, DirectoryTables.GROUPS, "g.id = ?", id);
        }
        if (object.isEmpty()) {
            object = find(c, DirectoryTables.DEVICES, "d.id = ?", id);
        }
        return object.map(DirectoryObject.class::cast);
    }

    @Override
    public Optional<ManagedDevice> managedDevice(UUID id) {
        return read(c -> find(c, DirectoryTables.MANAGED_DEVICES, "m.id = ?", id));
    }

    @Override
    public Optional<FilterDefinition> assignmentFilter(UUID id) {
        return read(c -> find(c, DirectoryTables.ASSIGNMENT_FILTERS, "f.id = ?", id));
    }

    @Override
    public Page<FilterDefinition> assignmentFilters(Query<FilterDefinition> query) {
        return page(DirectoryTables.ASSIGNMENT_FILTERS, query);
    }

    @Override
    public long countAssignmentFilters(Optional<Filter<FilterDefinition>> filter) {
        return count(DirectoryTables.ASSIGNMENT_FILTERS, filter);
    }

    @Override
    public Page<User> users(Query<User> query) {
        return page(DirectoryTables.USERS, query);
    }

    @Override
    public long countUsers(Optional<Filter<User>> filter) {
        return count(DirectoryTables.USERS, filter);
    }

    @Override
    public Page<Group> groups(Query<Group> query) {
        return page(DirectoryTables.GROUPS, query);
    }

    @Override
    public long countGroups(Optional<Filter<Group>> filter) {
        return count(DirectoryTables.GROUPS, filter);
    }

    @Override
    public Page<Device> devices(Query<Device> query) {
        return page(DirectoryTables.DEVICES, query);
    }

    @Override
    public long countDevices(Optional<Filter<Device>> filter) {
        return count(DirectoryTables.DEVICES, filter);
    }

    @Override
    public Page<ManagedDevice> managedDevices(Query<ManagedDevice> query) {
        return page(DirectoryTables.MANAGED_DEVICES, query);
    }

    @Override
    public long countManagedDevices(Optional<Filter<ManagedDevice>> filter) {
        return count(DirectoryTables.MANAGED_DEVICES, filter);
    }

    private <T> Page<T> page(DirectoryTables<T> table, Query<T> query) {
        return read(c -> table.listed().page(c, tenant, query, table.reader()));
    }

    private <T> long count(DirectoryTables<T> table, Optional<Filter<T>> filter) {
        return read(c -> table.listed().count(c, tenant, filter));
    }

    @Override
    public boolean isMember(UUID groupId, UUID memberId) {
        return read(c -> {
            try (PreparedStatement member = prepare(c, IS_MEMBER, tenant.value(), groupId, memberId);
                 ResultSet row = member.executeQuery()) {
                return row.next();
            }
        });
    }

    @Override
    public Page<DirectoryObject> members(UUID groupId, boolean transitive, Query<DirectoryObject> query) {
        return walk(groupId, true, transitive, (c, within) -> WALKED_OBJECTS.page(c, tenant, query,
                row -> member(c, row), within));
    }

    /** The object a row of WALKED_OBJECTS names, read from the table of its kind. */
    private DirectoryObject member(Connection c, ResultSet row) throws SQLException {
        DirectoryTables<? extends DirectoryObject> table = switch (row.getString("kind")) {
            case "user" -> DirectoryTables.USERS;
            case "group" -> DirectoryTables.GROUPS;
            default -> DirectoryTables.DEVICES;
        };
        return find(c, table, table.alias() + ".id = ?", row.getObject("id", UUID.class)).orElseThrow();
    }

    @Override
    public long countMembers(UUID groupId, boolean transitive, Optional<Filter<DirectoryObject>> filter) {
        return walk(groupId, true, transitive, (c, within) -> WALKED_OBJECTS.count(c, tenant, filter, within));
    }

    @Override
    public Page<Group> memberOf(UUID objectId, boolean transitive, Query<Group> query) {
        return walk(objectId, false, transitive, (c, within) -> walkedGroups.page(c, tenant, query,
                DirectoryTables.GROUPS.reader(), within));
    }

    @Override
    public long countMemberOf(UUID objectId, boolean transitive, Optional<Filter<Group>> filter) {
        return walk(objectId, false, transitive, (c, within) -> walkedGroups.count(c, tenant, filter, within));
    }

    /** Reads what a walk reached, given the condition on WALKED that picks the walk's rows. */
    @FunctionalInterface
    private interface WalkRead<R> {
        R read(Connection connection, Condition within) throws SQLException;
    }

    /**
     * Walks the memberships from {@code start}, down to members or up to the groups that hold it, breadth first in
     * the database: each step one statement that adds the objects one edge beyond the last step's and not reached
     * yet, so that cycles end and each object is reached once. (A recursive query would say it in one statement, but
     * H2 2.3 ends one over a cycle or a diamond only when memory runs out: it removes no duplicates between steps.)
     * The reached objects are rows of directory_walk for {@code read}; then they go: a read's with its rollback, a
     * write's by a delete.
     */
    private <R> R walk(UUID start, boolean down, boolean transitive, WalkRead<R> read) {
        String from = down ? "group_id" : "member_id";
        String to = down ? "member_id" : "group_id";
        Sql.Work<R> work = c -> {
            UUID walk = UUID.randomUUID();
            int added;
            try (PreparedStatement first = prepare(c, WALK_START.formatted(from, to), walk, tenant.value(), start,
                    start)) {
                added = first.executeUpdate();
            }
            for (int depth = 1; transitive && added > 0; depth++) {
                try (PreparedStatement step = prepare(c, WALK_STEP.formatted(from, to), walk, depth + 1,
                        tenant.value(), walk, depth, start, walk)) {
                    added = step.executeUpdate();
                }
            }
            try {
                return read.read(c, new Condition("w.walk_id = ?", walk));
            } finally {
                if (connection != null) {
                    update(c, WALK_END, walk);
                }
            }
        };
        return connection == null ? sql.rolledBack(work) : read(work);
    }

    @Override
    public Page<DeviceRunState> runStates(ScriptId scriptId, Query<DeviceRunState> query) {
        return read(c -> DirectoryTables.RUN_STATES.listed().page(c, tenant, query,
                DirectoryTables.RUN_STATES.reader(), new Condition("r.script_id = ?", scriptId.value())));
    }

    @Override
    public long countRunStates(ScriptId scriptId, Optional<Filter<DeviceRunState>> filter) {
        return read(c -> DirectoryTables.RUN_STATES.listed().count(c, tenant, filter,
                new Condition("r.script_id = ?", scriptId.value())));
    }

    @Override
    public List<UserRunState> userRunStates(ScriptId scriptId, Optional<UUID> userId) {
        return read(c -> {
            List<UserRunState> states = new ArrayList<>();
            String ofUser = userId.isPresent() ? "AND m.user_id = ?" : "";
            try (PreparedStatement select = prepare(c, USER_RUN_STATES.formatted(SUCCEEDED, FAILED, ofUser),
                    Stream.concat(Stream.of(tenant.value(), scriptId.value()), userId.stream()).toArray());
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    states.add(new UserRunState(scriptId, rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getLong(3), rows.getLong(4)));
                }
            }
            return states;
        });
    }

    @Override
    public List<DeviceRunState> userDeviceRunStates(ScriptId scriptId, UUID userId) {
        return read(c -> findAll(c, DirectoryTables.RUN_STATES, "r.script_id = ? AND r.managed_device_id IN ("
                + "SELECT m.id FROM managed_device m WHERE m.tenant_id = r.tenant_id AND m.user_id = ?)",
                Integer.MAX_VALUE, scriptId.value(), userId));
    }

    @Override
    public RunSummary runSummary(ScriptId scriptId) {
        return read(c -> {
            try (PreparedStatement devices = prepare(c, DEVICE_SUMMARY, tenant.value(), scriptId.value());
                 ResultSet deviceCounts = devices.executeQuery();
                 PreparedStatement users = prepare(c, USER_SUMMARY, tenant.value(), scriptId.value());
                 ResultSet userCounts = users.executeQuery()) {
                deviceCounts.next();
                userCounts.next();
                return new RunSummary(scriptId, deviceCounts.getLong(1), deviceCounts.getLong(2),
                        userCounts.getLong(1), userCounts.getLong(2));
            }
        });
    }

    @Override
    public void put(User user) {
        pending(users).put(user.id(), user);
    }

    @Override
    public void put(Group group) {
        pending(groups).put(group.id(), group);
    }

    @Override
    public void put(Device device) {
        pending(devices).put(device.id(), device);
    }

    @Override
    public void put(ManagedDevice managedDevice) {
        pending(managedDevices).put(managedDevice.id(), managedDevice);
    }

    @Override
    public void put(DeviceRunState runState) {
        pending(runStates).put(DirectoryTables.runStateId(runState), runState);
    }

    @Override
    public void put(FilterDefinition filter) {
        pending(assignmentFilters).put(filter.id(), filter);
    }

    @Override
    public void record(DirectoryAudit entry) {
        writing();
        read(c -> {
            AuditRows.insert(c, tenant.value(), entry);
            return null;
        });
    }

    @Override
    public void record(AuditEvent entry) {
        writing();
        read(c -> {
            AuditRows.insert(c, tenant.value(), entry);
            return null;
        });
    }

    @Override
    public boolean deleteAssignmentFilter(UUID id) {
        writing();
        return read(c -> update(c, "DELETE FROM assignment_filter WHERE tenant_id = ? AND id = ?", tenant.value(),
                id) > 0);
    }

    @Override
    public void addMember(UUID groupId, UUID memberId) {
        pending(addedMembers).add(new UUID[] {groupId, memberId});
    }

    /** The batch to add to, written first when it is full. */
    private <B> B pending(B batch) {
        writing();
        if (waiting() >= BATCH) {
            flush();
        }
        return batch;
    }

    private int waiting() {
        return users.size() + groups.size() + devices.size() + managedDevices.size() + runStates.size()
                + assignmentFilters.size() + addedMembers.size();
    }

    @Override
    public boolean deleteObject(UUID id) {
        writing();
        return read(c -> {
            int deleted = update(c, "DELETE FROM directory_user WHERE tenant_id = ? AND id = ?", tenant.value(), id)
                    + update(c, "DELETE FROM directory_group WHERE tenant_id = ? AND id = ?", tenant.value(), id)
                    + update(c, "DELETE FROM directory_device WHERE tenant_id = ? AND id = ?", tenant.value(), id);
            update(c, "DELETE FROM directory_membership WHERE tenant_id = ? AND group_id = ?", tenant.value(), id);
            update(c, "DELETE FROM directory_membership WHERE tenant_id = ? AND member_id = ?", tenant.value(), id);
            return deleted > 0;
        });
    }

    @Override
    public boolean deleteManagedDevice(UUID id) {
        writing();
        return read(c -> {
            update(c, "DELETE FROM device_run_state WHERE tenant_id = ? AND managed_device_id = ?", tenant.value(),
                    id);
            update(c, DELETE_LOG_ONS, tenant.value(), id);
            return update(c, "DELETE FROM managed_device WHERE tenant_id = ? AND id = ?", tenant.value(), id) > 0;
        });
    }

    @Override
    public boolean removeMember(UUID groupId, UUID memberId) {
        writing();
        return read(c -> update(c, REMOVE_MEMBER, tenant.value(), groupId, memberId) > 0);
    }

    @Override
    public List<DanglingReference> danglingReferences(int limit) {
        writing();
        return read(c -> {
            List<DanglingReference> dangling = new ArrayList<>();
            dangling(c, dangling, limit, "SELECT group_id, member_id FROM directory_membership m WHERE "
                    + "m.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM directory_object o WHERE o.tenant_id = "
                    + "m.tenant_id AND o.id = m.member_id)", "group ", "members");
            dangling(c, dangling, limit, "SELECT id, script_id FROM device_run_state r WHERE r.tenant_id = ? AND "
                    + "NOT EXISTS (SELECT 1 FROM device_management_script s WHERE s.tenant_id = r.tenant_id AND "
                    + "s.id = r.script_id)", "deviceRunState ", "scriptId");
            dangling(c, dangling, limit, "SELECT id, managed_device_id FROM device_run_state r WHERE "
                    + "r.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM managed_device m WHERE m.tenant_id = "
                    + "r.tenant_id AND m.id = r.managed_device_id)", "deviceRunState ", "managedDeviceId");
            return dangling;
        });
    }

    /** Adds the references the query finds (each row: the holder's id, the id it names) up to the limit. */
    private void dangling(Connection c, List<DanglingReference> dangling, int limit, String query, String holder,
                          String property) throws SQLException {
        if (dangling.size() >= limit) {
            return;
        }
        try (PreparedStatement find = prepare(c, query + " ORDER BY 1, 2 FETCH FIRST ? ROWS ONLY", tenant.value(),
                limit - dangling.size());
             ResultSet rows = find.executeQuery()) {
            while (rows.next()) {
                dangling.add(new DanglingReference(holder + rows.getString(1), property, rows.getString(2)));
            }
        }
    }

    /** Writes the waiting batches: each put as a delete and an insert of its row, each member added once. */
    void flush() {
        if (waiting() == 0) {
            return;
        }
        try {
            upsert(DirectoryTables.USERS, users);
            upsert(DirectoryTables.GROUPS, groups);
            upsert(DirectoryTables.DEVICES, devices);
            replaceLogOns();
            upsert(DirectoryTables.MANAGED_DEVICES, managedDevices);
            upsert(DirectoryTables.RUN_STATES, runStates);
            upsert(DirectoryTables.ASSIGNMENT_FILTERS, assignmentFilters);
            try (PreparedStatement add = connection.prepareStatement(ADD_MEMBER)) {
                for (UUID[] edge : addedMembers) {
                    Sql.bind(add, tenant.value(), edge[0], edge[1], tenant.value(), edge[0], edge[1]);
                    add.addBatch();
                }
                add.executeBatch();
            }
            addedMembers.clear();
        } catch (SQLException e) {
            throw Sql.failed(e);
        }
    }

    /** Replaces the managed_device_logon rows of the managed devices waiting, before they are written. */
    private void replaceLogOns() throws SQLException {
        if (managedDevices.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_LOG_ONS);
             PreparedStatement insert = connection.prepareStatement(DirectoryTables.ADD_LOG_ON)) {
            for (ManagedDevice device : managedDevices.values()) {
                Sql.bind(delete, tenant.value(), device.id());
                delete.addBatch();
                for (UUID user : device.signedInUserIds()) {
                    Sql.bind(insert, tenant.value(), device.id(), user);
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    private <K, T> void upsert(DirectoryTables<T> table, Map<K, T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.table()
                + " WHERE tenant_id = ? AND id = ?");
             PreparedStatement insert = connection.prepareStatement(table.insert())) {
            for (Map.Entry<K, T> row : rows.entrySet()) {
                Sql.bind(delete, tenant.value(), row.getKey());
                delete.addBatch();
                Object[] values = table.values().apply(row.getValue());
                Object[] parameters = new Object[values.length + 1];
                parameters[0] = tenant.value();
                System.arraycopy(values, 0, parameters, 1, values.length);
                Sql.bind(insert, parameters);
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
        rows.clear();
    }

    /** Ends the transaction: this view can read and change nothing more. */
    void end() {
        ended = true;
    }

    private void writing() {
        if (!writes || ended) {
            throw new IllegalStateException(!writes ? "Reads change nothing; changes go through a write"
                    : "The directory's write has ended; changes go through a new write");
        }
    }

    /** Runs the reads on committed state by themselves, or in the transaction (a write's after its waiting batches). */
    private <R> R read(Sql.Work<R> work) {
        if (connection == null) {
            return sql.withConnection(work);
        }
        if (ended) {
            throw new IllegalStateException("The directory's " + (writes ? "write" : "snapshot")
                    + " has ended; reads go through reads(tenant)");
        }
        flush();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw Sql.failed(e);
        }
    }

    private <T> Optional<T> find(Connection c, DirectoryTables<T> table, String condition, Object value)
            throws SQLException {
        return findAll(c, table, condition, 1, value).stream().findFirst();
    }

    private <T> List<T> findAll(Connection c, DirectoryTables<T> table, String condition, int limit,
                                Object... values) throws SQLException {
        List<T> found = new ArrayList<>();
        try (PreparedStatement find = prepare(c, table.select() + " WHERE " + table.alias() + ".tenant_id = ? AND "
                + condition + " ORDER BY " + table.alias() + ".id",
                Stream.concat(Stream.of(tenant.value()), Stream.of(values)).toArray());
             ResultSet rows = find.executeQuery()) {
            while (rows.next() && found.size() < limit) {
                found.add(table.reader().read(rows));
            }
        }
        return found;
    }

    private static int update(Connection c, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement update = prepare(c, statement, parameters)) {
            return update.executeUpdate();
        }
    }

    @Override
    public Map<UUID, List<UUID>> parentGroups(Collection<UUID> objectIds) {
        Map<UUID, List<UUID>> parents = new HashMap<>();
        lookUp(objectIds, PARENT_GROUPS.formatted(vendor.through("directory_membership m",
                "directory_membership_by_member_id")), "m.member_id", row -> parents.computeIfAbsent(
                        row.getObject("member_id", UUID.class), id -> new ArrayList<>())
                .add(row.getObject("group_id", UUID.class)));
        return parents;
    }

    @Override
    public Map<UUID, GroupMembers> groupMembers(Collection<UUID> groupIds) {
        Map<UUID, List<List<UUID>>> byKind = new HashMap<>();
        lookUp(groupIds, GROUP_MEMBERS.formatted(vendor.through("directory_group g", "directory_group_by_id")),
                "g.id", row -> {
                    List<List<UUID>> members = byKind.computeIfAbsent(row.getObject("id", UUID.class),
                            id -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                    for (int kind = 0; kind < members.size(); kind++) {
                        UUID member = row.getObject(MEMBER_KINDS.get(kind), UUID.class);
                        if (member != null) {
                            members.get(kind).add(member);
                        }
                    }
                });
        Map<UUID, GroupMembers> members = new HashMap<>();
        byKind.forEach((group, kinds) -> members.put(group, new GroupMembers(kinds.get(0), kinds.get(1),
                kinds.get(2))));
        return members;
    }

    @Override
    public Map<UUID, Set<SubjectType>> directKinds(Collection<UUID> groupIds) {
        Map<UUID, Set<SubjectType>> kinds = new HashMap<>();
        lookUp(groupIds, DIRECT_KINDS.formatted(vendor.through("directory_group g", "directory_group_by_id")), "g.id",
                row -> {
                    Set<SubjectType> held = EnumSet.noneOf(SubjectType.class);
                    if (row.getBoolean("holds_users")) {
                        held.add(SubjectType.USER);
                    }
                    if (row.getBoolean("holds_devices")) {
                        held.add(SubjectType.DEVICE);
                    }
                    kinds.put(row.getObject("id", UUID.class), held);
                });
        return kinds;
    }

    @Override
    public Map<UUID, Group> groupsById(Collection<UUID> groupIds) {
        return byKey(DirectoryTables.GROUPS, "directory_group_by_id", "g.id", groupIds, Group::id);
    }

    @Override
    public Map<UUID, User> usersById(Collection<UUID> userIds) {
        return byKey(DirectoryTables.USERS, "directory_user_by_id", "u.id", userIds, User::id);
    }

    @Override
    public Map<UUID, Device> devicesById(Collection<UUID> objectIds) {
        return byKey(DirectoryTables.DEVICES, "directory_device_by_id", "d.id", objectIds, Device::id);
    }

    @Override
    public Map<UUID, Device> devicesByDeviceId(Collection<UUID> deviceIds) {
        return byKey(DirectoryTables.DEVICES, "directory_device_by_device_id", "d.device_id", deviceIds,
                Device::deviceId);
    }

    @Override
    public Map<UUID, List<ManagedDevice>> managedDevicesByDeviceId(Collection<UUID> deviceIds) {
        Map<UUID, List<ManagedDevice>> devices = new HashMap<>();
        DirectoryTables<ManagedDevice> table = DirectoryTables.MANAGED_DEVICES;
        lookUp(deviceIds, table.select("", vendor.through("managed_device m", "managed_device_by_azure_ad_device_id"))
                + " WHERE m.tenant_id = ? AND %s", "m.azure_ad_device_id", row -> {
                    ManagedDevice device = table.reader().read(row);
                    devices.computeIfAbsent(device.azureADDeviceId(), id -> new ArrayList<>()).add(device);
                });
        return devices;
    }

    @Override
    public Map<UUID, List<ManagedDevice>> managedDevicesOfUsers(Collection<UUID> userIds) {
        Map<UUID, List<ManagedDevice>> devices = new HashMap<>();
        DirectoryTables<ManagedDevice> table = DirectoryTables.MANAGED_DEVICES;
        lookUp(userIds, table.select(", l.user_id AS of_user", DEVICES_OF_USERS.formatted(vendor.through(
                "managed_device_logon l", "managed_device_logon_by_user_id"))), "l.user_id",
                row -> devices.computeIfAbsent(row.getObject("of_user", UUID.class), id -> new ArrayList<>())
                        .add(table.reader().read(row)));
        return devices;
    }

    @Override
    public Map<UUID, FilterDefinition> assignmentFiltersById(Collection<UUID> filterIds) {
        return byKey(DirectoryTables.ASSIGNMENT_FILTERS, "assignment_filter_by_id", "f.id", filterIds,
                FilterDefinition::id);
    }

    @Override
    public List<ManagedDevice> managedDevicesAfter(Optional<UUID> after, int limit) {
        return read(c -> after(c, DirectoryTables.MANAGED_DEVICES, after, limit));
    }

    @Override
    public List<User> usersAfter(Optional<UUID> after, int limit) {
        return read(c -> after(c, DirectoryTables.USERS, after, limit));
    }

    /**
     * Up to {@code limit} rows of the tenant whose id follows {@code after}, in the order of the primary key (uuids
     * compare as their text in both databases, as SubjectOrder does), read no further than that. The order names the
     * key's tenant too: H2 reads rows in the order of an index only when the ORDER BY is the index's columns.
     */
    private <T> List<T> after(Connection c, DirectoryTables<T> table, Optional<UUID> after, int limit)
            throws SQLException {
        String alias = table.alias();
        List<T> found = new ArrayList<>();
        try (PreparedStatement page = prepare(c, table.select() + " WHERE " + alias + ".tenant_id = ?"
                        + (after.isPresent() ? " AND " + alias + ".id > ?" : "") + " ORDER BY " + alias
                        + ".tenant_id, " + alias + ".id FETCH FIRST ? ROWS ONLY",
                Stream.of(Stream.of(tenant.value()), after.stream(), Stream.of(limit)).flatMap(values -> values)
                        .toArray());
             ResultSet rows = page.executeQuery()) {
            while (rows.next()) {
                found.add(table.reader().read(rows));
            }
        }
        return found;
    }

    /** The rows whose {@code column} is one of {@code keys}, each by the key {@code key} reads of it. */
    private <T> Map<UUID, T> byKey(DirectoryTables<T> table, String index, String column, Collection<UUID> keys,
                                   Function<T, UUID> key) {
        Map<UUID, T> found = new HashMap<>();
        lookUp(keys, table.select("", vendor.through(table.table() + " " + table.alias(), index)) + " WHERE "
                + table.alias() + ".tenant_id = ? AND %s", column, row -> {
                    T value = table.reader().read(row);
                    found.put(key.apply(value), value);
                });
        return found;
    }

    /**
     * Runs {@code select}, whose parameters are the tenant and then the IN list of {@code column} that replaces its
     * %s, for the distinct ids IDS_PER_STATEMENT at a time, on one connection, and hands {@code each} its rows. Runs
     * nothing when there are no ids.
     */
    private void lookUp(Collection<UUID> ids, String select, String column, RowAction each) {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        read(c -> {
            for (int from = 0; from < distinct.size(); from += IDS_PER_STATEMENT) {
                Condition in = Sql.in(column, distinct.subList(from, Math.min(distinct.size(),
                        from + IDS_PER_STATEMENT)));
                try (PreparedStatement lookup = prepare(c, select.formatted(in.sql()), Stream.concat(
                        Stream.of(tenant.value()), in.parameters().stream()).toArray());
                     ResultSet rows = lookup.executeQuery()) {
                    while (rows.next()) {
                        each.accept(rows);
                    }
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }
}
