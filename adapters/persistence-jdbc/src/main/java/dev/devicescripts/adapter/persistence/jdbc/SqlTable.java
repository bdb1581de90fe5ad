package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.ValueType;
import dev.devicescripts.application.query.Values;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a collection's items live: a table that holds one row per item with a {@code tenant_id} column and, for each
 * property that queries filter or order by, a column named after it in snake case ({@code runAs32Bit} in
 * {@code run_as_32_bit}); a string property that ignores case also has its folded form beside it, in
 * {@code <column>_folded}, written by the application (see V4), unless its values are all folded already.
 *
 * <p>A list of strings that {@code $filter} may test with {@code any} ({@link Property#filterableByAny()}), such as
 * {@code groupTypes}, has only the folded column, {@code group_types_folded} (a VARCHAR), which holds its folded
 * elements each preceded and followed by {@code |}: {@code |unified|dynamicmembership|}, and {@code |} for an empty
 * list. Write it with {@link #foldedList}. {@code groupTypes/any(c:c eq 'Unified')} is then
 * {@code group_types_folded LIKE '%|unified|%'}. The list itself is stored however the repository likes; queries never
 * read it.
 *
 * @param alias the name statements give the table, e.g. {@code s}
 */
public record SqlTable<T>(EntitySet<T> set, String table, String alias) {
    public SqlTable {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(alias, "alias");
    }

    /** The table with its alias, as a FROM clause names it. */
    String from() {
        return table + " " + alias;
    }

    String tenantColumn() {
        return alias + ".tenant_id";
    }

    String column(Property<T> property) {
        return alias + "." + columnName(property.name());
    }

    /**
     * The column filters and orders compare: the folded one of a string that ignores case, unless its values are all
     * folded already (such as {@code runAsAccount}'s {@code system} and {@code user}), and of a list of strings.
     */
    String comparable(Property<T> property) {
        boolean folded = property.ignoresCase() && !property.isFoldedAlready()
                || property.type() == ValueType.STRING_LIST;
        return column(property) + (folded ? "_folded" : "");
    }

    /** What the folded column of a list that $filter tests with {@code any} holds, e.g. {@code |unified|}. */
    public static String foldedList(List<String> elements) {
        return elements.isEmpty() ? "|"
                : elements.stream().map(SqlTable::listElement).collect(Collectors.joining("|", "|", "|"));
    }

    /**
     * One element as the folded column holds it: folded, and a {@code |} or {@code %} in it percent-encoded, so that
     * no element can end another's match (no Graph value holds either).
     */
    static String listElement(String element) {
        return Values.folded(element).replace("%", "%25").replace("|", "%7C");
    }

    /**
     * {@code runAs32Bit} as {@code run_as_32_bit}, {@code azureADDeviceId} as {@code azure_ad_device_id}: a word starts
     * at each run of digits and at each capital, except inside a run of capitals, which is one word.
     */
    static String columnName(String propertyName) {
        StringBuilder column = new StringBuilder();
        for (int i = 0; i < propertyName.length(); i++) {
            char c = propertyName.charAt(i);
            if (i > 0 && startsWord(propertyName, i)) {
                column.append('_');
            }
            column.append(Character.toLowerCase(c));
        }
        return column.toString();
    }

    private static boolean startsWord(String name, int i) {
        char c = name.charAt(i);
        char before = name.charAt(i - 1);
        if (Character.isDigit(c)) {
            return !Character.isDigit(before);
        }
        if (!Character.isUpperCase(c)) {
            return false;
        }
        boolean lowerFollows = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        return !Character.isUpperCase(before) || lowerFollows;
    }
}
