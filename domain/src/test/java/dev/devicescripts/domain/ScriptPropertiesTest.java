package dev.devicescripts.domain;

import static dev.devicescripts.domain.Fixtures.CONTENT;
import static dev.devicescripts.domain.Fixtures.fullProperties;
import static dev.devicescripts.domain.Fixtures.propertiesNamed;
import static dev.devicescripts.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Install agent", "x", " Install agent ", "Install\u00A0agent"})
    void aDisplayNameThatIsNotBlankIsAccepted(String displayName) {
        assertThat(propertiesNamed(displayName).displayName()).isEqualTo(displayName);
    }

    @Test
    void aMissingDisplayNameIsRejectedAsRequired() {
        assertRejected(() -> propertiesNamed(null), "displayName", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "\n", "\u00A0", "\u2007 \u202F"})
    void aBlankDisplayNameIsRejected(String blank) {
        assertRejected(() -> propertiesNamed(blank), "displayName", "must not be blank");
    }

    @Test
    void givenOnlyADisplayNameWhenCreatedWithDefaultsThenGraphDefaultsApply() {
        ScriptProperties properties = propertiesNamed("Install agent");

        assertThat(properties.description()).isNull();
        assertThat(properties.scriptContent()).isNull();
        assertThat(properties.fileName()).isNull();
        assertThat(properties.runAsAccount()).isEqualTo(RunAsAccount.SYSTEM);
        assertThat(properties.enforceSignatureCheck()).isFalse();
        assertThat(properties.runAs32Bit()).isFalse();
        assertThat(properties.roleScopeTagIds()).containsExactly("0");
    }

    @Test
    void givenEveryPropertyWhenCreatedWithDefaultsThenNoneIsReplaced() {
        ScriptProperties properties = ScriptProperties.withDefaults("Install agent", "Installs the agent", CONTENT,
                "install.ps1", RunAsAccount.USER, true, true, List.of("1", "2"));

        assertThat(properties).isEqualTo(fullProperties());
    }

    @Test
    void explicitFalseFlagsStayFalse() {
        ScriptProperties properties = ScriptProperties.withDefaults("Install agent", null, null, null, null,
                false, false, null);

        assertThat(properties.enforceSignatureCheck()).isFalse();
        assertThat(properties.runAs32Bit()).isFalse();
    }

    @Test
    void aMissingRunAsAccountIsRejectedOutsideOfDefaults() {
        assertRejected(() -> new ScriptProperties("Install agent", null, null, null, null, false, false,
                List.of("0")), "runAsAccount", "is required");
    }

    @Test
    void missingRoleScopeTagIdsAreRejectedOutsideOfDefaults() {
        assertRejected(() -> new ScriptProperties("Install agent", null, null, null, RunAsAccount.SYSTEM, false,
                false, null), "roleScopeTagIds", "is required");
    }

    @Test
    void roleScopeTagIdsOfNonBlankStringsAreAccepted() {
        assertThat(withTags(List.of("0", "12")).roleScopeTagIds()).containsExactly("0", "12");
    }

    @ParameterizedTest
    @MethodSource("tagListsWithABlankOrNullEntry")
    void roleScopeTagIdsWithABlankOrNullEntryAreRejected(List<String> tags) {
        assertRejected(() -> withTags(tags), "roleScopeTagIds", "must hold only non-blank strings");
    }

    static Stream<List<String>> tagListsWithABlankOrNullEntry() {
        return Stream.of(Arrays.asList("0", null), List.of(""), List.of("0", " "), List.of("\t"), List.of("\u00A0"));
    }

    @Test
    void givenAMutableTagListWhenTheCallerChangesItAfterwardsThenThePropertiesDoNotChange() {
        List<String> tags = new ArrayList<>(List.of("0"));
        ScriptProperties properties = withTags(tags);

        tags.add("7");

        assertThat(properties.roleScopeTagIds()).containsExactly("0");
    }

    @Test
    void theTagListHandedOutCannotBeChanged() {
        List<String> tags = withTags(new ArrayList<>(List.of("0"))).roleScopeTagIds();

        assertThatThrownBy(() -> tags.add("7")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static ScriptProperties withTags(List<String> tags) {
        return ScriptProperties.withDefaults("Install agent", null, null, null, null, null, null, tags);
    }

    static Stream<Arguments> overLongProperties() {
        ScriptProperties base = fullProperties();
        return Stream.of(
                arguments("displayName", (ThrowingCallable) () -> propertiesNamed(
                        "n".repeat(ScriptProperties.MAX_DISPLAY_NAME_LENGTH + 1))),
                arguments("description", (ThrowingCallable) () ->
                        ScriptProperties.withDefaults("x", "\u4e2d".repeat(ScriptProperties.MAX_DESCRIPTION_LENGTH + 1),
                                null, null, null, null, null, null)),
                arguments("fileName", (ThrowingCallable) () ->
                        ScriptProperties.withDefaults("x", null, null, "f".repeat(261), null, null, null, null)),
                arguments("roleScopeTagIds", (ThrowingCallable) () ->
                        ScriptProperties.withDefaults("x", null, null, null, null, null, null,
                                Collections.nCopies(ScriptProperties.MAX_ROLE_SCOPE_TAGS + 1, "1"))),
                arguments("roleScopeTagIds", (ThrowingCallable) () ->
                        ScriptProperties.withDefaults("x", null, null, null, null, null, null,
                                List.of("7".repeat(ScriptProperties.MAX_ROLE_SCOPE_TAG_LENGTH + 1)))),
                arguments("description", (ThrowingCallable) () -> base.patched(
                        ScriptPatchBuilder.patch()
                                .description(Change.to("d".repeat(ScriptProperties.MAX_DESCRIPTION_LENGTH + 1)))
                                .build())));
    }

    @ParameterizedTest
    @MethodSource("overLongProperties")
    void aClientCannotWriteAPropertyOverItsLengthLimit(String field, ThrowingCallable write) {
        assertRejected(write, field, "at most");
    }

    @Test
    void propertiesAtTheirLengthLimitsAreAccepted() {
        ScriptProperties properties = ScriptProperties.withDefaults(
                "n".repeat(ScriptProperties.MAX_DISPLAY_NAME_LENGTH),
                "d".repeat(ScriptProperties.MAX_DESCRIPTION_LENGTH), null,
                "f".repeat(ScriptProperties.MAX_FILE_NAME_LENGTH),
                null, null, null, Collections.nCopies(ScriptProperties.MAX_ROLE_SCOPE_TAGS,
                        "7".repeat(ScriptProperties.MAX_ROLE_SCOPE_TAG_LENGTH)));

        assertThat(properties.description()).hasSize(ScriptProperties.MAX_DESCRIPTION_LENGTH);
    }

    @Test
    void aScriptStoredBeforeTheLimitsStillLoads() {
        String longDescription = "d".repeat(ScriptProperties.MAX_DESCRIPTION_LENGTH * 10);

        assertThat(new ScriptProperties("x", longDescription, null, null, RunAsAccount.SYSTEM, false, false,
                List.of("0")).description()).isEqualTo(longDescription);
    }
}
