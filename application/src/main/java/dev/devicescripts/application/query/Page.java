package dev.devicescripts.application.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a collection.
 *
 * @param next where the next page starts; empty on the last page
 */
public record Page<T>(List<T> items, Optional<PageCursor> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
