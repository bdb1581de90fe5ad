package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.directory.ManagedDevice;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** Managed devices stored before V17 had their users in managed_device_logon, and what V18 must make of them. */
final class DevicesStoredWithoutLogons {
    private static final TenantId TENANT = TenantId.of("11111111-aaaa-4aaa-8aaa-111111111111");
    private static final UUID SHARED = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID KIOSK = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID NOBODYS = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID ADA = UUID.fromString("0000000a-0000-0000-0000-000000000000");
    private static final UUID BOB = UUID.fromString("0000000b-0000-0000-0000-000000000000");

    private DevicesStoredWithoutLogons() {
    }

    /** Migrates a new database up to V16, stores devices as V14 wrote them, migrates it all the way and reads them. */
    static void assertFilledByTheMigration(JdbcSettings settings) throws SQLException {
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations(settings.vendor().migrations()).javaMigrations(
                        new V7__Assignment_sets_as_one_row_per_script(), new V8__Assignment_sets_packed(),
                        new V14__Managed_device_version_parts())
                .target("16").loggers("slf4j").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(),
                settings.password())) {
            insertDevice(connection, SHARED, ADA, "[[\"" + ADA + "\",\"2026-11-20T08:00:00Z\"],[\"" + BOB
                    + "\",null]]");
            insertDevice(connection, KIOSK, null, "[[\"" + BOB + "\",null]]");
            insertDevice(connection, NOBODYS, null, "[]");
        }

        try (JdbcStore migrated = JdbcStore.open(settings)) {
            Map<UUID, List<ManagedDevice>> found = migrated.directory().reads(TENANT)
                    .managedDevicesOfUsers(List.of(ADA, BOB));
            assertThat(found).containsOnlyKeys(ADA, BOB);
            assertThat(found.get(ADA)).extracting(ManagedDevice::id).containsExactly(SHARED);
            assertThat(found.get(BOB)).extracting(ManagedDevice::id).containsExactlyInAnyOrder(SHARED, KIOSK);
        }
    }

    /** A row with the columns V9 made, the primary user and the users logged on as V9 stored them; others unset. */
    private static void insertDevice(Connection connection, UUID id, UUID userId, String usersLoggedOn)
            throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection, """
                INSERT INTO managed_device (tenant_id, id, user_id, azure_ad_registered, role_scope_tag_ids,
                    users_logged_on) VALUES (?, ?, ?, FALSE, '[[]]', ?)""", TENANT.value(), id, userId,
                usersLoggedOn)) {
            insert.executeUpdate();
        }
    }
}
