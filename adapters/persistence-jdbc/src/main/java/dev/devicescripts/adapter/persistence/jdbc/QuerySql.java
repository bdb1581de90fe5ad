package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Filter.Comparison;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Filter.StringMatch;
import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.application.query.Values;
import dev.devicescripts.domain.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The query model in SQL over any collection's {@link SqlTable}: filters and cursors become conditions whose values
 * are all bind parameters, orders become an ORDER BY. Every condition is two-valued like {@link Filter#matches}: a
 * leaf tests for null itself and never yields SQL's unknown, so NOT, AND and OR mean what they mean in Java. The same
 * SQL runs on H2 and PostgreSQL.
 */
final class QuerySql<T> {

    private final SqlTable<T> table;

    QuerySql(SqlTable<T> table) {
        this.table = table;
    }

    /**
     * The tenant's items that the query's filter matches and that come after its cursor, among those that
     * {@code within} holds (a condition on what the list reads, such as which membership walk) unless it is null.
     */
    Condition listed(TenantId tenant, Query<T> query, Condition within) {
        Stream<Condition> after = query.after().map(cursor -> after(tenant, query.orderBy(), cursor)).stream();
        return Condition.all(Stream.concat(Stream.of(counted(tenant, query.filter(), within)), after).toList());
    }

    /** The tenant's items that the filter matches, among those that {@code within} holds unless it is null. */
    Condition counted(TenantId tenant, Optional<Filter<T>> filter, Condition within) {
        Condition ofTenant = new Condition(table.tenantColumn() + " = ?", tenant.value());
        List<Condition> all = Stream.of(Stream.of(ofTenant), Stream.ofNullable(within),
                filter.map(matched -> matching(tenant, matched)).stream()).flatMap(conditions -> conditions).toList();
        return Condition.all(all);
    }

    /**
     * The query's order as Query#comparator has it. Null comes first ascending and last descending, as in Values;
     * that is said only of columns that may hold null, so that PostgreSQL still reads the others in the order of their
     * index. The key last breaks ties. The tenant comes first although it is fixed (SqlTable#fixedColumns): only then
     * does H2 see that its per-tenant index already holds the page's order and stop reading after one page, instead of
     * reading and sorting all the tenant's items.
     */
    String orderBy(List<SortKey<T>> keys) {
        Stream<String> byKeys = keys.stream().map(key -> table.comparable(key.property())
                + (key.descending() ? " DESC" : "")
                + (!key.property().isNullable() ? "" : key.descending() ? " NULLS LAST" : " NULLS FIRST"));
        return Stream.of(table.fixedColumns().stream(), byKeys, Stream.of(table.column(table.set().key())))
                .flatMap(key -> key).collect(Collectors.joining(", "));
    }

    /** The items the filter matches; the tenant's, of a list in a {@link SqlTable.SideTable}. */
    Condition matching(TenantId tenant, Filter<T> filter) {
        if (filter instanceof Comparison<T> comparison) {
            return comparison(comparison.property(), comparison.operator(), comparison.value());
        }
        if (filter instanceof StringMatch<T> match) {
            return stringMatch(match);
        }
        if (filter instanceof Filter.In<T> in) {
            return in(in);
        }
        if (filter instanceof Filter.AnyEquals<T> any && table.sideTable(any.property()).isPresent()) {
            SqlTable.SideTable side = table.sideTable(any.property()).get();
            return new Condition("(" + table.column(table.set().key()) + " IN (SELECT id FROM " + side.table()
                    + " WHERE tenant_id = ? AND " + side.column() + " = ?))", tenant.value(),
                    Values.folded(any.value()));
        }
        if (filter instanceof Filter.AnyEquals<T> any) {
            return notNullAnd(any.property(), new Condition("(" + table.comparable(any.property())
                    + " LIKE ? ESCAPE '\\')", "%|" + likeLiteral(SqlTable.listElement(any.value())) + "|%"));
        }
        if (filter instanceof Filter.And<T> and) {
            return Condition.all(List.of(matching(tenant, and.left()), matching(tenant, and.right())));
        }
        if (filter instanceof Filter.Or<T> or) {
            return Condition.any(List.of(matching(tenant, or.left()), matching(tenant, or.right())));
        }
        return matching(tenant, ((Filter.Not<T>) filter).operand()).not();
    }

    /**
     * What Query#isAfter says, lexicographically: beyond the cursor on the first key, or equal on it and beyond on the
     * next, and so on, the item's key last. Each step is a filter, so nulls follow {@link Filter#matches}.
     */
    private Condition after(TenantId tenant, List<SortKey<T>> keys, PageCursor cursor) {
        List<Condition> ways = new ArrayList<>();
        List<Condition> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SortKey<T> key = keys.get(i);
            Object value = cursor.values().get(i);
            List<Condition> beyondHere = new ArrayList<>(equalSoFar);
            beyond(key, value).ifPresent(beyond -> {
                beyondHere.add(matching(tenant, beyond));
                ways.add(Condition.all(beyondHere));
            });
            equalSoFar.add(comparison(key.property(), Operator.EQ, value));
        }
        equalSoFar.add(new Condition(table.column(table.set().key()) + " > ?", cursor.lastKey()));
        ways.add(Condition.all(equalSoFar));
        // Implied by the ways, but stated alone it lets the database start reading an index at the cursor instead of
        // reading past every item before it. Ordered by the key alone (the directory's default), the ways say it.
        Optional<Filter<T>> notBefore = keys.isEmpty() ? Optional.empty()
                : notBefore(keys.get(0), cursor.values().get(0));
        return Condition.all(Stream.concat(notBefore.map(first -> matching(tenant, first)).stream(),
                Stream.of(Condition.any(ways))).toList());
    }

    /** The items strictly beyond the value on this key; none come after null descending, where null is last. */
    private Optional<Filter<T>> beyond(SortKey<T> key, Object value) {
        Property<T> property = key.property();
        if (!key.descending()) {
            return Optional.of(new Comparison<>(property, value == null ? Operator.NE : Operator.GT, value));
        }
        return value == null ? Optional.empty() : Optional.of(new Filter.Not<>(
                new Comparison<>(property, Operator.GE, value)));
    }

    /** The items equal to the value on this key or beyond it; empty when that is every item. */
    private Optional<Filter<T>> notBefore(SortKey<T> key, Object value) {
        Property<T> property = key.property();
        if (!key.descending()) {
            return value == null ? Optional.empty() : Optional.of(new Comparison<>(property, Operator.GE, value));
        }
        return Optional.of(value == null ? new Comparison<>(property, Operator.EQ, null)
                : new Filter.Not<>(new Comparison<>(property, Operator.GT, value)));
    }

    private Condition comparison(Property<T> property, Operator operator, Object value) {
        if (value == null) {
            return new Condition(table.column(property) + (operator == Operator.EQ ? " IS NULL" : " IS NOT NULL"));
        }
        if (value instanceof Instant instant && !instant.equals(instant.truncatedTo(ChronoUnit.MICROS))) {
            return comparisonOfWholeMicros(property, operator, instant);
        }
        Condition test = new Condition("(" + table.comparable(property) + " " + symbol(operator) + " ?)",
                value instanceof String text && property.ignoresCase() ? Values.folded(text) : value);
        return operator == Operator.NE ? orNull(property, test) : notNullAnd(property, test);
    }

    /**
     * Stored times are whole microseconds (the domain keeps no finer), but a filter's may be finer, and PostgreSQL
     * would round such a parameter: the same comparison, restated with the whole microsecond before it.
     */
    private Condition comparisonOfWholeMicros(Property<T> property, Operator operator, Instant instant) {
        Instant before = instant.truncatedTo(ChronoUnit.MICROS);
        return switch (operator) {
            case EQ -> Condition.NEVER;
            case NE -> Condition.ALWAYS;
            case GT, GE -> comparison(property, Operator.GT, before);
            case LT, LE -> comparison(property, Operator.LE, before);
        };
    }

    /** {@code column IN (?, ?)}: a null column is in no list, so the test alone never yields unknown. */
    private Condition in(Filter.In<T> in) {
        Property<T> property = in.property();
        List<Object> values = in.values().stream()
                .map(value -> value instanceof String text && property.ignoresCase() ? Values.folded(text) : value)
                .toList();
        String marks = values.stream().map(value -> "?").collect(Collectors.joining(", "));
        return notNullAnd(property, new Condition("(" + table.comparable(property) + " IN (" + marks + "))",
                values.toArray()));
    }

    private Condition stringMatch(StringMatch<T> match) {
        String value = match.property().ignoresCase() ? Values.folded(match.value()) : match.value();
        String literal = likeLiteral(value);
        String pattern = switch (match.function()) {
            case STARTS_WITH -> literal + "%";
            case ENDS_WITH -> "%" + literal;
            case CONTAINS -> "%" + literal + "%";
        };
        return notNullAnd(match.property(),
                new Condition("(" + table.comparable(match.property()) + " LIKE ? ESCAPE '\\')", pattern));
    }

    /** The text as a LIKE pattern matches it literally, its wildcards and the escape character escaped. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Condition notNullAnd(Property<T> property, Condition test) {
        return !property.isNullable() ? test
                : Condition.all(List.of(new Condition(table.column(property) + " IS NOT NULL"), test));
    }

    private Condition orNull(Property<T> property, Condition test) {
        return !property.isNullable() ? test
                : Condition.any(List.of(new Condition(table.column(property) + " IS NULL"), test));
    }

    private static String symbol(Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
        };
    }
}
