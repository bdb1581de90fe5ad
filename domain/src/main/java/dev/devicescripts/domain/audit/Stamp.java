package dev.devicescripts.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What every entry of either log takes from the request that made the change: its new id, when, who, correlation. */
public record Stamp(UUID id, Instant at, Actor actor, UUID correlationId) {
    public Stamp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
