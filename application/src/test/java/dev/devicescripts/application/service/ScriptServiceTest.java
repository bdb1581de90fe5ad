package dev.devicescripts.application.service;

import static dev.devicescripts.application.collections.ScriptCollection.SCRIPTS;
import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.AccessDeniedException;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.Callers;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.port.in.UpdateScriptCommand;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptPatch;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.audit.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScriptServiceTest {
    private static final Caller ADMIN = Callers.admin(TENANT);
    private static final Caller THEIR_ADMIN = Callers.admin(OTHER_TENANT);
    private static final Instant MORNING = Instant.parse("2026-11-28T08:00:00Z");
    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");
    private static final ScriptId FIRST_ID = ScriptId.of("00000000-0000-0000-0000-000000000001");

    private Instant now = MORNING;
    private long idsGiven;
    private final ScriptService service = new ScriptService(new FakeStore(), () -> now,
            () -> new ScriptId(new UUID(0, ++idsGiven)));

    @Test
    void createGivesTheScriptANewIdAndTheCurrentTimeAsBothTimestamps() {
        DeviceManagementScript created = service.create(ADMIN, fullProperties("Cleanup"));

        assertThat(created.id()).isEqualTo(FIRST_ID);
        assertThat(created.properties()).isEqualTo(fullProperties("Cleanup"));
        assertThat(created.createdDateTime()).isEqualTo(MORNING);
        assertThat(created.lastModifiedDateTime()).isEqualTo(MORNING);
        assertThat(service.get(ADMIN, FIRST_ID)).isEqualTo(created);
    }

    @Test
    void getOfAnUnknownScriptIsNotFound() {
        assertThatThrownBy(() -> service.get(ADMIN, FIRST_ID))
                .isInstanceOf(ScriptNotFoundException.class)
                .hasMessageContaining(FIRST_ID.toString());
    }

    @Test
    void getOfAnotherTenantsScriptIsNotFound() {
        DeviceManagementScript theirs = service.create(THEIR_ADMIN, fullProperties("Theirs"));

        assertThatThrownBy(() -> service.get(ADMIN, theirs.id())).isInstanceOf(ScriptNotFoundException.class);
    }

    @Test
    void listPagesTheTenantsScriptsOldestFirstWithoutContent() {
        DeviceManagementScript first = service.create(ADMIN, fullProperties("First"));
        now = NOON;
        DeviceManagementScript second = service.create(ADMIN, fullProperties("Second"));
        service.create(THEIR_ADMIN, fullProperties("Theirs"));

        Page<DeviceManagementScript> firstPage = service.list(ADMIN, Query.firstPage(SCRIPTS, 1));
        Page<DeviceManagementScript> secondPage = service.list(ADMIN, new Query<>(SCRIPTS, Optional.empty(),
                List.of(), 0, 1,
                firstPage.next()));

        assertThat(firstPage.items()).containsExactly(first.withoutContent());
        assertThat(firstPage.next()).isPresent();
        assertThat(secondPage.items()).containsExactly(second.withoutContent());
        assertThat(secondPage.next()).isEmpty();
        assertThat(service.count(ADMIN, Optional.empty())).isEqualTo(2);
    }

    @Test
    void listWithSkipLeavesOutThatManyOfTheTenantsScriptsFromTheStart() {
        service.create(ADMIN, fullProperties("First"));
        DeviceManagementScript second = service.create(ADMIN, fullProperties("Second"));
        DeviceManagementScript third = service.create(ADMIN, fullProperties("Third"));
        service.create(THEIR_ADMIN, fullProperties("Theirs"));

        Page<DeviceManagementScript> page = service.list(ADMIN, new Query<>(SCRIPTS, Optional.empty(), List.of(), 1,
                10, Optional.empty()));

        assertThat(page.items()).containsExactly(second.withoutContent(), third.withoutContent());
        assertThat(page.next()).isEmpty();
    }

    @Test
    void listAndCountShowOnlyTheScriptsTheFilterMatches() {
        service.create(ADMIN, fullProperties("Cleanup"));
        DeviceManagementScript inventory = service.create(ADMIN, fullProperties("Inventory"));
        Optional<Filter<DeviceManagementScript>> startsWithI =
                Optional.of(new Filter.StringMatch<>(Filter.StringFunction.STARTS_WITH,
                        ScriptCollection.DISPLAY_NAME, "i"));

        Page<DeviceManagementScript> page = service.list(ADMIN, new Query<>(SCRIPTS, startsWithI, List.of(), 0, 10,
                Optional.empty()));

        assertThat(page.items()).containsExactly(inventory.withoutContent());
        assertThat(service.count(ADMIN, startsWithI)).isEqualTo(1);
    }

    @Test
    void updateSetsTheSentPropertiesAndKeepsTheOthers() {
        DeviceManagementScript original = service.create(ADMIN, fullProperties("Cleanup"));
        ScriptPatch patch = new ScriptPatch(Change.keep(), Change.to("Now with logging"), Change.keep(),
                Change.to(null), Change.to(RunAsAccount.SYSTEM), Change.keep(), Change.to(false), Change.keep());

        DeviceManagementScript updated = service.update(ADMIN, new UpdateScriptCommand(original.id(), patch));

        ScriptProperties before = original.properties();
        assertThat(updated.properties()).isEqualTo(new ScriptProperties(before.displayName(), "Now with logging",
                before.scriptContent(), null, RunAsAccount.SYSTEM, before.enforceSignatureCheck(), false,
                before.roleScopeTagIds()));
        assertThat(service.get(ADMIN, original.id())).isEqualTo(updated);
    }

    @Test
    void updateAdvancesLastModifiedDateTimeButNotCreatedDateTime() {
        DeviceManagementScript original = service.create(ADMIN, fullProperties("Cleanup"));
        now = NOON;

        DeviceManagementScript updated = service.update(ADMIN, new UpdateScriptCommand(original.id(),
                ScriptPatch.NOTHING));

        assertThat(updated.createdDateTime()).isEqualTo(MORNING);
        assertThat(updated.lastModifiedDateTime()).isEqualTo(NOON);
    }

    @Test
    void updateToANullDisplayNameIsRejectedAndChangesNothing() {
        DeviceManagementScript original = service.create(ADMIN, fullProperties("Cleanup"));
        now = NOON;
        ScriptPatch patch = displayNameTo(null);

        assertThatThrownBy(() -> service.update(ADMIN, new UpdateScriptCommand(original.id(), patch)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("displayName"));

        assertThat(service.get(ADMIN, original.id())).isEqualTo(original);
    }

    @Test
    void updateOfAnUnknownOrAnotherTenantsScriptIsNotFoundAndChangesNothing() {
        DeviceManagementScript theirs = service.create(THEIR_ADMIN, fullProperties("Theirs"));
        ScriptPatch patch = displayNameTo("Hijacked");

        assertThatThrownBy(() -> service.update(ADMIN, new UpdateScriptCommand(theirs.id(), patch)))
                .isInstanceOf(ScriptNotFoundException.class);
        assertThatThrownBy(() -> service.update(ADMIN, new UpdateScriptCommand(new ScriptId(UUID.randomUUID()),
                patch))).isInstanceOf(ScriptNotFoundException.class);

        assertThat(service.get(THEIR_ADMIN, theirs.id())).isEqualTo(theirs);
    }

    @Test
    void deleteRemovesTheScript() {
        DeviceManagementScript script = service.create(ADMIN, fullProperties("Cleanup"));

        service.delete(ADMIN, script.id());

        assertThatThrownBy(() -> service.get(ADMIN, script.id())).isInstanceOf(ScriptNotFoundException.class);
        assertThat(service.list(ADMIN, Query.firstPage(SCRIPTS, 10)).items()).isEmpty();
    }

    @Test
    void deleteOfAnUnknownOrAnotherTenantsScriptIsNotFoundAndKeepsIt() {
        DeviceManagementScript theirs = service.create(THEIR_ADMIN, fullProperties("Theirs"));

        assertThatThrownBy(() -> service.delete(ADMIN, theirs.id())).isInstanceOf(ScriptNotFoundException.class);
        assertThatThrownBy(() -> service.delete(ADMIN, new ScriptId(UUID.randomUUID())))
                .isInstanceOf(ScriptNotFoundException.class);

        assertThat(service.get(THEIR_ADMIN, theirs.id())).isEqualTo(theirs);
        assertThat(service.count(THEIR_ADMIN, Optional.empty())).isEqualTo(1);
    }

    @Test
    void aReaderMayReadButEveryWriteIsDeniedAndChangesNothing() {
        DeviceManagementScript script = service.create(ADMIN, fullProperties("Cleanup"));
        Caller reader = Callers.reader(TENANT);

        assertThat(service.get(reader, script.id())).isEqualTo(script);
        assertThat(service.list(reader, Query.firstPage(SCRIPTS, 10)).items()).hasSize(1);
        assertThat(service.count(reader, Optional.empty())).isEqualTo(1);
        assertThatThrownBy(() -> service.create(reader,
                fullProperties("Mine"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.update(reader, new UpdateScriptCommand(script.id(), displayNameTo("Mine"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.delete(reader, script.id())).isInstanceOf(AccessDeniedException.class);

        assertThat(service.get(ADMIN, script.id())).isEqualTo(script);
        assertThat(service.count(ADMIN, Optional.empty())).isEqualTo(1);
    }

    @Test
    void permissionIsCheckedBeforeExistenceSoADeniedCallerLearnsNothingAboutIds() {
        Caller nobody = new Caller(TENANT, Actor.Kind.APPLICATION, Set.of());

        assertThatThrownBy(() -> service.get(nobody, new ScriptId(UUID.randomUUID())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static ScriptPatch displayNameTo(String displayName) {
        return new ScriptPatch(Change.to(displayName), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep());
    }
}
