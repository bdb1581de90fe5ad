package dev.devicescripts.domain;

import static dev.devicescripts.domain.Fixtures.fullProperties;
import static dev.devicescripts.domain.Rejections.assertRejected;
import static dev.devicescripts.domain.ScriptPatchBuilder.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptPropertiesPatchTest {

    private final ScriptProperties before = fullProperties();

    @Test
    void aPatchThatKeepsEverythingLeavesEveryValue() {
        assertThat(before.patched(ScriptPatch.NOTHING)).isEqualTo(before);
    }

    @Test
    void aPatchThatSetsEveryPropertySetsEachValue() {
        ScriptContent newContent = ScriptContent.of("Write-Host 'bye'".getBytes(StandardCharsets.UTF_8));
        ScriptPatch setAll = patch()
                .displayName(Change.to("Remove agent"))
                .description(Change.to("Removes the agent"))
                .scriptContent(Change.to(newContent))
                .fileName(Change.to("remove.ps1"))
                .runAsAccount(Change.to(RunAsAccount.SYSTEM))
                .enforceSignatureCheck(Change.to(false))
                .runAs32Bit(Change.to(false))
                .roleScopeTagIds(Change.to(List.of("9")))
                .build();

        assertThat(before.patched(setAll)).isEqualTo(new ScriptProperties("Remove agent", "Removes the agent",
                newContent, "remove.ps1", RunAsAccount.SYSTEM, false, false, List.of("9")));
    }

    @Test
    void aPatchOfOnePropertyLeavesTheOthers() {
        ScriptProperties after = before.patched(patch().description(Change.to("Changed")).build());

        assertThat(after).isEqualTo(new ScriptProperties(before.displayName(), "Changed", before.scriptContent(),
                before.fileName(), before.runAsAccount(), before.enforceSignatureCheck(), before.runAs32Bit(),
                before.roleScopeTagIds()));
    }

    @Test
    void settingDescriptionToNullClearsIt() {
        assertThat(before.patched(patch().description(Change.to(null)).build()).description()).isNull();
    }

    @Test
    void settingFileNameToNullClearsIt() {
        assertThat(before.patched(patch().fileName(Change.to(null)).build()).fileName()).isNull();
    }

    @Test
    void settingScriptContentToNullClearsIt() {
        assertThat(before.patched(patch().scriptContent(Change.to(null)).build()).scriptContent()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchesSettingARequiredPropertyToNull")
    void settingARequiredPropertyToNullIsRejected(String field, ScriptPatch patch) {
        assertRejected(() -> before.patched(patch), field, "is required");
    }

    static Stream<Arguments> patchesSettingARequiredPropertyToNull() {
        return Stream.of(
                arguments("displayName", patch().displayName(Change.to(null)).build()),
                arguments("runAsAccount", patch().runAsAccount(Change.to(null)).build()),
                arguments("enforceSignatureCheck", patch().enforceSignatureCheck(Change.to(null)).build()),
                arguments("runAs32Bit", patch().runAs32Bit(Change.to(null)).build()),
                arguments("roleScopeTagIds", patch().roleScopeTagIds(Change.to(null)).build()));
    }

    @Test
    void settingABlankDisplayNameIsRejected() {
        assertRejected(() -> before.patched(patch().displayName(Change.to(" ")).build()),
                "displayName", "must not be blank");
    }

    @Test
    void settingRoleScopeTagIdsWithABlankEntryIsRejected() {
        assertRejected(() -> before.patched(patch().roleScopeTagIds(Change.to(List.of("0", ""))).build()),
                "roleScopeTagIds", "must hold only non-blank strings");
    }
}
