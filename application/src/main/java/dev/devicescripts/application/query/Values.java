package dev.devicescripts.application.query;

import java.util.Locale;
import java.util.UUID;

/**
 * How filters and orderings compare property values, once for every adapter: strings ignoring case where the
 * property says so (as Intune does), booleans false before true, instants in time order, GUIDs as their text orders
 * (which is how H2 and PostgreSQL order uuid columns: unsigned, byte by byte); null before every value.
 */
public final class Values {
    private Values() {
    }

    /**
     * A string as filters and orders compare it when they ignore case: in lower case by Unicode's rules, whatever the
     * machine's locale. A store that filters and orders in its database compares this form, folded here.
     */
    public static String folded(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object left, Object right, boolean ignoringCase) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        return ((Comparable) comparable(left, ignoringCase)).compareTo(comparable(right, ignoringCase));
    }

    private static Object comparable(Object value, boolean ignoringCase) {
        if (value instanceof String text) {
            return ignoringCase ? folded(text) : text;
        }
        return value instanceof UUID id ? id.toString() : value;
    }
}
