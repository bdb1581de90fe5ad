package dev.devicescripts.domain;

import static dev.devicescripts.domain.Fixtures.FILTER_ID;
import static dev.devicescripts.domain.Fixtures.OTHER_FILTER_ID;
import static dev.devicescripts.domain.Fixtures.SCRIPT_ID;
import static dev.devicescripts.domain.Fixtures.allDevices;
import static dev.devicescripts.domain.Fixtures.exclude;
import static dev.devicescripts.domain.Fixtures.group;
import static dev.devicescripts.domain.Fixtures.include;
import static dev.devicescripts.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssignmentSetTest {

    private static final String FIELD = "assignments";
    private static final int MAX = AssignmentSet.DEFAULT_MAX_TARGETS;

    private static AssignmentSet assign(List<GroupId> groupAssignments, List<AssignmentTarget> assignments) {
        return AssignmentSet.of(groupAssignments, assignments, MAX);
    }

    private static AssignmentSet assign(AssignmentTarget... assignments) {
        return assign(List.of(), List.of(assignments));
    }

    @Test
    void theSetIsTheUnionOfBothCollectionsInTheOrderNamed() {
        AssignmentSet set = assign(List.of(group(1), group(2)), List.of(allDevices(), exclude(3), include(4)));

        assertThat(set.targets()).containsExactly(include(1), include(2), allDevices(), exclude(3), include(4));
    }

    @Test
    void aGroupAssignmentNamesAnIncludeTargetWithoutAFilter() {
        assertThat(assign(List.of(group(1)), List.of()).targets())
                .containsExactly(new GroupAssignmentTarget(group(1), AssignmentFilter.NONE));
    }

    @Test
    void theSameTargetNamedTwiceWithTheSameFilterCountsOnceWhereFirstNamed() {
        AssignmentTarget filtered = new AllLicensedUsersAssignmentTarget(AssignmentFilter.include(FILTER_ID));

        AssignmentSet set = assign(filtered, include(1), exclude(2), filtered, include(1), exclude(2));

        assertThat(set.targets()).containsExactly(filtered, include(1), exclude(2));
    }

    @Test
    void aGroupAssignmentAndTheSameUnfilteredGroupTargetCountOnce() {
        AssignmentSet set = assign(List.of(group(1)), List.of(include(1)));

        assertThat(set.targets()).containsExactly(include(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneTargetWithTwoFilters")
    void aTargetNamedTwiceWithDifferentFiltersIsRejected(String description, AssignmentTarget first,
                                                                 AssignmentTarget second) {
        assertRejected(() -> assign(first, second), FIELD, "twice with different assignment filters");
    }

    static Stream<Arguments> oneTargetWithTwoFilters() {
        return Stream.of(
                arguments("group: none, then include", include(1),
                        new GroupAssignmentTarget(group(1), AssignmentFilter.include(FILTER_ID))),
                arguments("all devices: include, then exclude",
                        new AllDevicesAssignmentTarget(AssignmentFilter.include(FILTER_ID)),
                        new AllDevicesAssignmentTarget(AssignmentFilter.exclude(FILTER_ID))),
                arguments("all users: two filter ids",
                        new AllLicensedUsersAssignmentTarget(AssignmentFilter.include(FILTER_ID)),
                        new AllLicensedUsersAssignmentTarget(AssignmentFilter.include(OTHER_FILTER_ID))),
                arguments("collection: none, then exclude",
                        new ConfigurationManagerCollectionAssignmentTarget("SMS00001", AssignmentFilter.NONE),
                        new ConfigurationManagerCollectionAssignmentTarget("SMS00001",
                                AssignmentFilter.exclude(FILTER_ID))));
    }

    @Test
    void aGroupAssignmentAndTheSameGroupWithAFilterIsRejected() {
        List<AssignmentTarget> filtered =
                List.of(new GroupAssignmentTarget(group(1), AssignmentFilter.include(FILTER_ID)));

        assertRejected(() -> assign(List.of(group(1)), filtered), FIELD, "twice with different assignment filters");
    }

    @Test
    void aGroupBothIncludedAndExcludedIsRejected() {
        assertRejected(() -> assign(include(1), exclude(1)), FIELD,
                "names group " + group(1) + " both as an include and as an exclusion target");
    }

    @Test
    void aGroupBothExcludedAndIncludedIsRejected() {
        assertRejected(() -> assign(exclude(1), include(1)), FIELD, "both as an include and as an exclusion target");
    }

    @Test
    void aGroupAssignmentForAnExcludedGroupIsRejected() {
        assertRejected(() -> assign(List.of(group(1)), List.of(exclude(1))), FIELD,
                "both as an include and as an exclusion target");
    }

    @Test
    void aFilteredIncludeAndAnExclusionOfOneGroupIsRejected() {
        AssignmentTarget filtered = new GroupAssignmentTarget(group(1), AssignmentFilter.include(FILTER_ID));

        assertRejected(() -> assign(filtered, exclude(1)), FIELD, "both as an include and as an exclusion target");
    }

    @Test
    void aCollectionWhoseIdIsAnotherTargetsKeyIsRejected() {
        AssignmentTarget collection = new ConfigurationManagerCollectionAssignmentTarget(
                AllDevicesAssignmentTarget.KEY, AssignmentFilter.NONE);

        assertRejected(() -> assign(allDevices(), collection), FIELD, "as two different kinds of target");
    }

    @Test
    void exactlyMaxTargetsAreAccepted() {
        assertThat(AssignmentSet.of(List.of(), groups(1, 3), 3).size()).isEqualTo(3);
    }

    @Test
    void oneTargetMoreThanMaxTargetsIsRejectedNamingTheLimit() {
        assertRejected(() -> AssignmentSet.of(List.of(), groups(1, 4), 3), FIELD,
                "would give the script 4 distinct targets; a script holds at most 3");
    }

    @Test
    void tooManyTargetsNamedOnlyInGroupAssignmentsAreRejectedNamingThatCollection() {
        assertRejected(() -> AssignmentSet.of(groupIds(1, 4), List.of(), 3), "groupAssignments",
                "would give the script 4 distinct targets; a script holds at most 3");
    }

    @Test
    void tooManyTargetsNamedInBothCollectionsAreRejectedNamingBoth() {
        assertRejected(() -> AssignmentSet.of(groupIds(1, 2), groups(3, 4), 3),
                "groupAssignments and " + FIELD,
                "would give the script 4 distinct targets; a script holds at most 3");
    }

    @Test
    void targetsNamedTwiceDoNotCountTowardTheLimit() {
        List<AssignmentTarget> named = new ArrayList<>(groups(1, 3));
        named.addAll(groups(1, 3));

        AssignmentSet set = AssignmentSet.of(List.of(group(1), group(2)), named, 3);

        assertThat(set.size()).isEqualTo(3);
    }

    @Test
    void theDefaultLimitIs1000Targets() {
        assertThat(assign(List.of(), groups(1, 1000)).size()).isEqualTo(1000);
        assertRejected(() -> assign(List.of(), groups(1, 1001)), FIELD, "at most 1000");
    }

    private static List<AssignmentTarget> groups(int first, int last) {
        return IntStream.rangeClosed(first, last).<AssignmentTarget>mapToObj(Fixtures::include).toList();
    }

    private static List<GroupId> groupIds(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(Fixtures::group).toList();
    }

    @Test
    void emptyCollectionsGiveTheEmptySet() {
        AssignmentSet set = assign(List.of(), List.of());

        assertThat(set).isEqualTo(AssignmentSet.EMPTY);
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.assignmentsOf(SCRIPT_ID)).isEmpty();
        assertThat(set.groupAssignmentsOf(SCRIPT_ID)).isEmpty();
    }

    @Test
    void groupAssignmentsShowOnlyTheUnfilteredIncludeGroupTargets() {
        AssignmentSet set = assign(include(1), new GroupAssignmentTarget(group(2), AssignmentFilter.include(FILTER_ID)),
                exclude(3), allDevices(), include(4));

        assertThat(set.groupAssignmentsOf(SCRIPT_ID)).containsExactly(
                new ScriptGroupAssignment(new AssignmentId(SCRIPT_ID, group(1).toString()), group(1)),
                new ScriptGroupAssignment(new AssignmentId(SCRIPT_ID, group(4).toString()), group(4)));
    }

    @Test
    void assignmentIdsAreTheScriptIdAColonAndEachTargetsKey() {
        AssignmentSet set = assign(include(1), exclude(2), allDevices(),
                new AllLicensedUsersAssignmentTarget(AssignmentFilter.NONE),
                new ConfigurationManagerCollectionAssignmentTarget("SMS00001", AssignmentFilter.NONE));

        assertThat(set.assignmentsOf(SCRIPT_ID)).extracting(assignment -> assignment.id().toString()).containsExactly(
                SCRIPT_ID + ":" + group(1),
                SCRIPT_ID + ":" + group(2),
                SCRIPT_ID + ":adadadad-808e-44e2-905a-0b7873a8a531",
                SCRIPT_ID + ":acacacac-9df4-4c7d-9d50-4ef0226f57a9",
                SCRIPT_ID + ":SMS00001");
        assertThat(set.assignmentsOf(SCRIPT_ID)).extracting(ScriptAssignment::target)
                .containsExactlyElementsOf(set.targets());
    }

    @Test
    void givenAMutableListWhenTheCallerChangesItAfterwardsThenTheSetDoesNotChange() {
        List<AssignmentTarget> named = new ArrayList<>(List.of(include(1)));
        AssignmentSet set = assign(List.of(), named);

        named.add(include(2));

        assertThat(set.targets()).containsExactly(include(1));
        assertThatThrownBy(() -> set.targets().add(include(3))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRestoredSetHoldsTheTargetsItWasStoredWith() {
        AssignmentSet stored = assign(include(1), allDevices());

        assertThat(AssignmentSet.restore(stored.targets())).isEqualTo(stored).hasSameHashCodeAs(stored);
    }
}
