package dev.devicescripts.application.query;

import java.util.Comparator;
import java.util.Locale;

/**
 * How filters and orderings compare property values, once for every adapter: strings ignoring case (as Intune
 * does), booleans false before true, instants in time order; null before every value.
 */
final class Values {
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<Object> ORDER = Comparator.nullsFirst((left, right) ->
            ((Comparable) comparable(left)).compareTo(comparable(right)));

    private Values() {
    }

    private static Object comparable(Object value) {
        return value instanceof String text ? text.toLowerCase(Locale.ROOT) : value;
    }

    static String folded(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
