package dev.devicescripts.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** What every entry of either log takes from the request that made the change: its new id, when, who, correlation. */
public record Stamp(UUID id, Instant at, Actor actor, UUID correlationId) {
    public Stamp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
        // To the microsecond, as the stores keep it (see DeviceManagementScript): a page's $skiptoken holds the time
        // of its last entry, and a finer one than stored would bring that entry back on the next page.
        at = at.truncatedTo(ChronoUnit.MICROS);
    }
}
