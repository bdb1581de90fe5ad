package dev.devicescripts.application.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One property of a collection's items, declared once: its Graph name, its type, whether it may be null, what queries
 * may do with it, and how to read it from an item. Everything a collection serves (filters, orders, projections,
 * SQL, evaluation in memory) is derived from these declarations.
 *
 * @param <T> the items' type
 */
public final class Property<T> {
    private final String name;
    private final ValueType type;
    private final boolean nullable;
    private final boolean filterable;
    private final boolean sortable;
    private final List<String> members;
    private final Function<T, Object> reader;
    private final boolean foldedAlready;
    private final boolean filterOnly;

    private Property(String name, ValueType type, boolean nullable, boolean filterable, boolean sortable,
                     List<String> members, Function<T, Object> reader, boolean filterOnly) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.nullable = nullable;
        this.filterable = filterable;
        this.sortable = sortable;
        this.members = List.copyOf(members);
        this.reader = Objects.requireNonNull(reader, "reader");
        this.filterOnly = filterOnly;
        this.foldedAlready = type == ValueType.ENUM
                && members.stream().allMatch(member -> member.equals(Values.folded(member)));
        if (sortable && !type.isComparable()) {
            throw new IllegalArgumentException(name + " holds " + type + " values, which do not compare");
        }
        if (type == ValueType.ENUM && members.isEmpty()) {
            throw new IllegalArgumentException(name + " is an enumeration without members");
        }
    }

    /** A property that may be filtered and ordered by, never null; strings compare ignoring case. */
    public static <T> Property<T> of(String name, ValueType type, Function<T, Object> reader) {
        return new Property<>(name, type, false, type.isComparable(), type.isComparable(), List.of(), reader, false);
    }

    /** An enumeration: one of {@code members}, held as spelled here, compared ignoring case as strings are. */
    public static <T> Property<T> enumeration(String name, List<String> members, Function<T, Object> reader) {
        return new Property<>(name, ValueType.ENUM, false, true, true, members, reader, false);
    }

    /** The same property, which may hold null. */
    public Property<T> nullable() {
        return new Property<>(name, type, true, filterable, sortable, members, reader, filterOnly);
    }

    /**
     * The same list of strings, which {@code $filter} may test with {@code any(x:x eq 'value')}; a store in SQL then
     * keeps its folded elements in a column of their own (see SqlTable).
     */
    public Property<T> filterableByAny() {
        if (type != ValueType.STRING_LIST) {
            throw new IllegalArgumentException(name + " is not a list of strings");
        }
        return new Property<>(name, type, nullable, true, false, members, reader, filterOnly);
    }

    /**
     * The same property, which {@code $filter} may test but answers never show: a path into an object property, such
     * as {@code initiatedBy/user/id}, or the elements of a list of objects that {@code any} tests, such as
     * {@code resources/resourceId} for {@code resources/any(r:r/resourceId eq '...')}.
     */
    public Property<T> filterOnly() {
        return new Property<>(name, type, nullable, filterable, false, members, reader, true);
    }

    /** The same property, which queries may select but neither filter nor order by. */
    public Property<T> selectOnly() {
        return new Property<>(name, type, nullable, false, false, members, reader, filterOnly);
    }

    /** The same property, which {@code $filter} may test and {@code $orderby} not name (a list kept in key order). */
    public Property<T> unordered() {
        return new Property<>(name, type, nullable, filterable, false, members, reader, filterOnly);
    }

    /**
     * The same property of items that each hold one of these, read through {@code part}: a collection whose items
     * extend another's (a script's result on a subject, which holds that result) declares its properties once.
     */
    public <S> Property<S> through(Function<S, T> part) {
        return new Property<>(name, type, nullable, filterable, sortable, members,
                item -> reader.apply(part.apply(item)), filterOnly);
    }

    public String name() {
        return name;
    }

    public ValueType type() {
        return type;
    }

    public boolean isNullable() {
        return nullable;
    }

    public boolean isFilterable() {
        return filterable;
    }

    public boolean isSortable() {
        return sortable;
    }

    /** Whether answers leave it out: it is there to be filtered by (see {@link #filterOnly()}). */
    public boolean isFilterOnly() {
        return filterOnly;
    }

    /**
     * Whether values compare ignoring case, as Intune compares strings and enumerations: then stores compare their
     * {@link Values#folded} forms.
     */
    public boolean ignoresCase() {
        return type.javaType() == String.class;
    }

    /** Whether every value is its own folded form already: an enumeration whose members are all in lower case. */
    public boolean isFoldedAlready() {
        return foldedAlready;
    }

    /** An enumeration's names, as held; empty for other types. */
    public List<String> members() {
        return members;
    }

    /** The member named {@code text} ignoring case, as held; empty when there is none. */
    public Optional<String> member(String text) {
        return members.stream().filter(member -> member.equalsIgnoreCase(text)).findFirst();
    }

    /** The item's value, of {@link ValueType#javaType()}, or null when it has none. */
    public Object valueOf(T item) {
        return reader.apply(item);
    }

    /** Compares two values of this property as filters and orders do: null before every value. */
    public int compare(Object left, Object right) {
        return Values.compare(left, right, ignoresCase());
    }

    @Override
    public String toString() {
        return name;
    }
}
