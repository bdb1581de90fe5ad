package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.application.collections.AuditEventCollection.AUDIT_EVENTS;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.StorageUnavailableException;
import dev.devicescripts.application.port.out.AuditFixtures;
import dev.devicescripts.application.port.out.StorageStatus;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.audit.AuditEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreTest {
    @TempDir
    Path dataDirectory;

    @Test
    void scriptsAndTheirSetsAreStillThereAfterClosingAndReopening() {
        DeviceManagementScript script = script("Kept");
        AssignmentSet set = AssignmentSet.of(List.of(new AllDevicesAssignmentTarget(AssignmentFilter.NONE)), 10);
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            store.scripts().insert(TENANT, script, AuditFixtures.created(script));
            store.assignmentSets().replace(TENANT, script.id(), set, AuditFixtures.assigned(script.id()));
        }

        try (JdbcStore reopened = TestDatabases.open(dataDirectory)) {
            assertThat(reopened.scripts().find(TENANT, script.id())).contains(script);
            assertThat(reopened.assignmentSets().findSet(TENANT, script.id())).contains(set);
        }
    }

    @Test
    void setsStoredARowPerTargetAreKeptByTheMigrationToOneRowPerSet() throws Exception {
        SetsStoredARowPerTarget.assertKeptByTheMigration(TestDatabases.settings(dataDirectory));
    }

    @Test
    void setsStoredAsJsonArePackedByTheMigration() throws Exception {
        SetsStoredAsJson.assertPackedByTheMigration(TestDatabases.settings(dataDirectory));
    }

    @Test
    void managedDevicesStoredBeforeTheVersionPartsGetThemFromTheMigration() throws Exception {
        DevicesStoredWithoutVersionParts.assertFilledByTheMigration(TestDatabases.settings(dataDirectory));
    }

    @Test
    void managedDevicesStoredBeforeTheirLogOnsWereIndexedGetThemFromTheMigration() throws Exception {
        DevicesStoredWithoutLogons.assertFilledByTheMigration(TestDatabases.settings(dataDirectory));
    }

    @Test
    void theDatabaseIsOneFileUnderTheDataDirectory() {
        TestDatabases.open(dataDirectory).close();

        assertThat(dataDirectory.resolve("devicescripts.mv.db")).isRegularFile();
    }

    @Test
    void statusIsReadyWhileOpenAndNotAfterClose() {
        assertReadyWhileOpenAndNotAfterClose(TestDatabases.open(dataDirectory));
    }

    /** Closes the database. */
    static void assertReadyWhileOpenAndNotAfterClose(JdbcStore store) {
        StorageStatus status = store.status();

        assertThat(status.readiness()).isEqualTo(Readiness.ready());

        store.close();
        assertThat(status.readiness().problem()).contains("the database cannot be reached");
    }

    @Test
    void statusIsNotReadyWhenTheSchemaLacksTheNewestMigrationAsAfterRestoringAnOlderBackup() throws Exception {
        try (JdbcStore store = TestDatabases.open(dataDirectory);
             Connection connection = DriverManager.getConnection(JdbcStore.h2FileUrl(dataDirectory), "sa", "");
             Statement statement = connection.createStatement()) {
            String newest;
            try (ResultSet versions = statement.executeQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\" DESC")) {
                assertThat(versions.next()).isTrue();
                newest = versions.getString(1);
            }
            statement.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + newest + "'");

            assertThat(store.status().readiness().problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .isEqualTo("the database schema is not at version " + newest + ", which this server needs; "
                            + "restarting the server migrates it"));
        }
    }

    @Test
    void aDatabaseClosedUnderTheServerIsBrokenNamingWhyAndARestartFindsItsData() throws Exception {
        DeviceManagementScript script = script("Kept");
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            store.scripts().insert(TENANT, script, AuditFixtures.created(script));
            assertThat(store.status().broken()).isEmpty();

            shutDownUnderTheServer();

            assertThat(store.status().broken()).hasValueSatisfying(cause -> assertThat(cause)
                    .startsWith("H2 closed the database under the server"));
            assertThat(store.status().readiness().problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("the database can no longer be used and the server must restart: H2 closed the "
                            + "database under the server"));
            assertThatThrownBy(() -> store.scripts().find(TENANT, script.id()))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageStartingWith("The database can no longer be used until the server restarts: H2 closed");
        }

        try (JdbcStore restarted = TestDatabases.open(dataDirectory)) {
            assertThat(restarted.status().broken()).isEmpty();
            assertThat(restarted.scripts().find(TENANT, script.id())).contains(script);
        }
    }

    @Test
    void aDatabaseWhoseFileWasDeletedIsBrokenNamingTheFile() throws Exception {
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            Path file = dataDirectory.resolve("devicescripts.mv.db");
            Files.delete(file);

            assertThat(store.status().broken()).contains("the database file " + file + " is gone");
            assertThat(store.status().readiness().problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .endsWith("the database file " + file + " is gone"));
        }
    }

    @Test
    void anAssignThatCannotBeJournaledBreaksTheStoreNamingTheJournal() throws Exception {
        ScriptId id = ScriptId.of("5a5a5a5a-0000-0000-0000-000000000002");
        AssignmentSet set = AssignmentSet.of(List.of(new AllDevicesAssignmentTarget(AssignmentFilter.NONE)), 10);
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            // by SQL: an insert through the repository would journal it, and the journal would hold its file open
            try (Connection connection = DriverManager.getConnection(JdbcStore.h2FileUrl(dataDirectory), "sa",
                    "")) {
                TestDatabases.insertScriptRow(connection, TENANT, id, "Unjournaled");
            }
            // H2 goes on writing the file it holds open; the journal can create no file in a folder that is gone.
            try (Stream<Path> files = Files.list(dataDirectory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dataDirectory);

            assertThatThrownBy(() -> store.assignmentSets().replace(TENANT, id, set, AuditFixtures.assigned(id)))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageStartingWith("Cannot write the assign journal in " + dataDirectory);
            assertThat(store.status().broken()).hasValueSatisfying(cause -> assertThat(cause)
                    .startsWith("Cannot write the assign journal in " + dataDirectory));
        } finally {
            Files.createDirectories(dataDirectory);
        }
    }

    @Test
    void aDatabaseThatIsClosedIsNotBroken() {
        JdbcStore store = TestDatabases.open(dataDirectory);
        store.close();

        assertThat(store.status().broken()).isEmpty();
    }

    @Test
    void h2WritesNoTraceFileOfItsOwnForItsErrors() throws Exception {
        try (JdbcStore store = TestDatabases.open(dataDirectory);
             Connection connection = DriverManager.getConnection(JdbcStore.h2FileUrl(dataDirectory), "sa", "");
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .hasMessageContaining("NO_SUCH_TABLE");
        }

        assertThat(dataDirectory.resolve("devicescripts.trace.db")).doesNotExist();
    }

    @Test
    void theDatabaseAndJournalFilesAreReadableByTheOwnerOnly() throws Exception {
        DeviceManagementScript script = script("Private");
        AssignmentSet set = AssignmentSet.of(List.of(new AllDevicesAssignmentTarget(AssignmentFilter.NONE)), 10);
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            store.scripts().insert(TENANT, script, AuditFixtures.created(script));
            store.assignmentSets().replace(TENANT, script.id(), set, AuditFixtures.assigned(script.id()));

            assertThat(AssignJournal.files(dataDirectory)).as("the journal, written before the database").isNotEmpty();
            assertThat(permissionsOfFilesIn(dataDirectory)).isNotEmpty().containsOnlyKeys(
                    "devicescripts.mv.db", AssignJournal.files(dataDirectory).get(0).getFileName().toString())
                    .allSatisfy((name, permissions) -> assertThat(permissions).as(name).isEqualTo("rw-------"));
        }
    }

    @Test
    void databaseFilesThatAnOlderServerLeftReadableByAllAreMadePrivateWhenOpened() throws Exception {
        TestDatabases.open(dataDirectory).close();
        Path file = dataDirectory.resolve("devicescripts.mv.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        TestDatabases.open(dataDirectory).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void manyReadinessChecksAtOnceNeitherExhaustThePoolNorWaitOnEachOther() throws Exception {
        int checks = 40;
        ExecutorService checkers = Executors.newFixedThreadPool(checks);
        try (JdbcStore store = JdbcStore.open(new JdbcSettings(
                JdbcStore.h2FileUrl(dataDirectory), "sa", "", 2))) {
            List<Future<Readiness>> answers = new ArrayList<>();
            for (int i = 0; i < checks; i++) {
                answers.add(checkers.submit(() -> store.status().readiness()));
            }
            for (Future<Readiness> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(Readiness.ready());
            }
        } finally {
            checkers.shutdownNow();
        }
    }

    @Test
    void openingAnUnreachableDatabaseFailsNamingItAndTheCause() {
        JdbcSettings unreachable = new JdbcSettings("jdbc:h2:tcp://127.0.0.1:1/devicescripts", "sa", "", 2);

        assertThatThrownBy(() -> JdbcStore.open(unreachable))
                .isInstanceOf(JdbcStorageException.class)
                .hasMessageStartingWith("Cannot open the database jdbc:h2:tcp://127.0.0.1:1/devicescripts: ")
                .hasMessageContaining("Connection refused");
    }

    @Test
    void openingADatabaseThatAnotherProcessHoldsOpenFailsSayingSo() throws Exception {
        Process holder = startJava(HoldDatabaseOpen.class, dataDirectory.toString());
        try {
            awaitOpen(holder);

            assertThatThrownBy(() -> TestDatabases.open(dataDirectory))
                    .isInstanceOf(JdbcStorageException.class)
                    .hasMessageStartingWith("Cannot open the database " + JdbcStore.h2FileUrl(dataDirectory))
                    .hasMessageContaining("another process has it open");
        } finally {
            holder.getOutputStream().close();
            awaitExit(holder);
        }
    }

    @Test
    void aScriptAndItsSetsAssignedJustBeforeTheProcessIsKilledAreThereAfterwards() throws Exception {
        ScriptId id = ScriptId.of("5a5a5a5a-0000-0000-0000-000000000001");

        awaitExit(startJava(InsertAndAssignThenCrash.class, dataDirectory.toString(), id.toString()));

        // The database gets assigns a second after they are journaled: the killed process left them in the journal.
        assertThat(AssignJournal.files(dataDirectory)).isNotEmpty();
        try (JdbcStore reopened = TestDatabases.open(dataDirectory)) {
            assertThat(reopened.scripts().find(TENANT, id)).hasValueSatisfying(
                    script -> assertThat(script.properties().displayName()).isEqualTo("Survivor"));
            assertThat(reopened.assignmentSets().findSet(TENANT, id)).contains(InsertAndAssignThenCrash.LAST_SET);
            assertThat(AssignJournal.files(dataDirectory)).as("the journal, once the database has its sets").isEmpty();
            assertThat(reopened.auditLogs().auditEvents(TENANT, Query.firstPage(AUDIT_EVENTS, 10)).items())
                    .as("the entries of the create and of both assigns").extracting(AuditEvent::operationType)
                    .containsExactlyInAnyOrder("Create", "Action", "Action");
        }
    }

    @Test
    void theDefaultUrlWaitsTenSecondsForLocksWritesEveryCommitAndLeavesClosingToThePool() {
        assertThat(JdbcStore.h2FileUrl(dataDirectory))
                .startsWith("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("devicescripts"))
                .contains(";LOCK_TIMEOUT=10000", ";WRITE_DELAY=0", ";DB_CLOSE_ON_EXIT=FALSE", ";QUERY_CACHE_SIZE=64");
    }

    /** Closes the database as H2 does after an error it cannot undo, such as running out of memory. */
    private void shutDownUnderTheServer() throws Exception {
        try (Connection connection = DriverManager.getConnection(JdbcStore.h2FileUrl(dataDirectory), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
    }

    /** Each file's name and its permissions, as ls shows them. */
    private static Map<String, String> permissionsOfFilesIn(Path directory) throws Exception {
        Map<String, String> permissions = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                permissions.put(file.getFileName().toString(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        return permissions;
    }

    /** Runs the main class in a JVM of its own, on the classpath of this test. */
    private static Process startJava(Class<?> mainClass, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void awaitExit(Process process) throws InterruptedException {
        // Only a guard against a hung child; it ends by itself long before.
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the other process ended").isTrue();
        assertThat(process.exitValue()).as("the other process's exit code").isZero();
    }

    /** Reads the holder's output until it says the database is open; fails if it ends without saying so. */
    private static void awaitOpen(Process holder) throws Exception {
        BufferedReader output = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = output.readLine();
        } while (line != null && !line.equals(HoldDatabaseOpen.OPEN));
        assertThat(line).as("the holder process opened the database").isEqualTo(HoldDatabaseOpen.OPEN);
    }
}
