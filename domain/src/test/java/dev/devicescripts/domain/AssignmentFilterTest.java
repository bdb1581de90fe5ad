package dev.devicescripts.domain;

import static dev.devicescripts.domain.Fixtures.FILTER_ID;
import static dev.devicescripts.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentFilterTest {

    @Test
    void includeWithAFilterIdIsAccepted() {
        AssignmentFilter filter = AssignmentFilter.include(FILTER_ID);

        assertThat(filter.type()).isEqualTo(AssignmentFilterType.INCLUDE);
        assertThat(filter.filterId()).isEqualTo(FILTER_ID);
        assertThat(filter.isNone()).isFalse();
    }

    @Test
    void excludeWithAFilterIdIsAccepted() {
        AssignmentFilter filter = AssignmentFilter.exclude(FILTER_ID);

        assertThat(filter.type()).isEqualTo(AssignmentFilterType.EXCLUDE);
        assertThat(filter.filterId()).isEqualTo(FILTER_ID);
    }

    @Test
    void noneWithoutAFilterIdIsAccepted() {
        assertThat(new AssignmentFilter(AssignmentFilterType.NONE, null)).isEqualTo(AssignmentFilter.NONE);
        assertThat(AssignmentFilter.NONE.isNone()).isTrue();
    }

    @Test
    void includeWithoutAFilterIdIsRejected() {
        assertRejected(() -> AssignmentFilter.include(null), "filterId",
                "is required when filterType is include");
    }

    @Test
    void excludeWithoutAFilterIdIsRejected() {
        assertRejected(() -> AssignmentFilter.exclude(null), "filterId",
                "is required when filterType is exclude");
    }

    @Test
    void noneWithAFilterIdIsRejected() {
        assertRejected(() -> new AssignmentFilter(AssignmentFilterType.NONE, FILTER_ID), "filterId",
                "must be null when filterType is none");
    }

    @Test
    void noneWithTheAllZeroFilterIdThatIntuneExportsWriteMeansNoFilter() {
        assertThat(new AssignmentFilter(AssignmentFilterType.NONE, new UUID(0, 0))).isEqualTo(AssignmentFilter.NONE);
    }

    @Test
    void includeWithTheAllZeroFilterIdIsRejectedAsNamingNoFilter() {
        assertRejected(() -> AssignmentFilter.include(new UUID(0, 0)), "filterId",
                "is required when filterType is include");
    }
}
