package dev.devicescripts.domain;

import static dev.devicescripts.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The enums accept exactly the names Graph writes, in Graph's spelling. */
class GraphNamesTest {

    @Test
    void runAsAccountAcceptsSystemAndUser() {
        assertThat(RunAsAccount.fromGraphName("system")).isEqualTo(RunAsAccount.SYSTEM);
        assertThat(RunAsAccount.fromGraphName("user")).isEqualTo(RunAsAccount.USER);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "System", "SYSTEM", "User", " system", "admin"})
    void runAsAccountRejectsAnyOtherName(String name) {
        assertRejected(() -> RunAsAccount.fromGraphName(name), "runAsAccount", "must be one of system, user");
    }

    @ParameterizedTest
    @EnumSource(RunAsAccount.class)
    void runAsAccountReadsBackTheNameItWrites(RunAsAccount account) {
        assertThat(RunAsAccount.fromGraphName(account.graphName())).isEqualTo(account);
    }

    @Test
    void filterTypeAcceptsNoneIncludeAndExclude() {
        assertThat(AssignmentFilterType.fromGraphName("none", "type")).isEqualTo(AssignmentFilterType.NONE);
        assertThat(AssignmentFilterType.fromGraphName("include", "type")).isEqualTo(AssignmentFilterType.INCLUDE);
        assertThat(AssignmentFilterType.fromGraphName("exclude", "type")).isEqualTo(AssignmentFilterType.EXCLUDE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "None", "INCLUDE", "Exclude", "include ", "all"})
    void filterTypeRejectsAnyOtherNameUnderTheFieldGiven(String name) {
        assertRejected(() -> AssignmentFilterType.fromGraphName(name, "target.filterType"), "target.filterType",
                "must be one of none, include, exclude");
    }

    @ParameterizedTest
    @EnumSource(AssignmentFilterType.class)
    void filterTypeReadsBackTheNameItWrites(AssignmentFilterType type) {
        assertThat(AssignmentFilterType.fromGraphName(type.graphName(), "type")).isEqualTo(type);
    }
}
