package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** An assignment set as V7 first stored it, in JSON, and what V8 must make of it. */
final class SetsStoredAsJson {
    private static final TenantId TENANT = TenantId.of("11111111-aaaa-4aaa-8aaa-111111111111");
    private static final ScriptId SCRIPT = ScriptId.of("33333333-cccc-4ccc-8ccc-333333333333");
    private static final String STORED = """
            [{"target":"configurationManagerCollection","collectionId":"SMS00001"},\
            {"target":"group","groupId":"c0000000-0000-0000-0000-000000000001","filterType":"include",\
            "filterId":"f1f1f1f1-0000-0000-0000-000000000001"},\
            {"target":"exclusionGroup","groupId":"a0000000-0000-0000-0000-000000000002"},\
            {"target":"allDevices","filterType":"exclude","filterId":"f2f2f2f2-0000-0000-0000-000000000002"}]""";
    private static final AssignmentSet EXPECTED = AssignmentSet.of(List.of(
            new ConfigurationManagerCollectionAssignmentTarget("SMS00001", AssignmentFilter.NONE),
            new GroupAssignmentTarget(new GroupId(UUID.fromString("c0000000-0000-0000-0000-000000000001")),
                    AssignmentFilter.include(UUID.fromString("f1f1f1f1-0000-0000-0000-000000000001"))),
            new ExclusionGroupAssignmentTarget(new GroupId(UUID.fromString("a0000000-0000-0000-0000-000000000002"))),
            new AllDevicesAssignmentTarget(
                    AssignmentFilter.exclude(UUID.fromString("f2f2f2f2-0000-0000-0000-000000000002")))), 10);

    private SetsStoredAsJson() {
    }

    /** Migrates a new database up to V7, stores a set as JSON, migrates it all the way and reads it back. */
    static void assertPackedByTheMigration(JdbcSettings settings) throws SQLException {
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations(settings.vendor().migrations()).javaMigrations(
                        new V7__Assignment_sets_as_one_row_per_script())
                .target("7").loggers("slf4j").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             PreparedStatement insertSet = Sql.prepare(connection, """
                     INSERT INTO script_assignment_set (tenant_id, script_id, part, targets) VALUES (?, ?, 0, ?)""",
                     TENANT.value(), SCRIPT.value(), STORED.getBytes(StandardCharsets.UTF_8))) {
            TestDatabases.insertScriptRow(connection, TENANT, SCRIPT, "Stored by V7");
            insertSet.executeUpdate();
        }

        try (JdbcStore migrated = JdbcStore.open(settings)) {
            assertThat(migrated.assignmentSets().findSet(TENANT, SCRIPT)).contains(EXPECTED);
        }
    }
}
