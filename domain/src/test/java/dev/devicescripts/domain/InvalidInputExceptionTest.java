package dev.devicescripts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

        InvalidInputException outer = inner.within("assignments[2]");

        assertThat(outer.field()).isEqualTo("assignments[2].target.groupId");
        assertThat(outer).hasMessage("assignments[2].target.groupId must be a GUID.");
    }

    @Test
    void a_rule_names_the_subjects_it_refers_to_in_the_domains_terms() {
        InvalidInputException rejection = new InvalidInputException("filterId", "must be null when %s is none.",
                "filterType");

        assertThat(rejection).hasMessage("filterId must be null when filterType is none.");
        assertThat(rejection.within("target")).hasMessage("target.filterId must be null when filterType is none.");
    }

    @Test
    void named_as_a_client_knows_them_the_field_and_the_subjects_of_the_rule_take_those_names() {
        Map<String, String> names = Map.of("filterId", "id", "filterType", "type");
        InvalidInputException rejection = new InvalidInputException("filterId", "must be null when %s is none.",
                "filterType");

        InvalidInputException named = rejection.named(name -> names.getOrDefault(name, name));

        assertThat(named.field()).isEqualTo("id");
        assertThat(named).hasMessage("id must be null when type is none.");
    }

    @Test
    void a_rule_without_subjects_is_taken_as_written() {
        InvalidInputException rejection = new InvalidInputException("assignments", "names target 100%s twice.");

        assertThat(rejection).hasMessage("assignments names target 100%s twice.");
        assertThat(rejection.named(name -> "x")).hasMessage("x names target 100%s twice.");
    }
}
