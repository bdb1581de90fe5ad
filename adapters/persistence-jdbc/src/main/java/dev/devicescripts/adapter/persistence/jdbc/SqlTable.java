package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.ValueType;
import dev.devicescripts.application.query.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * read it. A list that many items share an element of (the ids an audit log's {@code resources/any(...)} tests) is in
 * a {@link SideTable} instead, which finds the items of one element without reading the others.
 *
 * <p>A property whose values are always another's ({@link #sharing}) compares that one's column, and a path into an
 * object ({@code initiatedBy/user/id}) is a column of the words of the path ({@code initiated_by_user_id}).
 *
 * @param alias       the name statements give the table, e.g. {@code s}
 * @param sharing     the names of properties that compare another's column, with that other's name
 * @param sideTables  the names of lists of strings kept in side tables, with the table each is in
 */
public record SqlTable<T>(EntitySet<T> set, String table, String alias, Map<String, String> sharing,
                          Map<String, SideTable> sideTables) {
    public SqlTable {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(alias, "alias");
        sharing = Map.copyOf(sharing);
        sideTables = Map.copyOf(sideTables);
    }

    public SqlTable(EntitySet<T> set, String table, String alias) {
        this(set, table, alias, Map.of(), Map.of());
    }

    /**
     * A table of the folded elements of a list of strings, a row each: {@code (tenant_id, <column>, id)}, the last the
     * id of the item that holds it, with an index that starts with the tenant and the element. {@code x/any(e:e eq
     * 'value')} is then {@code <alias>.id IN (SELECT id FROM <table> WHERE tenant_id = ? AND <column> = 'value')}.
     */
    public record SideTable(String table, String column) {
    }

    /** The same table, where {@code property} compares the column of {@code other}, whose values it always has. */
    SqlTable<T> sharing(Property<T> property, Property<T> other) {
        Map<String, String> shared = new HashMap<>(sharing);
        shared.put(property.name(), other.name());
        return new SqlTable<>(set, table, alias, shared, sideTables);
    }

    /** The same table, with the list {@code property} in a side table. */
    SqlTable<T> withSideTable(Property<T> property, SideTable side) {
        Map<String, SideTable> sides = new HashMap<>(sideTables);
        sides.put(property.name(), side);
        return new SqlTable<>(set, table, alias, sharing, sides);
    }

    /** The side table that holds the list, if it has one. */
    Optional<SideTable> sideTable(Property<T> property) {
        return Optional.ofNullable(sideTables.get(property.name()));
    }

    /** The table with its alias, as a FROM clause names it. */
    String from() {
        return table + " " + alias;
    }

    String tenantColumn() {
        return alias + ".tenant_id";
    }

    String column(Property<T> property) {
        return alias + "." + columnName(sharing.getOrDefault(property.name(), property.name()));
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
     * at each run of digits and at each capital, except inside a run of capitals, which is one word; each step of a
     * path ({@code initiatedBy/user/id}) starts one too.
     */
    static String columnName(String propertyName) {
        StringBuilder column = new StringBuilder();
        for (int i = 0; i < propertyName.length(); i++) {
            char c = propertyName.charAt(i);
            boolean stepStarts = i > 0 && propertyName.charAt(i - 1) == '/';
            if (c != '/' && i > 0 && !stepStarts && startsWord(propertyName, i)) {
                column.append('_');
            }
            column.append(c == '/' ? '_' : Character.toLowerCase(c));
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
