package dev.devicescripts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void keep_leaves_the_current_value() {
        assertThat(Change.<String>keep().applyTo("current")).isEqualTo("current");
        assertThat(Change.<String>keep().applyTo(null)).isNull();
    }

    @Test
    void keep_is_one_shared_instance() {
        assertThat(Change.<String>keep()).isSameAs(Change.<Integer>keep()).hasToString("keep");
    }

    @Test
    void to_a_value_replaces_the_current_value() {
        assertThat(Change.to("new").applyTo("current")).isEqualTo("new");
    }

    @Test
    void to_null_clears_the_current_value() {
        assertThat(Change.<String>to(null).applyTo("current")).isNull();
    }

    @Test
    void changes_to_the_same_value_are_equal() {
        assertThat(Change.to("new")).isEqualTo(Change.to("new")).isNotEqualTo(Change.to("other"));
    }

    @Test
    void the_patch_called_nothing_keeps_every_property() {
        ScriptPatch nothing = ScriptPatch.NOTHING;

        assertThat(new Change<?>[] {nothing.displayName(), nothing.description(), nothing.scriptContent(),
                nothing.fileName(), nothing.runAsAccount(), nothing.enforceSignatureCheck(), nothing.runAs32Bit(),
                nothing.roleScopeTagIds()}).containsOnly(Change.keep());
    }
}
