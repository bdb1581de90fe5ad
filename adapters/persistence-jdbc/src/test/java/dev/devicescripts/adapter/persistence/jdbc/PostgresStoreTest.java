package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.StorageUnavailableException;
import dev.devicescripts.application.port.out.AuditFixtures;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to PostgreSQL: its schema history, readiness, waiting for locks, lost connections, logins. */
class PostgresStoreTest {
    private static final AssignmentSet ALL_DEVICES =
            AssignmentSet.of(List.of(new AllDevicesAssignmentTarget(AssignmentFilter.NONE)), 10);

    private TestPostgres database;

    @BeforeEach
    void createDatabase() {
        database = TestPostgres.newDatabase();
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void h2AndPostgresqlHaveTheSameMigrationHistory(@TempDir Path dataDirectory) throws SQLException {
        JdbcStore.open(database.settings()).close();
        TestDatabases.open(dataDirectory).close();

        List<String> onPostgresql = migrations(database.url(), database.user(), database.password());
        List<String> onH2 = migrations(JdbcStore.h2FileUrl(dataDirectory), "sa", "");
        assertThat(onPostgresql).isEqualTo(onH2).contains("4 strings folded by the application",
                "5 strings compare byte by byte", "7 Assignment sets as one row per script",
                "8 Assignment sets packed");
    }

    @Test
    void setsStoredARowPerTargetAreKeptByTheMigrationToOneRowPerSet() throws Exception {
        SetsStoredARowPerTarget.assertKeptByTheMigration(database.settings());
    }

    @Test
    void setsStoredAsJsonArePackedByTheMigration() throws Exception {
        SetsStoredAsJson.assertPackedByTheMigration(database.settings());
    }

    @Test
    void managedDevicesStoredBeforeTheVersionPartsGetThemFromTheMigration() throws Exception {
        DevicesStoredWithoutVersionParts.assertFilledByTheMigration(database.settings());
    }

    @Test
    void managedDevicesStoredBeforeTheirLogOnsWereIndexedGetThemFromTheMigration() throws Exception {
        DevicesStoredWithoutLogons.assertFilledByTheMigration(database.settings());
    }

    @Test
    void statusIsReadyWhileOpenAndNotAfterClose() {
        JdbcStoreTest.assertReadyWhileOpenAndNotAfterClose(JdbcStore.open(database.settings()));
    }

    @Test
    void anAssignThatWaitsLongerThanTheLockTimeoutForAnotherChangeFailsAsBusyAndChangesNothing() throws SQLException {
        // The URL's own options win over the adapter's default lock_timeout of 10 s.
        JdbcSettings impatient = new JdbcSettings(database.url() + "?options=-c%20lock_timeout=100ms",
                database.user(), database.password(), 2);
        DeviceManagementScript script = script("Locked");
        try (JdbcStore store = JdbcStore.open(impatient);
             Connection other = connect()) {
            store.scripts().insert(TENANT, script, AuditFixtures.created(script));
            store.assignmentSets().replace(TENANT, script.id(), ALL_DEVICES, AuditFixtures.assigned(script.id()));
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT part FROM script_assignment_set WHERE script_id = ? FOR UPDATE")) {
                lock.setObject(1, script.id().value());
                lock.executeQuery().close();
            }

            assertThatThrownBy(() -> store.assignmentSets().replace(TENANT, script.id(), AssignmentSet.EMPTY,
                    AuditFixtures.assigned(script.id())))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("lock timeout");

            other.rollback();
            assertThat(store.assignmentSets().findSet(TENANT, script.id())).contains(ALL_DEVICES);
        }
    }

    @Test
    void connectionsTheServerDropsCostAtMostOneBusyAnswerEachAndThenCallsWork() throws SQLException {
        DeviceManagementScript script = script("Kept");
        int poolSize = 2;
        try (JdbcStore store = JdbcStore.open(
                new JdbcSettings(database.url(), database.user(), database.password(), poolSize));
             Connection admin = connect()) {
            store.scripts().insert(TENANT, script, AuditFixtures.created(script));
            try (PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(pid) "
                    + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                terminate.executeQuery().close();
            }

            // A pooled connection is found dead when used (or checked, if idle): that call is busy, not a fault.
            int busy = 0;
            List<Optional<DeviceManagementScript>> answers = new ArrayList<>();
            while (answers.isEmpty() && busy <= poolSize) {
                try {
                    answers.add(store.scripts().find(TENANT, script.id()));
                } catch (StorageUnavailableException e) {
                    busy++;
                }
            }
            assertThat(busy).isLessThanOrEqualTo(poolSize);
            assertThat(answers).containsExactly(Optional.of(script));
            assertThat(store.status().readiness()).isEqualTo(Readiness.ready());
        }
    }

    @Test
    void aWrongPasswordFailsToOpenNamingTheDatabaseAndNotThePassword() {
        String wrong = "not-the-password-" + database.name();
        JdbcSettings settings = new JdbcSettings(database.url(), database.user(), wrong, 2);

        assertThatThrownBy(() -> JdbcStore.open(settings))
                .isInstanceOf(JdbcStorageException.class)
                .hasMessageStartingWith("Cannot open the database " + database.url() + ": ")
                .hasMessageContaining("password authentication failed")
                .message().doesNotContain(wrong);
    }

    @Test
    void aPasswordInTheUrlIsMaskedInMessages() {
        String url = database.url() + "?password=secret-in-url";

        assertThat(JdbcSettings.redacted(url)).isEqualTo(database.url() + "?password=***");
        assertThat(new JdbcSettings(url, database.user(), null, 2).toString()).doesNotContain("secret-in-url");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static List<String> migrations(String url, String user, String password) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT \"version\", \"description\" FROM \"flyway_schema_history\" "
                             + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                versions.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return versions;
    }
}
