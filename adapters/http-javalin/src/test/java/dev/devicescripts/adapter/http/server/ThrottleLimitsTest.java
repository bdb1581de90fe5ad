package dev.devicescripts.adapter.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleLimitsTest {

    @Test
    void intunesLimitsAreItsDocumentedOnes() {
        assertThat(ThrottleLimits.intune())
                .isEqualTo(new ThrottleLimits(400, 200, 4_000, 2_000, Duration.ofSeconds(20)));
    }

    @Test
    void aLimitBelowOneOrAWindowUnderASecondIsRefusedAtStartup() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ThrottleLimits(0, 200, 4_000, 2_000, Duration.ofSeconds(20)))
                .withMessageContaining("writesPerTenant");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ThrottleLimits(400, 200, 4_000, 2_000, Duration.ofMillis(500)))
                .withMessageContaining("at least 1 second");
    }
}
