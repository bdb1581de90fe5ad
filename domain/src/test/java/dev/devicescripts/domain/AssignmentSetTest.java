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
    void the_set_is_the_union_of_both_collections_in_the_order_named() {
        AssignmentSet set = assign(List.of(group(1), group(2)), List.of(allDevices(), exclude(3), include(4)));

        assertThat(set.targets()).containsExactly(include(1), include(2), allDevices(), exclude(3), include(4));
    }

    @Test
    void a_group_assignment_names_an_include_target_without_a_filter() {
        assertThat(assign(List.of(group(1)), List.of()).targets())
                .containsExactly(new GroupAssignmentTarget(group(1), AssignmentFilter.NONE));
    }

    @Test
    void the_same_target_named_twice_with_the_same_filter_counts_once_where_first_named() {
        AssignmentTarget filtered = new AllLicensedUsersAssignmentTarget(AssignmentFilter.include(FILTER_ID));

        AssignmentSet set = assign(filtered, include(1), exclude(2), filtered, include(1), exclude(2));

        assertThat(set.targets()).containsExactly(filtered, include(1), exclude(2));
    }

    @Test
    void a_group_assignment_and_the_same_unfiltered_group_target_count_once() {
        AssignmentSet set = assign(List.of(group(1)), List.of(include(1)));

        assertThat(set.targets()).containsExactly(include(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneTargetWithTwoFilters")
    void a_target_named_twice_with_different_filters_is_rejected(String description, AssignmentTarget first,
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
    void a_group_assignment_and_the_same_group_with_a_filter_is_rejected() {
        List<AssignmentTarget> filtered =
                List.of(new GroupAssignmentTarget(group(1), AssignmentFilter.include(FILTER_ID)));

        assertRejected(() -> assign(List.of(group(1)), filtered), FIELD, "twice with different assignment filters");
    }

    @Test
    void a_group_both_included_and_excluded_is_rejected() {
        assertRejected(() -> assign(include(1), exclude(1)), FIELD,
                "names group " + group(1) + " both as an include and as an exclusion target");
    }

    @Test
    void a_group_both_excluded_and_included_is_rejected() {
        assertRejected(() -> assign(exclude(1), include(1)), FIELD, "both as an include and as an exclusion target");
    }

    @Test
    void a_group_assignment_for_an_excluded_group_is_rejected() {
        assertRejected(() -> assign(List.of(group(1)), List.of(exclude(1))), FIELD,
                "both as an include and as an exclusion target");
    }

    @Test
    void a_filtered_include_and_an_exclusion_of_one_group_is_rejected() {
        AssignmentTarget filtered = new GroupAssignmentTarget(group(1), AssignmentFilter.include(FILTER_ID));

        assertRejected(() -> assign(filtered, exclude(1)), FIELD, "both as an include and as an exclusion target");
    }

    @Test
    void a_collection_whose_id_is_another_targets_key_is_rejected() {
        AssignmentTarget collection = new ConfigurationManagerCollectionAssignmentTarget(
                AllDevicesAssignmentTarget.KEY, AssignmentFilter.NONE);

        assertRejected(() -> assign(allDevices(), collection), FIELD, "as two different kinds of target");
    }

    @Test
    void exactly_max_targets_are_accepted() {
        assertThat(AssignmentSet.of(List.of(), groups(1, 3), 3).size()).isEqualTo(3);
    }

    @Test
    void one_target_more_than_max_targets_is_rejected_naming_the_limit() {
        assertRejected(() -> AssignmentSet.of(List.of(), groups(1, 4), 3), FIELD,
                "would give the script 4 distinct targets; a script holds at most 3");
    }

    @Test
    void too_many_targets_named_only_in_group_assignments_are_rejected_naming_that_collection() {
        assertRejected(() -> AssignmentSet.of(groupIds(1, 4), List.of(), 3), "groupAssignments",
                "would give the script 4 distinct targets; a script holds at most 3");
    }

    @Test
    void too_many_targets_named_in_both_collections_are_rejected_naming_both() {
        assertRejected(() -> AssignmentSet.of(groupIds(1, 2), groups(3, 4), 3),
                "groupAssignments and " + FIELD,
                "would give the script 4 distinct targets; a script holds at most 3");
    }

    @Test
    void targets_named_twice_do_not_count_toward_the_limit() {
        List<AssignmentTarget> named = new ArrayList<>(groups(1, 3));
        named.addAll(groups(1, 3));

        AssignmentSet set = AssignmentSet.of(List.of(group(1), group(2)), named, 3);

        assertThat(set.size()).isEqualTo(3);
    }

    @Test
    void the_default_limit_is_1000_targets() {
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
    void empty_collections_give_the_empty_set() {
        AssignmentSet set = assign(List.of(), List.of());

        assertThat(set).isEqualTo(AssignmentSet.EMPTY);
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.assignmentsOf(SCRIPT_ID)).isEmpty();
        assertThat(set.groupAssignmentsOf(SCRIPT_ID)).isEmpty();
    }

    @Test
    void group_assignments_show_only_the_unfiltered_include_group_targets() {
        AssignmentSet set = assign(include(1), new GroupAssignmentTarget(group(2), AssignmentFilter.include(FILTER_ID)),
                exclude(3), allDevices(), include(4));

        assertThat(set.groupAssignmentsOf(SCRIPT_ID)).containsExactly(
                new ScriptGroupAssignment(new AssignmentId(SCRIPT_ID, group(1).toString()), group(1)),
                new ScriptGroupAssignment(new AssignmentId(SCRIPT_ID, group(4).toString()), group(4)));
    }

    @Test
    void assignment_ids_are_the_script_id_a_colon_and_each_targets_key() {
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
    void given_a_mutable_list_when_the_caller_changes_it_afterwards_then_the_set_does_not_change() {
        List<AssignmentTarget> named = new ArrayList<>(List.of(include(1)));
        AssignmentSet set = assign(List.of(), named);

        named.add(include(2));

        assertThat(set.targets()).containsExactly(include(1));
        assertThatThrownBy(() -> set.targets().add(include(3))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_restored_set_holds_the_targets_it_was_stored_with() {
        AssignmentSet stored = assign(include(1), allDevices());

        assertThat(AssignmentSet.restore(stored.targets())).isEqualTo(stored).hasSameHashCodeAs(stored);
    }
}
