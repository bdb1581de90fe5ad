package dev.devicescripts.application.query;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Any collection's queries over items held in memory, by the meaning the query model defines: {@link Filter#matches},
 * {@link Query#comparator()} and {@link Query#isAfter}. Every in-memory repository lists and counts through these, and
 * so do the services that page lists they compute.
 */
public final class Pages {
    private Pages() {
    }

    /** The page of {@code items} that the query names; {@code next} is present exactly when more items follow. */
    public static <T> Page<T> page(Stream<T> items, Query<T> query) {
        List<T> matching = matching(items, query.filter())
                .filter(item -> query.after().map(cursor -> query.isAfter(item, cursor)).orElse(true))
                .sorted(query.comparator())
                .skip(query.skip())
                .limit(query.top() + 1L)
                .toList();
        List<T> page = matching.subList(0, Math.min(query.top(), matching.size()));
        Optional<PageCursor> next = matching.size() > query.top()
                ? Optional.of(query.cursorAfter(page.get(page.size() - 1)))
                : Optional.empty();
        return new Page<>(page, next);
    }

    /** How many of {@code items} the filter matches (all of them when it is empty). */
    public static <T> long count(Stream<T> items, Optional<Filter<T>> filter) {
        return matching(items, filter).count();
    }

    private static <T> Stream<T> matching(Stream<T> items, Optional<Filter<T>> filter) {
        return filter.map(wanted -> items.filter(wanted::matches)).orElse(items);
    }
}
