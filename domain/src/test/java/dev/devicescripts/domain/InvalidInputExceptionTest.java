package dev.devicescripts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void theMessageIsTheFieldFollowedByTheRule() {
        InvalidInputException rejection = new InvalidInputException("displayName", "must not be blank.");

        assertThat(rejection.field()).isEqualTo("displayName");
        assertThat(rejection).hasMessage("displayName must not be blank.");
    }

    @Test
    void seenFromAnEnclosingObjectTheFieldAndTheMessageNameTheFullPath() {
        InvalidInputException inner = new InvalidInputException("target.groupId", "must be a GUID.");

        InvalidInputException outer = inner.within("assignments[2]");

        assertThat(outer.field()).isEqualTo("assignments[2].target.groupId");
        assertThat(outer).hasMessage("assignments[2].target.groupId must be a GUID.");
    }

    @Test
    void aRuleNamesTheSubjectsItRefersToInTheDomainsTerms() {
        InvalidInputException rejection = new InvalidInputException("filterId", "must be null when %s is none.",
                "filterType");

        assertThat(rejection).hasMessage("filterId must be null when filterType is none.");
        assertThat(rejection.within("target")).hasMessage("target.filterId must be null when filterType is none.");
    }

    @Test
    void namedAsAClientKnowsThemTheFieldAndTheSubjectsOfTheRuleTakeThoseNames() {
        Map<String, String> names = Map.of("filterId", "id", "filterType", "type");
        InvalidInputException rejection = new InvalidInputException("filterId", "must be null when %s is none.",
                "filterType");

        InvalidInputException named = rejection.named(name -> names.getOrDefault(name, name));

        assertThat(named.field()).isEqualTo("id");
        assertThat(named).hasMessage("id must be null when type is none.");
    }

    @Test
    void aRuleWithoutSubjectsIsTakenAsWritten() {
        InvalidInputException rejection = new InvalidInputException("assignments", "names target 100%s twice.");

        assertThat(rejection).hasMessage("assignments names target 100%s twice.");
        assertThat(rejection.named(name -> "x")).hasMessage("x names target 100%s twice.");
    }
}
