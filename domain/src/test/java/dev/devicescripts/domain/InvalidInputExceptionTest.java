package dev.devicescripts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void the_message_is_the_field_followed_by_the_rule() {
        InvalidInputException rejection = new InvalidInputException("displayName", "must not be blank.");

        assertThat(rejection.field()).isEqualTo("displayName");
        assertThat(rejection).hasMessage("displayName must not be blank.");
    }

    @Test
    void seen_from_an_enclosing_object_the_field_and_the_message_name_the_full_path() {
        InvalidInputException inner = new InvalidInputException("target.groupId", "must be a GUID.");

        InvalidInputException outer = inner.within("deviceManagementScriptAssignments[2]");

        assertThat(outer.field()).isEqualTo("deviceManagementScriptAssignments[2].target.groupId");
        assertThat(outer).hasMessage("deviceManagementScriptAssignments[2].target.groupId must be a GUID.");
    }
}
