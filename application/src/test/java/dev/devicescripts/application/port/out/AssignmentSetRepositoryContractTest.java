package dev.devicescripts.application.port.out;

import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.newScriptId;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promises of {@link AssignmentSetRepository}; every adapter runs them by supplying a fresh, empty store. */
public abstract class AssignmentSetRepositoryContractTest extends StorageContractTest {

    /** One target of every kind, with every kind of filter, in an order that is neither by kind nor by key. */
    private static final AssignmentSet EVERY_KIND = AssignmentSet.of(List.of(
            new ConfigurationManagerCollectionAssignmentTarget("SMS00001",
                    AssignmentFilter.include(UUID.fromString("f1f1f1f1-0000-0000-0000-000000000001"))),
            GroupAssignmentTarget.withoutFilter(group("c0000000-0000-0000-0000-000000000001")),
            new ExclusionGroupAssignmentTarget(group("a0000000-0000-0000-0000-000000000002")),
            new AllDevicesAssignmentTarget(
                    AssignmentFilter.exclude(UUID.fromString("f2f2f2f2-0000-0000-0000-000000000002"))),
            new GroupAssignmentTarget(group("b0000000-0000-0000-0000-000000000003"),
                    AssignmentFilter.include(UUID.fromString("f3f3f3f3-0000-0000-0000-000000000003"))),
            new AllLicensedUsersAssignmentTarget(AssignmentFilter.NONE)), AssignmentSet.DEFAULT_MAX_TARGETS);

    @Test
    void newScriptHasAnEmptySet() {
        ScriptId id = insertScript(TENANT);

        assertThat(assignmentSets.findSet(TENANT, id)).contains(AssignmentSet.EMPTY);
    }

    @Test
    void replaceThenFindSetGivesExactlyThatSetInOrderWithEveryKindAndFilter() {
        ScriptId id = insertScript(TENANT);

        assertThat(assignmentSets.replace(TENANT, id, EVERY_KIND, AuditFixtures.assigned(id))).isTrue();

        AssignmentSet found = assignmentSets.findSet(TENANT, id).orElseThrow();
        assertThat(found.targets()).containsExactlyElementsOf(EVERY_KIND.targets());
    }

    @Test
    void replaceDropsEveryTargetOfTheEarlierSet() {
        ScriptId id = insertScript(TENANT);
        assignmentSets.replace(TENANT, id, EVERY_KIND, AuditFixtures.assigned(id));
        AssignmentSet later = groupsSet(7, 3);

        assignmentSets.replace(TENANT, id, later, AuditFixtures.assigned(id));

        assertThat(assignmentSets.findSet(TENANT, id)).contains(later);
    }

    @Test
    void replaceWithTheEmptySetClearsIt() {
        ScriptId id = insertScript(TENANT);
        assignmentSets.replace(TENANT, id, EVERY_KIND, AuditFixtures.assigned(id));

        assignmentSets.replace(TENANT, id, AssignmentSet.EMPTY, AuditFixtures.assigned(id));

        assertThat(assignmentSets.findSet(TENANT, id)).contains(AssignmentSet.EMPTY);
    }

    @Test
    void replaceKeepsAThousandTargetsInOrder() {
        ScriptId id = insertScript(TENANT);
        AssignmentSet thousand = groupsSet(1, AssignmentSet.DEFAULT_MAX_TARGETS);

        assignmentSets.replace(TENANT, id, thousand, AuditFixtures.assigned(id));

        assertThat(assignmentSets.findSet(TENANT, id)).contains(thousand);
    }

    @Test
    void setsOfThousandsOfTargetsGrowAndShrinkWhole() {
        ScriptId id = insertScript(TENANT);

        for (AssignmentSet set : List.of(groupsSet(1, 2_500), groupsSet(2, 3), groupsSet(3, 1_700))) {
            assignmentSets.replace(TENANT, id, set, AuditFixtures.assigned(id));

            assertThat(assignmentSets.findSet(TENANT, id)).contains(set);
        }
    }

    @Test
    void theBulkiestTargetsAreKeptInTheirThousands() {
        // Collection ids as long as allowed, of characters JSON escapes, each with a filter: the most a target weighs.
        String bulk = "\u0001\u00e9\u4e2d".repeat(ConfigurationManagerCollectionAssignmentTarget.MAX_LENGTH / 3 - 2);
        List<AssignmentTarget> targets = IntStream.range(0, 2_000)
                .<AssignmentTarget>mapToObj(i -> new ConfigurationManagerCollectionAssignmentTarget(
                        bulk + String.format("%06d", i), AssignmentFilter.exclude(new UUID(1, i))))
                .toList();
        AssignmentSet bulky = AssignmentSet.of(targets, targets.size());
        ScriptId id = insertScript(TENANT);

        assignmentSets.replace(TENANT, id, bulky, AuditFixtures.assigned(id));

        assertThat(assignmentSets.findSet(TENANT, id)).contains(bulky);
    }

    @Test
    void replaceOnAMissingScriptReturnsFalseAndCreatesNoSet() {
        ScriptId missing = newScriptId();

        assertThat(assignmentSets.replace(TENANT, missing, EVERY_KIND, AuditFixtures.assigned(missing))).isFalse();

        assertThat(assignmentSets.findSet(TENANT, missing)).isEmpty();
    }

    @Test
    void findSetOfAnUnknownScriptIsEmpty() {
        insertScript(TENANT);

        assertThat(assignmentSets.findSet(TENANT, newScriptId())).isEmpty();
    }

    @Test
    void anotherTenantsScriptHasNoSetToFindOrReplace() {
        ScriptId theirs = insertScript(OTHER_TENANT);
        assignmentSets.replace(OTHER_TENANT, theirs, EVERY_KIND, AuditFixtures.assigned(theirs));

        assertThat(assignmentSets.findSet(TENANT, theirs)).isEmpty();
        assertThat(assignmentSets.replace(TENANT, theirs, AssignmentSet.EMPTY,
                AuditFixtures.assigned(theirs))).isFalse();

        assertThat(assignmentSets.findSet(OTHER_TENANT, theirs)).contains(EVERY_KIND);
    }

    @Test
    void replaceLeavesOtherScriptsSetsAlone() {
        ScriptId first = insertScript(TENANT);
        ScriptId second = insertScript(TENANT);
        assignmentSets.replace(TENANT, first, EVERY_KIND, AuditFixtures.assigned(first));

        assignmentSets.replace(TENANT, second, groupsSet(2, 4), AuditFixtures.assigned(second));

        assertThat(assignmentSets.findSet(TENANT, first)).contains(EVERY_KIND);
    }

    @Test
    void findSetsReadsTheSetsOfTheTenantsScriptsAmongTheIdsAndLeavesOutTheRest() {
        ScriptId assigned = insertScript(TENANT);
        ScriptId unassigned = insertScript(TENANT);
        ScriptId alsoAssigned = insertScript(TENANT);
        ScriptId notAsked = insertScript(TENANT);
        ScriptId theirs = insertScript(OTHER_TENANT);
        assignmentSets.replace(TENANT, assigned, EVERY_KIND, AuditFixtures.assigned(assigned));
        assignmentSets.replace(TENANT, alsoAssigned, groupsSet(5, 3), AuditFixtures.assigned(alsoAssigned));
        assignmentSets.replace(TENANT, notAsked, groupsSet(6, 1), AuditFixtures.assigned(notAsked));
        assignmentSets.replace(OTHER_TENANT, theirs, EVERY_KIND, AuditFixtures.assigned(theirs));

        Map<ScriptId, AssignmentSet> found = assignmentSets.findSets(TENANT,
                List.of(alsoAssigned, newScriptId(), assigned, theirs, unassigned));

        assertThat(found).containsOnly(entry(assigned, EVERY_KIND), entry(unassigned, AssignmentSet.EMPTY),
                entry(alsoAssigned, groupsSet(5, 3)));
        assertThat(found.get(assigned).targets()).containsExactlyElementsOf(EVERY_KIND.targets());
    }

    @Test
    void findSetsOfNoIdsIsEmpty() {
        insertScript(TENANT);

        assertThat(assignmentSets.findSets(TENANT, List.of())).isEmpty();
    }

    @Test
    void findAllSetsReadsTheCurrentSetOfEveryScriptOfTheTenantAndNoOtherTenants() {
        ScriptId assigned = insertScript(TENANT);
        ScriptId unassigned = insertScript(TENANT);
        ScriptId reassigned = insertScript(TENANT);
        ScriptId deleted = insertScript(TENANT);
        ScriptId theirs = insertScript(OTHER_TENANT);
        assignmentSets.replace(TENANT, reassigned, EVERY_KIND, AuditFixtures.assigned(reassigned));
        assignmentSets.replace(OTHER_TENANT, theirs, EVERY_KIND, AuditFixtures.assigned(theirs));
        assignmentSets.replace(TENANT, deleted, groupsSet(4, 2), AuditFixtures.assigned(deleted));
        scripts.delete(TENANT, deleted, AuditFixtures.deleted());
        // read right after the assigns: a store that acknowledges them before its database has them shows them too
        assignmentSets.replace(TENANT, assigned, EVERY_KIND, AuditFixtures.assigned(assigned));
        assignmentSets.replace(TENANT, reassigned, groupsSet(5, 3), AuditFixtures.assigned(reassigned));

        Map<ScriptId, AssignmentSet> found = assignmentSets.findAllSets(TENANT);

        assertThat(found).containsOnly(entry(assigned, EVERY_KIND), entry(unassigned, AssignmentSet.EMPTY),
                entry(reassigned, groupsSet(5, 3)));
        assertThat(found.get(assigned).targets()).containsExactlyElementsOf(EVERY_KIND.targets());
        assertThat(assignmentSets.findAllSets(OTHER_TENANT)).containsOnly(entry(theirs, EVERY_KIND));
        assertThat(assignmentSets.findAllSets(TenantId.of("33333333-3333-3333-3333-333333333333"))).isEmpty();
    }

    @Test
    void concurrentReplacesAndReadsOfOneScriptOnlyEverSeeWholeSetsThatWereSent() throws Exception {
        ScriptId id = insertScript(TENANT);
        int writers = 8;
        int replacesPerWriter = 20;
        int readers = 4;
        int readsPerReader = 100;
        List<AssignmentSet> sent = IntStream.range(0, writers).mapToObj(writer -> groupsSet(writer, 20)).toList();
        Set<AssignmentSet> seeable = new HashSet<>(sent);
        seeable.add(AssignmentSet.EMPTY);
        List<Callable<List<AssignmentSet>>> tasks = new ArrayList<>();
        for (AssignmentSet set : sent) {
            tasks.add(() -> {
                for (int r = 0; r < replacesPerWriter; r++) {
                    assertThat(assignmentSets.replace(TENANT, id, set, AuditFixtures.assigned(id))).isTrue();
                }
                return List.of();
            });
        }
        for (int reader = 0; reader < readers; reader++) {
            tasks.add(() -> {
                List<AssignmentSet> seen = new ArrayList<>();
                for (int r = 0; r < readsPerReader; r++) {
                    seen.add(assignmentSets.findSet(TENANT, id).orElseThrow());
                }
                return seen;
            });
        }

        List<AssignmentSet> everythingRead = Concurrently.run(tasks).stream().flatMap(List::stream).toList();

        assertThat(everythingRead).hasSize(readers * readsPerReader).allMatch(seeable::contains);
        assertThat(sent).contains(assignmentSets.findSet(TENANT, id).orElseThrow());
    }

    private ScriptId insertScript(TenantId tenant) {
        DeviceManagementScript script = script("Assigned");
        scripts.insert(tenant, script, AuditFixtures.created(script));
        return script.id();
    }

    /** {@code size} include-group targets whose group ids all derive from {@code seed}, so no two seeds share one. */
    private static AssignmentSet groupsSet(int seed, int size) {
        List<AssignmentTarget> targets = IntStream.range(0, size)
                .<AssignmentTarget>mapToObj(i -> GroupAssignmentTarget.withoutFilter(new GroupId(new UUID(seed, i))))
                .toList();
        return AssignmentSet.of(targets, Math.max(size, AssignmentSet.DEFAULT_MAX_TARGETS));
    }

    private static GroupId group(String guid) {
        return GroupId.of(guid, "groupId");
    }
}
