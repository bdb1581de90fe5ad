package dev.devicescripts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void keepLeavesTheCurrentValue() {
        assertThat(Change.<String>keep().applyTo("current")).isEqualTo("current");
        assertThat(Change.<String>keep().applyTo(null)).isNull();
    }

    @Test
    void keepIsOneSharedInstance() {
        assertThat(Change.<String>keep()).isSameAs(Change.<Integer>keep()).hasToString("keep");
    }

    @Test
    void toAValueReplacesTheCurrentValue() {
        assertThat(Change.to("new").applyTo("current")).isEqualTo("new");
    }

    @Test
    void toNullClearsTheCurrentValue() {
        assertThat(Change.<String>to(null).applyTo("current")).isNull();
    }

    @Test
    void changesToTheSameValueAreEqual() {
        assertThat(Change.to("new")).isEqualTo(Change.to("new")).isNotEqualTo(Change.to("other"));
    }

    @Test
    void thePatchCalledNothingKeepsEveryProperty() {
        ScriptPatch nothing = ScriptPatch.NOTHING;

        assertThat(new Change<?>[] {nothing.displayName(), nothing.description(), nothing.scriptContent(),
                nothing.fileName(), nothing.runAsAccount(), nothing.enforceSignatureCheck(), nothing.runAs32Bit(),
                nothing.roleScopeTagIds()}).containsOnly(Change.keep());
    }
}
