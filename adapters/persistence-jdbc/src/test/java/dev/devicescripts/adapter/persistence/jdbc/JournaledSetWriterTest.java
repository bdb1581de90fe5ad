package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.persistence.jdbc.AssignJournal.Entry;
import dev.devicescripts.application.StorageUnavailableException;
import dev.devicescripts.application.collections.AuditEventCollection;
import dev.devicescripts.application.port.out.AuditFixtures;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.IntuneAudits;
import dev.devicescripts.domain.audit.Stamp;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assign journal: what opening the database makes of one a killed process left, and sets waiting to be written. */
class JournaledSetWriterTest {
    private static final AssignmentSet OLDER =
            AssignmentSet.of(List.of(new AllDevicesAssignmentTarget(AssignmentFilter.NONE)), 10);
    private static final AssignmentSet NEWER =
            AssignmentSet.of(List.of(new AllLicensedUsersAssignmentTarget(AssignmentFilter.NONE)), 10);

    @TempDir
    Path dataDirectory;

    @Test
    void theNewestSetOfAScriptWinsAcrossTheJournalsFiles() {
        ScriptId id = insertScript();
        try (AssignJournal journal = AssignJournal.continuing(dataDirectory)) {
            journal.append(entry(id, OLDER));
            journal.seal();
            journal.append(entry(id, NEWER));
        }
        assertThat(AssignJournal.files(dataDirectory)).hasSize(2);

        assertThat(setAfterOpening(id)).isEqualTo(NEWER);
        assertThat(AssignJournal.files(dataDirectory)).isEmpty();
    }

    @Test
    void aSetJournaledBeforeItsScriptWasDeletedOrInsertedAgainIsNotWritten() {
        ScriptId id = insertScript();
        try (AssignJournal journal = AssignJournal.continuing(dataDirectory)) {
            journal.append(entry(id, NEWER));
            journal.append(new Entry(TENANT.value(), id.value(), List.of()));
        }

        assertThat(setAfterOpening(id)).isEqualTo(AssignmentSet.EMPTY);
    }

    @Test
    void aRecordCutShortByAKillEndsItsFileAndTheRecordsBeforeItAreWritten() throws IOException {
        ScriptId id = insertScript();
        Path file = journalOf(id, OLDER, NEWER);

        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
            cut.setLength(cut.length() - 3);
        }

        assertThat(setAfterOpening(id)).isEqualTo(OLDER);
    }

    @Test
    void aDamagedRecordEndsItsFileAndTheRecordsBeforeItAreWritten() throws IOException {
        ScriptId id = insertScript();
        Path file = journalOf(id, OLDER, NEWER);

        try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
            long lastByte = damaged.length() - 1;
            damaged.seek(lastByte);
            int value = damaged.read();
            damaged.seek(lastByte);
            damaged.write(value ^ 0xff);
        }

        assertThat(setAfterOpening(id)).isEqualTo(OLDER);
    }

    @Test
    void aSetOfAScriptDeletedBeforeTheDatabaseHasItIsDropped() {
        ScriptId id = insertScript();
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            assertThat(store.assignmentSets().replace(TENANT, id, NEWER, AuditFixtures.assigned(id))).isTrue();
            assertThat(store.scripts().delete(TENANT, id, AuditFixtures.deleted())).isTrue();

            assertThat(store.assignmentSets().findSet(TENANT, id)).isEmpty();
        } // closing writes the set waiting, which finds no script

        try (JdbcStore reopened = TestDatabases.open(dataDirectory)) {
            assertThat(reopened.scripts().find(TENANT, id)).isEmpty();
            assertThat(reopened.assignmentSets().findSet(TENANT, id)).isEmpty();
        }
        assertThat(AssignJournal.files(dataDirectory)).isEmpty();
    }

    @Test
    void manyLargeSetsAssignedInARowAreAllKept() {
        // 300 sets of a thousand group targets, about 18 KB each: the database gets them in many transactions
        List<ScriptId> ids = scriptIds(300);
        Map<ScriptId, AssignmentSet> assigned = new HashMap<>();
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            for (ScriptId id : ids) {
                store.scripts().insert(TENANT, script(id, "Large set", Instant.EPOCH),
                        AuditFixtures.created(script(id, "Large set", Instant.EPOCH)));
                AssignmentSet set = thousandTargets();
                assertThat(store.assignmentSets().replace(TENANT, id, set, AuditFixtures.assigned(id))).isTrue();
                assigned.put(id, set);
            }
            assertThat(store.assignmentSets().findSets(TENANT, ids)).isEqualTo(assigned);
        }

        try (JdbcStore reopened = TestDatabases.open(dataDirectory)) {
            assertThat(reopened.assignmentSets().findSets(TENANT, ids)).isEqualTo(assigned);
        }
    }

    @Test
    void assignsThatFindTheDatabaseNotTakingSetsAreAnsweredUnavailableAndNothingAcknowledgedIsLost() throws Exception {
        // 400 sets of about 18 KB: more than the 4 MB that may wait for the database
        List<ScriptId> ids = scriptIds(400);
        Map<ScriptId, AssignmentSet> expected = new HashMap<>();
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            for (ScriptId id : ids) {
                store.scripts().insert(TENANT, script(id, "Large set", Instant.EPOCH),
                        AuditFixtures.created(script(id, "Large set", Instant.EPOCH)));
                expected.put(id, AssignmentSet.EMPTY);
            }
            StorageUnavailableException refused = null;
            try (Connection other = DriverManager.getConnection(JdbcStore.h2FileUrl(dataDirectory), "sa", "");
                 Statement lockEverySet = other.createStatement()) {
                other.setAutoCommit(false);
                lockEverySet.executeQuery("SELECT * FROM script_assignment_set FOR UPDATE").close();
                for (ScriptId id : ids) {
                    AssignmentSet set = thousandTargets();
                    try {
                        store.assignmentSets().replace(TENANT, id, set, AuditFixtures.assigned(id));
                    } catch (StorageUnavailableException e) {
                        refused = e;
                        break;
                    }
                    expected.put(id, set);
                }
                other.rollback();
            }

            assertThat(refused).as("an assign refused while the database took no sets").isNotNull();
            assertThat(store.assignmentSets().findSets(TENANT, ids)).isEqualTo(expected);
        }
        try (JdbcStore reopened = TestDatabases.open(dataDirectory)) {
            assertThat(reopened.assignmentSets().findSets(TENANT, ids)).isEqualTo(expected);
        }
    }

    @Test
    void threeAssignsOfAScriptKeepThreeEntriesInOrderEachWithTheSetItReplaced() {
        ScriptId id = insertScript();
        AssignmentSet third = AssignmentSet.of(List.of(GroupAssignmentTarget.withoutFilter(
                new GroupId(UUID.fromString("a0000000-0000-0000-0000-000000000001")))), 10);
        List<AssignmentSet> replaced = new ArrayList<>();
        List<AuditEvent> entries = new ArrayList<>();
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            Instant at = Instant.parse("2026-12-01T10:00:00Z");
            for (AssignmentSet set : List.of(OLDER, NEWER, third)) {
                Stamp stamp = new Stamp(UUID.randomUUID(), at, AuditFixtures.APP, UUID.randomUUID());
                at = at.plusSeconds(1);
                assertThat(store.assignmentSets().replace(TENANT, id, set, (name, before) -> {
                    replaced.add(before);
                    AuditEvent entry = IntuneAudits.assigned(stamp, id, name, before.toString(), set.toString());
                    entries.add(entry);
                    return entry;
                })).isTrue();
            }

            assertThat(replaced).as("each assign's set before it").containsExactly(AssignmentSet.EMPTY, OLDER, NEWER);
            Collections.reverse(entries); // newest first
            assertThat(assignsOf(store, id)).as("read before the database has them").isEqualTo(entries);
        }
        try (JdbcStore reopened = TestDatabases.open(dataDirectory)) {
            assertThat(assignsOf(reopened, id)).isEqualTo(entries);
        }
    }

    @Test
    void anAssignsEntryIsReplayedWithItsSetAndOnlyOnceWhenTheDatabaseHasItAlready() {
        ScriptId id = insertScript();
        AuditEvent entry = IntuneAudits.assigned(AuditFixtures.stamp(), id, "Journaled", "[]", NEWER.toString());
        try (AssignJournal journal = AssignJournal.continuing(dataDirectory)) {
            journal.append(new Entry(TENANT.value(), id.value(), PackedTargets.parts(NEWER.targets()), entry));
            // as if the writer had written it, and the process died before it deleted the file
            journal.append(new Entry(TENANT.value(), id.value(), PackedTargets.parts(NEWER.targets()), entry));
        }

        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            assertThat(store.assignmentSets().findSet(TENANT, id)).contains(NEWER);
            assertThat(assignsOf(store, id)).containsExactly(entry);
        }
    }

    @Test
    void anAssignsEntryStaysWhenItsScriptIsDeletedBeforeTheDatabaseHasItsSet() {
        ScriptId id = insertScript();
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            store.assignmentSets().replace(TENANT, id, NEWER, AuditFixtures.assigned(id));
            store.scripts().delete(TENANT, id, AuditFixtures.deleted());

            assertThat(historyOf(store, id)).extracting(AuditEvent::operationType)
                    .containsExactlyInAnyOrder("Action", "Delete", "Create");
        }
    }

    /** Every Intune entry of the script, newest first, as a script's history is read. */
    private static List<AuditEvent> historyOf(JdbcStore store, ScriptId id) {
        Query<AuditEvent> history = new Query<>(AuditEventCollection.AUDIT_EVENTS, Optional.of(
                new Filter.AnyEquals<>(AuditEventCollection.RESOURCE_IDS, id.toString())), List.of(), 0, 100,
                Optional.empty());
        return store.auditLogs().auditEvents(TENANT, history).items();
    }

    /** The entries of the script's assigns, newest first. */
    private static List<AuditEvent> assignsOf(JdbcStore store, ScriptId id) {
        return historyOf(store, id).stream().filter(entry -> entry.operationType().equals("Action")).toList();
    }

    private static List<ScriptId> scriptIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> new ScriptId(new UUID(0x5a5a, i))).toList();
    }

    private static AssignmentSet thousandTargets() {
        return AssignmentSet.of(IntStream.range(0, 1_000)
                .mapToObj(i -> (AssignmentTarget) GroupAssignmentTarget.withoutFilter(new GroupId(UUID.randomUUID())))
                .toList(), 1_000);
    }

    private ScriptId insertScript() {
        ScriptId id = ScriptId.of("5a5a5a5a-0000-0000-0000-000000000002");
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            store.scripts().insert(TENANT, script(id, "Journaled", Instant.EPOCH),
                    AuditFixtures.created(script(id, "Journaled", Instant.EPOCH)));
        }
        return id;
    }

    /** One journal file holding the sets in order. */
    private Path journalOf(ScriptId id, AssignmentSet... sets) {
        try (AssignJournal journal = AssignJournal.continuing(dataDirectory)) {
            for (AssignmentSet set : sets) {
                journal.append(entry(id, set));
            }
        }
        List<Path> files = AssignJournal.files(dataDirectory);
        assertThat(files).hasSize(1);
        assertThat(files.get(0)).satisfies(file -> assertThat(Files.size(file)).isPositive());
        return files.get(0);
    }

    private AssignmentSet setAfterOpening(ScriptId id) {
        try (JdbcStore store = TestDatabases.open(dataDirectory)) {
            return store.assignmentSets().findSet(TENANT, id).orElseThrow();
        }
    }

    private static Entry entry(ScriptId id, AssignmentSet set) {
        return new Entry(TENANT.value(), id.value(), PackedTargets.parts(set.targets()));
    }
}
