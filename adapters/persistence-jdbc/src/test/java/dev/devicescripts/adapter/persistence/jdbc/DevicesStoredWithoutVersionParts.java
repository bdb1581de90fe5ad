package dev.devicescripts.adapter.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.collections.FilterDeviceCollection;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Filter.Comparison;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.directory.ManagedDevice;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** Managed devices stored before V13 had the version parts, and what V14 must make of them. */
final class DevicesStoredWithoutVersionParts {
    private static final TenantId TENANT = TenantId.of("11111111-aaaa-4aaa-8aaa-111111111111");
    private static final UUID VERSIONED = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SHORT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID UNPARSED = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID UNSET = UUID.fromString("00000000-0000-0000-0000-000000000004");

    private DevicesStoredWithoutVersionParts() {
    }

    /** Migrates a new database up to V13, stores devices as V9 wrote them, migrates it all the way and queries them. */
    static void assertFilledByTheMigration(JdbcSettings settings) throws SQLException {
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations(settings.vendor().migrations()).javaMigrations(
                        new V7__Assignment_sets_as_one_row_per_script(), new V8__Assignment_sets_packed())
                .target("13").loggers("slf4j").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(),
                settings.password())) {
            insertDevice(connection, VERSIONED, "10.0.22631.4460");
            insertDevice(connection, SHORT, "10.0");
            insertDevice(connection, UNPARSED, "10.0.x");
            insertDevice(connection, UNSET, null);
        }

        try (JdbcStore migrated = JdbcStore.open(settings)) {
            assertThat(ids(migrated, new Comparison<>(FilterDeviceCollection.OS_VERSION_PART_4, Operator.EQ, 4460L)))
                    .containsExactly(VERSIONED);
            assertThat(ids(migrated, new Filter.And<>(
                    new Comparison<>(FilterDeviceCollection.OS_VERSION_PART_2, Operator.EQ, 0L),
                    new Comparison<>(FilterDeviceCollection.OS_VERSION_PART_3, Operator.EQ, 0L))))
                    .containsExactly(SHORT);
            assertThat(ids(migrated, new Comparison<>(FilterDeviceCollection.OS_VERSION_PART_1, Operator.EQ, null)))
                    .containsExactly(UNPARSED, UNSET);
        }
    }

    private static List<UUID> ids(JdbcStore store, Filter<ManagedDevice> filter) {
        return store.directory().reads(TENANT).managedDevices(new Query<>(FilterDeviceCollection.FILTER_DEVICES,
                Optional.of(filter), List.of(), 0, 10, Optional.empty())).items().stream()
                .map(ManagedDevice::id).toList();
    }

    /** A row with the columns V9 made; the others as unset. */
    private static void insertDevice(Connection connection, UUID id, String osVersion) throws SQLException {
        try (PreparedStatement insert = Sql.prepare(connection, """
                INSERT INTO managed_device (tenant_id, id, os_version, os_version_folded, azure_ad_registered,
                    role_scope_tag_ids, users_logged_on) VALUES (?, ?, ?, ?, FALSE, '[[]]', '[]')""",
                TENANT.value(), id, osVersion, osVersion)) {
            insert.executeUpdate();
        }
    }
}
