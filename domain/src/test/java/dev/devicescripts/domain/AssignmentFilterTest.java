package dev.devicescripts.domain;

import static dev.devicescripts.domain.Fixtures.FILTER_ID;
import static dev.devicescripts.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentFilterTest {

    @Test
    void include_with_a_filter_id_is_accepted() {
        AssignmentFilter filter = AssignmentFilter.include(FILTER_ID);

        assertThat(filter.type()).isEqualTo(AssignmentFilterType.INCLUDE);
        assertThat(filter.filterId()).isEqualTo(FILTER_ID);
        assertThat(filter.isNone()).isFalse();
    }

    @Test
    void exclude_with_a_filter_id_is_accepted() {
        AssignmentFilter filter = AssignmentFilter.exclude(FILTER_ID);

        assertThat(filter.type()).isEqualTo(AssignmentFilterType.EXCLUDE);
        assertThat(filter.filterId()).isEqualTo(FILTER_ID);
    }

    @Test
    void none_without_a_filter_id_is_accepted() {
        assertThat(new AssignmentFilter(AssignmentFilterType.NONE, null)).isEqualTo(AssignmentFilter.NONE);
        assertThat(AssignmentFilter.NONE.isNone()).isTrue();
    }

    @Test
    void include_without_a_filter_id_is_rejected() {
        assertRejected(() -> AssignmentFilter.include(null), "filterId",
                "is required when filterType is include");
    }

    @Test
    void exclude_without_a_filter_id_is_rejected() {
        assertRejected(() -> AssignmentFilter.exclude(null), "filterId",
                "is required when filterType is exclude");
    }

    @Test
    void none_with_a_filter_id_is_rejected() {
        assertRejected(() -> new AssignmentFilter(AssignmentFilterType.NONE, FILTER_ID), "filterId",
                "must be null when filterType is none");
    }

    @Test
    void none_with_the_all_zero_filter_id_that_intune_exports_write_means_no_filter() {
        assertThat(new AssignmentFilter(AssignmentFilterType.NONE, new UUID(0, 0))).isEqualTo(AssignmentFilter.NONE);
    }

    @Test
    void include_with_the_all_zero_filter_id_is_rejected_as_naming_no_filter() {
        assertRejected(() -> AssignmentFilter.include(new UUID(0, 0)), "filterId",
                "is required when filterType is include");
    }
}
