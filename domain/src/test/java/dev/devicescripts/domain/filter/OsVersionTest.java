package dev.devicescripts.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OsVersionTest {

    @ParameterizedTest
    @CsvSource({"10.0, 10, 0, 0, 0", "10.0.26100, 10, 0, 26100, 0", "10.0.26100.9457, 10, 0, 26100, 9457",
        "010.00, 10, 0, 0, 0", "999999999.999999999, 999999999, 999999999, 0, 0"})
    void twoToFourPartsAreReadWithMissingPartsZero(String text, long a, long b, long c, long d) {
        assertThat(OsVersion.parse(text)).contains(new OsVersion(List.of(a, b, c, d)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "1.2.3.4.5", "10..0", "10.0.", ".10.0", "-10.0", "+10.0", "10.-1", "10 .0",
        " 10.0", "10.0 ", "a.b", "10.0a", "1234567890.0", "10.٣", "10,0"})
    void anythingElseIsNoVersion(String text) {
        assertThat(OsVersion.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"10.0.26100, 10.0.26100.0, 0", "10.0.26100.9457, 10.0.26100, 1", "9.9, 10.0, -1",
        "10.0.9, 10.0.10, -1", "10.1, 10.0.99999, 1"})
    void versionsCompareByParts(String left, String right, int order) {
        assertThat(Integer.signum(OsVersion.parse(left).orElseThrow().compareTo(OsVersion.parse(right).orElseThrow())))
                .isEqualTo(order);
    }
}
