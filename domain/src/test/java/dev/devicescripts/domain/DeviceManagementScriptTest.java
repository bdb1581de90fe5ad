package dev.devicescripts.domain;

import static dev.devicescripts.domain.Fixtures.SCRIPT_ID;
import static dev.devicescripts.domain.Fixtures.fullProperties;
import static dev.devicescripts.domain.ScriptPatchBuilder.patch;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceManagementScriptTest {

    private static final Instant CREATED = Instant.parse("2026-11-28T12:00:00.123456Z");
    private static final Instant LATER = Instant.parse("2026-11-29T08:30:00.654321Z");

    @Test
    void createSetsBothTimestampsToNow() {
        DeviceManagementScript script = DeviceManagementScript.create(SCRIPT_ID, fullProperties(), CREATED);

        assertThat(script.id()).isEqualTo(SCRIPT_ID);
        assertThat(script.properties()).isEqualTo(fullProperties());
        assertThat(script.createdDateTime()).isEqualTo(CREATED);
        assertThat(script.lastModifiedDateTime()).isEqualTo(CREATED);
    }

    @Test
    void patchedKeepsTheCreationTimeAndSetsTheModificationTime() {
        DeviceManagementScript script = DeviceManagementScript.create(SCRIPT_ID, fullProperties(), CREATED);

        DeviceManagementScript patched = script.patched(patch().displayName(Change.to("Renamed")).build(), LATER);

        assertThat(patched.id()).isEqualTo(SCRIPT_ID);
        assertThat(patched.properties().displayName()).isEqualTo("Renamed");
        assertThat(patched.createdDateTime()).isEqualTo(CREATED);
        assertThat(patched.lastModifiedDateTime()).isEqualTo(LATER);
    }

    @Test
    void timestampsAreKeptToTheMicrosecond() {
        Instant withNanos = Instant.parse("2026-11-28T12:00:00.123456789Z");
        Instant micros = Instant.parse("2026-11-28T12:00:00.123456Z");

        DeviceManagementScript script = DeviceManagementScript.create(SCRIPT_ID, fullProperties(), withNanos);

        assertThat(script.createdDateTime()).isEqualTo(micros);
        assertThat(script.lastModifiedDateTime()).isEqualTo(micros);
        assertThat(script.patched(ScriptPatch.NOTHING, withNanos.plusSeconds(1)).lastModifiedDateTime())
                .isEqualTo(micros.plusSeconds(1));
    }

    @Test
    void withoutContentDropsOnlyTheScriptContent() {
        DeviceManagementScript script = DeviceManagementScript.create(SCRIPT_ID, fullProperties(), CREATED);

        DeviceManagementScript listed = script.withoutContent();

        assertThat(listed.properties().scriptContent()).isNull();
        assertThat(listed.properties().patched(patch().scriptContent(Change.to(fullProperties().scriptContent()))
                .build())).isEqualTo(script.properties());
        assertThat(listed.id()).isEqualTo(script.id());
        assertThat(listed.createdDateTime()).isEqualTo(script.createdDateTime());
        assertThat(listed.lastModifiedDateTime()).isEqualTo(script.lastModifiedDateTime());
    }
}
