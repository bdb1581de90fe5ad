package dev.devicescripts.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StampsTest {

    @Test
    void entryIdsAreVersion7GuidsThatStartWithTheirTime() {
        Instant at = Instant.parse("2026-12-08T00:30:00.123Z");

        UUID id = Stamps.newId(at);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(Stamps.newId(at)).isNotEqualTo(id);
    }

    @Test
    void laterEntriesHaveGreaterIdsAsTheDatabasesOrderThem() {
        Instant at = Instant.parse("2026-12-08T00:30:00Z");

        String earlier = Stamps.newId(at).toString();
        String later = Stamps.newId(at.plusMillis(1)).toString();

        assertThat(later).isGreaterThan(earlier);
    }
}
