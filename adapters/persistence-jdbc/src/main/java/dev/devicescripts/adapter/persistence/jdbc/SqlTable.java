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
 * @param readThrough the side table a statement reads the items through ({@link #through}), or null
 */
public record SqlTable<T>(EntitySet<T> set, String table, String alias, Map<String, String> sharing,
                          Map<String, SideTable> sideTables, SideTable readThrough) {
    public SqlTable {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(alias, "alias");
        sharing = Map.copyOf(sharing);
        sideTables = Map.copyOf(sideTables);
    }

    public SqlTable(EntitySet<T> set, String table, String alias) {
        this(set, table, alias, Map.of(), Map.of(), null);
    }

    /**
     * A table of the folded elements of a list of strings, a row each: {@code (tenant_id, <column>, id)}, the last the
     * id of the item that holds it, and beside them the columns of the collection's default order, copied from the
     * item, with an index in the order {@code (tenant_id, <column>, <default order>, id)}. {@code x/any(e:e eq
     * 'value')} is then {@code <alias>.id IN (SELECT id FROM <table> WHERE tenant_id = ? AND <column> = 'value')}, and
     * a list that only that test restricts to one element's items reads them {@link #through} this table.
     */
    public record SideTable(String table, String column) {
    }

    /** The same table, where {@code property} compares the column of {@code other}, whose values it always has. */
    SqlTable<T> sharing(Property<T> property, Property<T> other) {
        Map<String, String> shared = new HashMap<>(sharing);
        shared.put(property.name(), other.name());
        return new SqlTable<>(set, table, alias, shared, sideTables, readThrough);
    }

    /** The same table, with the list {@code property} in a side table. */
    SqlTable<T> withSideTable(Property<T> property, SideTable side) {
        Map<String, SideTable> sides = new HashMap<>(sideTables);
        sides.put(property.name(), side);
        return new SqlTable<>(set, table, alias, sharing, sides, readThrough);
    }

    /**
     * The same table as a statement sees it that reads one element's rows of the side table joined to their items:
     * the tenant, the key and the default order are the side table's columns, so that conditions on them and the
     * ORDER BY read the side table's index from where the page starts, and only that element's part of it.
     */
    SqlTable<T> through(SideTable side) {
        return new SqlTable<>(set, table, alias, sharing, sideTables, side);
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
        return (readThrough == null ? alias : readThrough.table()) + ".tenant_id";
    }

    /**
     * The columns whose one value every statement fixes, which an ORDER BY names first although they are fixed: only
     * then does H2 see that the index that starts with them already holds the page's order.
     */
    List<String> fixedColumns() {
        return readThrough == null ? List.of(tenantColumn())
                : List.of(tenantColumn(), readThrough.table() + "." + readThrough.column());
    }

    String column(Property<T> property) {
        String name = sharing.getOrDefault(property.name(), property.name());
        boolean inSideTable = readThrough != null && (name.equals(set.key().name())
                || set.defaultOrder().stream().anyMatch(key -> key.property().name().equals(name)));
        return (inSideTable ? readThrough.table() : alias) + "." + columnName(name);
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
