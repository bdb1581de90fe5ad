package dev.devicescripts.application.service;

import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.adapter.persistence.memory.InMemoryStore;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.port.in.PageRequest;
import dev.devicescripts.application.port.in.ScriptPage;
import dev.devicescripts.application.port.in.UpdateScriptCommand;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptPatch;
import dev.devicescripts.domain.ScriptProperties;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScriptServiceTest {
    private static final Instant MORNING = Instant.parse("2026-11-28T08:00:00Z");
    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");
    private static final ScriptId FIRST_ID = ScriptId.of("00000000-0000-0000-0000-000000000001");

    private Instant now = MORNING;
    private long idsGiven;
    private final ScriptService service = new ScriptService(new InMemoryStore(), () -> now,
            () -> new ScriptId(new UUID(0, ++idsGiven)));

    @Test
    void createGivesTheScriptANewIdAndTheCurrentTimeAsBothTimestamps() {
        DeviceManagementScript created = service.create(TENANT, fullProperties("Cleanup"));

        assertThat(created.id()).isEqualTo(FIRST_ID);
        assertThat(created.properties()).isEqualTo(fullProperties("Cleanup"));
        assertThat(created.createdDateTime()).isEqualTo(MORNING);
        assertThat(created.lastModifiedDateTime()).isEqualTo(MORNING);
        assertThat(service.get(TENANT, FIRST_ID)).isEqualTo(created);
    }

    @Test
    void getOfAnUnknownScriptIsNotFound() {
        assertThatThrownBy(() -> service.get(TENANT, FIRST_ID))
                .isInstanceOf(ScriptNotFoundException.class)
                .hasMessageContaining(FIRST_ID.toString());
    }

    @Test
    void getOfAnotherTenantsScriptIsNotFound() {
        DeviceManagementScript theirs = service.create(OTHER_TENANT, fullProperties("Theirs"));

        assertThatThrownBy(() -> service.get(TENANT, theirs.id())).isInstanceOf(ScriptNotFoundException.class);
    }

    @Test
    void listPagesTheTenantsScriptsOldestFirstWithoutContent() {
        DeviceManagementScript first = service.create(TENANT, fullProperties("First"));
        now = NOON;
        DeviceManagementScript second = service.create(TENANT, fullProperties("Second"));
        service.create(OTHER_TENANT, fullProperties("Theirs"));

        ScriptPage firstPage = service.list(TENANT, new PageRequest(0, 1));
        ScriptPage secondPage = service.list(TENANT, new PageRequest(1, 1));

        assertThat(firstPage.scripts()).containsExactly(first.withoutContent());
        assertThat(firstPage.hasMore()).isTrue();
        assertThat(secondPage.scripts()).containsExactly(second.withoutContent());
        assertThat(secondPage.hasMore()).isFalse();
        assertThat(service.count(TENANT)).isEqualTo(2);
    }

    @Test
    void updateSetsTheSentPropertiesAndKeepsTheOthers() {
        DeviceManagementScript original = service.create(TENANT, fullProperties("Cleanup"));
        ScriptPatch patch = new ScriptPatch(Change.keep(), Change.to("Now with logging"), Change.keep(),
                Change.to(null), Change.to(RunAsAccount.SYSTEM), Change.keep(), Change.to(false), Change.keep());

        DeviceManagementScript updated = service.update(TENANT, new UpdateScriptCommand(original.id(), patch));

        ScriptProperties before = original.properties();
        assertThat(updated.properties()).isEqualTo(new ScriptProperties(before.displayName(), "Now with logging",
                before.scriptContent(), null, RunAsAccount.SYSTEM, before.enforceSignatureCheck(), false,
                before.roleScopeTagIds()));
        assertThat(service.get(TENANT, original.id())).isEqualTo(updated);
    }

    @Test
    void updateAdvancesLastModifiedDateTimeButNotCreatedDateTime() {
        DeviceManagementScript original = service.create(TENANT, fullProperties("Cleanup"));
        now = NOON;

        DeviceManagementScript updated = service.update(TENANT, new UpdateScriptCommand(original.id(),
                ScriptPatch.NOTHING));

        assertThat(updated.createdDateTime()).isEqualTo(MORNING);
        assertThat(updated.lastModifiedDateTime()).isEqualTo(NOON);
    }

    @Test
    void updateToANullDisplayNameIsRejectedAndChangesNothing() {
        DeviceManagementScript original = service.create(TENANT, fullProperties("Cleanup"));
        now = NOON;
        ScriptPatch patch = displayNameTo(null);

        assertThatThrownBy(() -> service.update(TENANT, new UpdateScriptCommand(original.id(), patch)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("displayName"));

        assertThat(service.get(TENANT, original.id())).isEqualTo(original);
    }

    @Test
    void updateOfAnUnknownOrAnotherTenantsScriptIsNotFoundAndChangesNothing() {
        DeviceManagementScript theirs = service.create(OTHER_TENANT, fullProperties("Theirs"));
        ScriptPatch patch = displayNameTo("Hijacked");

        assertThatThrownBy(() -> service.update(TENANT, new UpdateScriptCommand(theirs.id(), patch)))
                .isInstanceOf(ScriptNotFoundException.class);
        assertThatThrownBy(() -> service.update(TENANT, new UpdateScriptCommand(new ScriptId(UUID.randomUUID()),
                patch))).isInstanceOf(ScriptNotFoundException.class);

        assertThat(service.get(OTHER_TENANT, theirs.id())).isEqualTo(theirs);
    }

    @Test
    void deleteRemovesTheScript() {
        DeviceManagementScript script = service.create(TENANT, fullProperties("Cleanup"));

        service.delete(TENANT, script.id());

        assertThatThrownBy(() -> service.get(TENANT, script.id())).isInstanceOf(ScriptNotFoundException.class);
        assertThat(service.list(TENANT, new PageRequest(0, 10)).scripts()).isEmpty();
    }

    @Test
    void deleteOfAnUnknownOrAnotherTenantsScriptIsNotFoundAndKeepsIt() {
        DeviceManagementScript theirs = service.create(OTHER_TENANT, fullProperties("Theirs"));

        assertThatThrownBy(() -> service.delete(TENANT, theirs.id())).isInstanceOf(ScriptNotFoundException.class);
        assertThatThrownBy(() -> service.delete(TENANT, new ScriptId(UUID.randomUUID())))
                .isInstanceOf(ScriptNotFoundException.class);

        assertThat(service.get(OTHER_TENANT, theirs.id())).isEqualTo(theirs);
        assertThat(service.count(OTHER_TENANT)).isEqualTo(1);
    }

    private static ScriptPatch displayNameTo(String displayName) {
        return new ScriptPatch(Change.to(displayName), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep());
    }
}
