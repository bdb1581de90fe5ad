package dev.devicescripts.application.query;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which items of a collection a list shows and in what order: those matching {@code filter}, sorted by
 * {@code orderBy} and then by the collection's key, after {@code after} (the previous page's end) and {@code skip}
 * more, at most {@code top} of them.
 *
 * @param orderBy as the client gave it; the collection's default order when empty
 */
public record Query<T>(EntitySet<T> set, Optional<Filter<T>> filter, List<SortKey<T>> orderBy, int skip, int top,
                       Optional<PageCursor> after) {

    public Query {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(filter, "filter");
        orderBy = set.orderOrDefault(orderBy);
        Objects.requireNonNull(after, "after");
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative: " + skip);
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1: " + top);
        }
        if (after.isPresent() && after.get().values().size() != orderBy.size()) {
            throw new IllegalArgumentException("The cursor holds " + after.get().values().size()
                    + " sort values; the query orders by " + orderBy.size() + " keys");
        }
    }

    /** The first page of every item, in the collection's default order. */
    public static <T> Query<T> firstPage(EntitySet<T> set, int top) {
        return new Query<>(set, Optional.empty(), List.of(), 0, top, Optional.empty());
    }

    /** The order this query lists items in, ties broken by key; every storage adapter must list in this order. */
    public Comparator<T> comparator() {
        Comparator<T> order = (left, right) -> 0;
        for (SortKey<T> key : orderBy) {
            Property<T> property = key.property();
            Comparator<T> byKey = (left, right) -> property.compare(property.valueOf(left), property.valueOf(right));
            order = order.thenComparing(key.descending() ? byKey.reversed() : byKey);
        }
        return order.thenComparing((left, right) -> compareKeys(set.key().valueOf(left), set.key().valueOf(right)));
    }

    /** Whether the item comes after the cursor in this query's order. */
    public boolean isAfter(T item, PageCursor cursor) {
        for (int i = 0; i < orderBy.size(); i++) {
            SortKey<T> key = orderBy.get(i);
            int order = key.property().compare(key.property().valueOf(item), cursor.values().get(i));
            if (order != 0) {
                return key.descending() ? order < 0 : order > 0;
            }
        }
        return compareKeys(set.key().valueOf(item), cursor.lastKey()) > 0;
    }

    /** Keys tell items apart, so they compare exactly, whatever their property does in filters. */
    private static int compareKeys(Object left, Object right) {
        return Values.compare(left, right, false);
    }

    /** The cursor that a page ending with this item hands to the next one. */
    public PageCursor cursorAfter(T item) {
        return new PageCursor(orderBy.stream().map(key -> key.property().valueOf(item)).toList(),
                set.key().valueOf(item));
    }
}
