package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;

/** Assignment sets written as V1 to V6 stored them, a row per target, and what V7 must make of them. */
final class SetsStoredARowPerTarget {
    private static final TenantId TENANT = TenantId.of("11111111-aaaa-4aaa-8aaa-111111111111");
    private static final TenantId OTHER_TENANT = TenantId.of("22222222-bbbb-4bbb-8bbb-222222222222");

    private SetsStoredARowPerTarget() {
    }

    /** Migrates a new database up to V6, stores sets the old way, migrates it all the way and reads them back. */
    static void assertKeptByTheMigration(JdbcSettings settings) throws SQLException {
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations(settings.vendor().migrations()).target("6").loggers("slf4j").load().migrate();
        Map<ScriptId, AssignmentSet> sets = Map.of(
                ScriptId.of("00000000-0000-4000-8000-000000000001"), AssignmentSet.EMPTY,
                ScriptId.of("00000000-0000-4000-8000-000000000002"), AssignmentSet.of(List.of(
                        new ConfigurationManagerCollectionAssignmentTarget("SMS00001", AssignmentFilter.include(
                                UUID.fromString("f1f1f1f1-0000-0000-0000-000000000001"))),
                        new ExclusionGroupAssignmentTarget(new GroupId(new UUID(1, 1))),
                        new AllDevicesAssignmentTarget(AssignmentFilter.exclude(new UUID(2, 2))),
                        GroupAssignmentTarget.withoutFilter(new GroupId(new UUID(3, 3)))), 10),
                // More targets than one stored part holds.
                ScriptId.of("00000000-0000-4000-8000-000000000003"), AssignmentSet.of(IntStream.range(0, 1_200)
                        .<AssignmentTarget>mapToObj(
                                i -> GroupAssignmentTarget.withoutFilter(new GroupId(new UUID(4, i))))
                        .toList(), 1_200));
        ScriptId otherTenants = ScriptId.of("00000000-0000-4000-8000-000000000004");
        AssignmentSet otherTenantsSet = AssignmentSet.of(
                List.of(GroupAssignmentTarget.withoutFilter(new GroupId(new UUID(5, 5)))), 10);
        try (Connection connection =
                DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            sets.forEach((script, set) -> store(connection, TENANT, script, set));
            store(connection, OTHER_TENANT, otherTenants, otherTenantsSet);
        }

        try (JdbcStore migrated = JdbcStore.open(settings)) {
            sets.forEach((script, set) -> assertThat(migrated.assignmentSets().findSet(TENANT, script)).contains(set));
            assertThat(migrated.assignmentSets().findSet(OTHER_TENANT, otherTenants)).contains(otherTenantsSet);
            assertThat(migrated.assignmentSets().findSet(TENANT, otherTenants)).isEmpty();
        }
    }

    private static void store(Connection connection, TenantId tenant, ScriptId script, AssignmentSet set) {
        try (PreparedStatement insertTarget = connection.prepareStatement("""
                     INSERT INTO script_assignment_target (tenant_id, script_id, position, target_type, group_id,
                         collection_id, filter_type, filter_id)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            TestDatabases.insertScriptRow(connection, tenant, script, "Stored before V7");
            for (int position = 0; position < set.size(); position++) {
                StoredTarget row = StoredTarget.of(set.targets().get(position));
                Sql.bind(insertTarget, tenant.value(), script.value(), position, row.targetType(), row.groupId(),
                        row.collectionId(), row.filter().type().graphName(), row.filter().filterId());
                insertTarget.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
