package dev.devicescripts.application.port.out;

import static dev.devicescripts.application.collections.ScriptCollection.SCRIPTS;
import static dev.devicescripts.application.port.out.ScriptFixtures.CREATED;
import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.newScriptId;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;
import static dev.devicescripts.application.port.out.ScriptFixtures.withDescription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptContent;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promises of {@link ScriptRepository}; every adapter runs them by supplying a fresh, empty store. */
public abstract class ScriptRepositoryContractTest extends StorageContractTest {
    private static final AssignmentSet ALL_DEVICES =
            AssignmentSet.of(List.of(new AllDevicesAssignmentTarget(AssignmentFilter.NONE)), 10);

    @Test
    void insertedScriptIsFoundWithEveryProperty() {
        DeviceManagementScript script = new DeviceManagementScript(ScriptId.of("0b5e7f3a-6c1d-4e2f-9a8b-7c6d5e4f3a2b"),
                new ScriptProperties("Cleanup", "Removes stale profiles",
                        ScriptContent.of(new byte[] {0, 1, -1, 127, -128}), "cleanup.ps1", RunAsAccount.USER, true,
                        true, List.of("0", "7", "12")),
                CREATED, CREATED.plusSeconds(90).plusNanos(654_321_000));

        scripts.insert(TENANT, script, AuditFixtures.created(script));

        DeviceManagementScript found = scripts.find(TENANT, script.id()).orElseThrow();
        assertThat(found).isEqualTo(script);
        assertThat(found.properties().scriptContent().bytes()).containsExactly(0, 1, -1, 127, -128);
        assertThat(found.createdDateTime()).isEqualTo(CREATED);
        assertThat(found.lastModifiedDateTime()).isEqualTo(CREATED.plusSeconds(90).plusNanos(654_321_000));
    }

    @Test
    void scriptWithoutDescriptionFileNameContentOrTagsIsFoundWithThemUnset() {
        DeviceManagementScript script = DeviceManagementScript.create(newScriptId(),
                new ScriptProperties("Bare", null, null, null, RunAsAccount.SYSTEM, false, false, List.of()), CREATED);

        scripts.insert(TENANT, script, AuditFixtures.created(script));

        DeviceManagementScript found = scripts.find(TENANT, script.id()).orElseThrow();
        assertThat(found).isEqualTo(script);
        assertThat(found.properties().description()).isNull();
        assertThat(found.properties().fileName()).isNull();
        assertThat(found.properties().scriptContent()).isNull();
        assertThat(found.properties().roleScopeTagIds()).isEmpty();
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        AuditFixtures.insert(scripts, TENANT, script("Known"));

        assertThat(scripts.find(TENANT, newScriptId())).isEmpty();
    }

    @Test
    void anotherTenantsScriptIsNotFound() {
        DeviceManagementScript script = script("Theirs");
        scripts.insert(OTHER_TENANT, script, AuditFixtures.created(script));

        assertThat(scripts.find(TENANT, script.id())).isEmpty();
    }

    @Test
    void listAndCountLeaveOutAnotherTenantsScripts() {
        DeviceManagementScript mine = script("Mine");
        scripts.insert(TENANT, mine, AuditFixtures.created(mine));
        AuditFixtures.insert(scripts, OTHER_TENANT, script("Theirs"));

        assertThat(scripts.list(TENANT, Query.firstPage(SCRIPTS, 10)).items()).containsExactly(mine.withoutContent());
        assertThat(scripts.count(TENANT, Optional.empty())).isEqualTo(1);
    }

    @Test
    void updateOfAnotherTenantsScriptReturnsEmptyAndChangesNothing() {
        DeviceManagementScript theirs = script("Theirs");
        scripts.insert(OTHER_TENANT, theirs, AuditFixtures.created(theirs));

        assertThat(scripts.update(TENANT, theirs.id(), script -> withDescription(script, "Hijacked"),
                AuditFixtures.patched())).isEmpty();

        assertThat(scripts.find(OTHER_TENANT, theirs.id())).contains(theirs);
    }

    @Test
    void deleteOfAnotherTenantsScriptReturnsFalseAndKeepsIt() {
        DeviceManagementScript theirs = script("Theirs");
        scripts.insert(OTHER_TENANT, theirs, AuditFixtures.created(theirs));

        assertThat(scripts.delete(TENANT, theirs.id(), AuditFixtures.deleted())).isFalse();

        assertThat(scripts.find(OTHER_TENANT, theirs.id())).contains(theirs);
    }

    @Test
    void listShowsScriptsWithoutTheirContent() {
        DeviceManagementScript script = script("With content");
        scripts.insert(TENANT, script, AuditFixtures.created(script));

        DeviceManagementScript listed = scripts.list(TENANT, Query.firstPage(SCRIPTS, 10)).items().get(0);

        assertThat(listed.properties().scriptContent()).isNull();
        assertThat(listed).isEqualTo(script.withoutContent());
    }

    @Test
    void countCountsTheTenantsScripts() {
        assertThat(scripts.count(TENANT, Optional.empty())).isZero();

        IntStream.range(0, 3).forEach(i -> AuditFixtures.insert(scripts, TENANT, script("Script " + i)));

        assertThat(scripts.count(TENANT, Optional.empty())).isEqualTo(3);
    }

    @Test
    void updateStoresTheChangedScriptAndReturnsIt() {
        DeviceManagementScript original = script("Before");
        scripts.insert(TENANT, original, AuditFixtures.created(original));
        DeviceManagementScript changed = new DeviceManagementScript(original.id(),
                new ScriptProperties("After", null, ScriptContent.of(new byte[] {42}), "after.ps1", RunAsAccount.SYSTEM,
                        false, false, List.of("3")),
                original.createdDateTime(), original.lastModifiedDateTime().plusSeconds(5));

        assertThat(scripts.update(TENANT, original.id(), script -> changed, AuditFixtures.patched())).contains(changed);

        assertThat(scripts.find(TENANT, original.id())).contains(changed);
    }

    @Test
    void updateWhoseChangeThrowsStoresNothingAndPassesTheExceptionOn() {
        DeviceManagementScript original = script("Before");
        scripts.insert(TENANT, original, AuditFixtures.created(original));

        assertThatThrownBy(() -> scripts.update(TENANT, original.id(), script -> {
            throw new IllegalStateException("change refused");
        }, AuditFixtures.patched())).isInstanceOf(IllegalStateException.class).hasMessage("change refused");

        assertThat(scripts.find(TENANT, original.id())).contains(original);
    }

    @Test
    void updateOfAnUnknownScriptReturnsEmpty() {
        assertThat(scripts.update(TENANT, newScriptId(), script -> withDescription(script, "Ghost"),
                AuditFixtures.patched())).isEmpty();

        assertThat(scripts.count(TENANT, Optional.empty())).isZero();
    }

    @Test
    void updateKeepsTheAssignmentSet() {
        DeviceManagementScript original = script("Before");
        scripts.insert(TENANT, original, AuditFixtures.created(original));
        assignmentSets.replace(TENANT, original.id(), ALL_DEVICES, AuditFixtures.assigned(original.id()));

        scripts.update(TENANT, original.id(), script -> withDescription(script, "After"), AuditFixtures.patched());

        assertThat(assignmentSets.findSet(TENANT, original.id())).contains(ALL_DEVICES);
    }

    @Test
    void deleteRemovesTheScriptFromFindListAndCount() {
        DeviceManagementScript kept = script("Kept");
        DeviceManagementScript deleted = script("Deleted");
        scripts.insert(TENANT, kept, AuditFixtures.created(kept));
        scripts.insert(TENANT, deleted, AuditFixtures.created(deleted));

        assertThat(scripts.delete(TENANT, deleted.id(), AuditFixtures.deleted())).isTrue();

        assertThat(scripts.find(TENANT, deleted.id())).isEmpty();
        assertThat(scripts.list(TENANT, Query.firstPage(SCRIPTS, 10)).items()).containsExactly(kept.withoutContent());
        assertThat(scripts.count(TENANT, Optional.empty())).isEqualTo(1);
        assertThat(scripts.delete(TENANT, deleted.id(), AuditFixtures.deleted())).isFalse();
    }

    @Test
    void deleteRemovesTheAssignmentSetSoTheSameIdInsertedAgainHasNone() {
        DeviceManagementScript script = script("Assigned");
        scripts.insert(TENANT, script, AuditFixtures.created(script));
        assignmentSets.replace(TENANT, script.id(), ALL_DEVICES, AuditFixtures.assigned(script.id()));

        scripts.delete(TENANT, script.id(), AuditFixtures.deleted());

        assertThat(assignmentSets.findSet(TENANT, script.id())).isEmpty();
        scripts.insert(TENANT, script, AuditFixtures.created(script));
        assertThat(assignmentSets.findSet(TENANT, script.id())).contains(AssignmentSet.EMPTY);
    }

    @Test
    void concurrentUpdatesOfOneScriptAreAllApplied() throws Exception {
        DeviceManagementScript script = DeviceManagementScript.create(newScriptId(),
                new ScriptProperties("Counter", "0", null, null, RunAsAccount.SYSTEM, false, false, List.of("0")),
                CREATED);
        scripts.insert(TENANT, script, AuditFixtures.created(script));
        int threads = 8;
        int updatesPerThread = 25;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int u = 0; u < updatesPerThread; u++) {
                    scripts.update(TENANT, script.id(), ScriptRepositoryContractTest::incrementDescription,
                            AuditFixtures.patched())
                            .orElseThrow();
                }
                return null;
            });
        }

        Concurrently.run(tasks);

        assertThat(scripts.find(TENANT, script.id()).orElseThrow().properties().description())
                .isEqualTo(String.valueOf(threads * updatesPerThread));
    }

    private static DeviceManagementScript incrementDescription(DeviceManagementScript script) {
        return withDescription(script, String.valueOf(Integer.parseInt(script.properties().description()) + 1));
    }
}
