package dev.devicescripts.domain.targeting;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One page of a script's effective targets.
 *
 * @param next the subject id the next page starts after; empty when no subject follows. A page may hold fewer
 *             results than asked for (even none) and still have a next one, when the walk's budget ran out first.
 */
public record TargetPage(List<TargetResult> items, Optional<UUID> next) {
    public TargetPage {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
