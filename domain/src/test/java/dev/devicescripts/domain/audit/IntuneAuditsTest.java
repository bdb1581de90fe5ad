package dev.devicescripts.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptContent;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptPatch;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IntuneAuditsTest {
    static final Actor ADA = new Actor(Actor.Kind.DELEGATED, "ada-id", "ada@contoso.test", "Ada", "app-id", "Tool",
            "10.0.0.7");
    static final Stamp STAMP = new Stamp(UUID.fromString("e0000000-0000-4000-8000-000000000001"),
            Instant.parse("2026-12-01T10:00:00Z"), ADA, UUID.fromString("c0000000-0000-4000-8000-000000000001"));
    private static final ScriptId ID = ScriptId.of("0b5f3b1e-4b4a-4f39-9d6e-2a7c3f0e8d11");
    /** SHA-256 of "hi". */
    private static final String HI_DIGEST =
            "sha256:8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4";

    private final DeviceManagementScript script = DeviceManagementScript.create(ID, new ScriptProperties("Clean \"up\"",
            null, ScriptContent.of("hi".getBytes(StandardCharsets.UTF_8)), "clean.ps1", RunAsAccount.USER, true, false,
            List.of("0", "7")), STAMP.at());

    @Test
    void aCreateNamesEverySetPropertyAsGraphWritesItWithoutOldValues() {
        AuditEvent event = IntuneAudits.scriptCreated(STAMP, script);

        assertThat(event.activity()).isEqualTo("Create DeviceManagementScript");
        assertThat(event.operationType()).isEqualTo("Create");
        assertThat(event.category()).isEqualTo("DeviceConfiguration");
        assertThat(event.id()).isEqualTo(STAMP.id());
        assertThat(event.correlationId()).isEqualTo(STAMP.correlationId());
        assertThat(event.actor()).isEqualTo(ADA);
        assertThat(event.resources()).containsExactly(new AuditResource("Clean \"up\"", "DeviceManagementScript",
                ID.toString(), List.of(
                        new ModifiedProperty("displayName", null, "Clean \"up\""),
                        new ModifiedProperty("scriptContent", null, HI_DIGEST),
                        new ModifiedProperty("fileName", null, "clean.ps1"),
                        new ModifiedProperty("runAsAccount", null, "user"),
                        new ModifiedProperty("enforceSignatureCheck", null, "true"),
                        new ModifiedProperty("runAs32Bit", null, "false"),
                        new ModifiedProperty("roleScopeTagIds", null, "[\"0\",\"7\"]"))));
    }

    @Test
    void aPatchNamesTheChangedPropertiesOnlyOldAndNewAndOneThatChangedNothingNone() {
        ScriptPatch patch = new ScriptPatch(Change.keep(), Change.to("Now with a description"), Change.keep(),
                Change.keep(), Change.to(RunAsAccount.SYSTEM), Change.keep(), Change.keep(), Change.to(List.of("0")));
        DeviceManagementScript after = script.patched(patch, STAMP.at());

        AuditEvent event = IntuneAudits.scriptPatched(STAMP, script, after);

        assertThat(event.activity()).isEqualTo("Patch DeviceManagementScript");
        assertThat(event.resources().get(0).modifiedProperties()).containsExactly(
                new ModifiedProperty("description", null, "Now with a description"),
                new ModifiedProperty("runAsAccount", "user", "system"),
                new ModifiedProperty("roleScopeTagIds", "[\"0\",\"7\"]", "[\"0\"]"));
        assertThat(IntuneAudits.scriptPatched(STAMP, script, script).resources().get(0).modifiedProperties())
                .isEmpty();
    }

    @Test
    void aDeleteNamesTheScriptWithoutModifiedProperties() {
        AuditEvent event = IntuneAudits.scriptDeleted(STAMP, script);

        assertThat(event.activity()).isEqualTo("Delete DeviceManagementScript");
        assertThat(event.operationType()).isEqualTo("Delete");
        assertThat(event.resources()).containsExactly(new AuditResource("Clean \"up\"", "DeviceManagementScript",
                ID.toString(), List.of()));
    }

    @Test
    void anAssignIsAnActionWhoseAssignmentsHoldBothSetsAsGiven() {
        AuditEvent event = IntuneAudits.assigned(STAMP, ID, "Cleanup", "[]", "[{\"groupId\":\"g\"}]");

        assertThat(event.activity()).isEqualTo("Assign DeviceManagementScript");
        assertThat(event.operationType()).isEqualTo("Action");
        assertThat(event.resources()).containsExactly(new AuditResource("Cleanup", "DeviceManagementScript",
                ID.toString(), List.of(new ModifiedProperty("assignments", "[]", "[{\"groupId\":\"g\"}]"))));
    }

    @Test
    void filterEntriesNameTheFilterAndItsPropertiesByGraphName() {
        UUID id = UUID.fromString("f1f1f1f1-0000-4000-8000-000000000001");
        FilterDefinition filter = new FilterDefinition(id, "Windows", null, FilterPlatform.WINDOWS_10_AND_LATER,
                "(device.model -eq \"X\")", FilterManagementType.DEVICES, List.of("0"), STAMP.at(), STAMP.at(),
                List.of());
        FilterDefinition renamed = new FilterDefinition(id, "Windows 11", "Only 11", filter.platform(),
                filter.rule(), filter.managementType(), filter.roleScopeTags(), STAMP.at(), STAMP.at(), List.of());

        assertThat(IntuneAudits.filterCreated(STAMP, filter).resources()).containsExactly(new AuditResource(
                "Windows", "DeviceAndAppManagementAssignmentFilter", id.toString(), List.of(
                        new ModifiedProperty("displayName", null, "Windows"),
                        new ModifiedProperty("platform", null, "windows10AndLater"),
                        new ModifiedProperty("rule", null, "(device.model -eq \"X\")"),
                        new ModifiedProperty("roleScopeTags", null, "[\"0\"]"),
                        new ModifiedProperty("assignmentFilterManagementType", null, "devices"))));
        AuditEvent patched = IntuneAudits.filterPatched(STAMP, filter, renamed);
        assertThat(patched.activity()).isEqualTo("Patch DeviceAndAppManagementAssignmentFilter");
        assertThat(patched.resources().get(0).modifiedProperties()).containsExactly(
                new ModifiedProperty("displayName", "Windows", "Windows 11"),
                new ModifiedProperty("description", null, "Only 11"));
        AuditEvent deleted = IntuneAudits.filterDeleted(STAMP, renamed);
        assertThat(deleted.activity()).isEqualTo("Delete DeviceAndAppManagementAssignmentFilter");
        assertThat(deleted.resources().get(0).modifiedProperties()).isEmpty();
    }

    @Test
    void jsonTextEscapesEveryCharacterJsonRequires() {
        assertThat(JsonText.quoted("a\"b\\c\nd\re\tf\u0001g/é")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g/é\"");
        assertThat(JsonText.quoted(null)).isEqualTo("null");
        assertThat(JsonText.stringArray(List.of("x", "y\""))).isEqualTo("[\"x\",\"y\\\"\"]");
        assertThat(JsonText.object("a", "1", "b", "null")).isEqualTo("{\"a\":1,\"b\":null}");
    }
}
