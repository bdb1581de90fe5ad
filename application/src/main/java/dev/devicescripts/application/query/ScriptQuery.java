package dev.devicescripts.application.query;

import dev.devicescripts.domain.DeviceManagementScript;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which scripts a list shows and in what order: those matching {@code filter}, sorted by {@code orderBy} and then by
 * id, after {@code after} (the previous page's end) and {@code skip} more, at most {@code top} of them.
 */
public record ScriptQuery(Optional<ScriptFilter> filter, List<SortKey> orderBy, int skip, int top,
                          Optional<PageCursor> after) {

    /** Lists are oldest first unless the client orders them. */
    public static final List<SortKey> DEFAULT_ORDER = List.of(SortKey.ascending(ScriptProperty.CREATED_DATE_TIME));

    public ScriptQuery {
        Objects.requireNonNull(filter, "filter");
        orderBy = orderOrDefault(orderBy);
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

    /** The order a query with these sort keys lists in: the default when the client gave none. */
    public static List<SortKey> orderOrDefault(List<SortKey> orderBy) {
        return orderBy.isEmpty() ? DEFAULT_ORDER : List.copyOf(orderBy);
    }

    /** The first page of every script, oldest first. */
    public static ScriptQuery firstPage(int top) {
        return new ScriptQuery(Optional.empty(), List.of(), 0, top, Optional.empty());
    }

    /** The order this query lists scripts in, ties broken by id; every storage adapter must list in this order. */
    public Comparator<DeviceManagementScript> comparator() {
        Comparator<DeviceManagementScript> order = (left, right) -> 0;
        for (SortKey key : orderBy) {
            Comparator<DeviceManagementScript> byKey =
                    Comparator.comparing(script -> key.property().valueOf(script), Values.ORDER);
            order = order.thenComparing(key.descending() ? byKey.reversed() : byKey);
        }
        return order.thenComparing(script -> script.id().value().toString());
    }

    /** Whether the script comes after the cursor in this query's order. */
    public boolean isAfter(DeviceManagementScript script, PageCursor cursor) {
        for (int i = 0; i < orderBy.size(); i++) {
            SortKey key = orderBy.get(i);
            int order = Values.ORDER.compare(key.property().valueOf(script), cursor.values().get(i));
            if (order != 0) {
                return key.descending() ? order < 0 : order > 0;
            }
        }
        return script.id().value().toString().compareTo(cursor.lastId().value().toString()) > 0;
    }

    /** The cursor that a page ending with this script hands to the next one. */
    public PageCursor cursorAfter(DeviceManagementScript script) {
        return new PageCursor(orderBy.stream().map(key -> key.property().valueOf(script)).toList(), script.id());
    }
}
