package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.application.query.ScriptFilter;
import dev.devicescripts.application.query.ScriptFilter.Comparison;
import dev.devicescripts.application.query.ScriptFilter.Operator;
import dev.devicescripts.application.query.ScriptFilter.StringMatch;
import dev.devicescripts.application.query.ScriptProperty;
import dev.devicescripts.application.query.ScriptQuery;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The list query model in SQL over device_management_script as {@code s}: filters and cursors become conditions whose
 * values are all bind parameters, orders become an ORDER BY. Every condition is two-valued like
 * {@link ScriptFilter#matches}: a leaf tests for null itself and never yields SQL's unknown, so NOT, AND and OR mean
 * what they mean in Java.
 */
final class ScriptQuerySql {

    /** SQL text and its parameters, in order. */
    record Condition(String sql, List<Object> parameters) {
        private static final Condition ALWAYS = new Condition("1 = 1", List.of());
        private static final Condition NEVER = new Condition("1 = 0", List.of());

        Condition(String sql, Object... parameters) {
            this(sql, List.of(parameters));
        }

        Condition not() {
            return new Condition("NOT (" + sql + ")", parameters);
        }
    }

    private ScriptQuerySql() {
    }

    /** The tenant's scripts that the query's filter matches and that come after its cursor. */
    static Condition listed(TenantId tenant, ScriptQuery query) {
        Stream<Condition> after = query.after().map(cursor -> after(query.orderBy(), cursor)).stream();
        return all(Stream.concat(Stream.of(counted(tenant, query.filter())), after).toList());
    }

    /** The tenant's scripts that the filter matches. */
    static Condition counted(TenantId tenant, Optional<ScriptFilter> filter) {
        Condition ofTenant = new Condition("s.tenant_id = ?", tenant.value());
        return filter.map(wanted -> all(List.of(ofTenant, matching(wanted)))).orElse(ofTenant);
    }

    /**
     * The query's order as ScriptQuery#comparator has it. Null comes first ascending and last descending, as in
     * Values.ORDER; that is said only of columns that may hold null, so that PostgreSQL still reads the others in the
     * order of their index. The id's text orders as its uuid column does in H2 and PostgreSQL (unsigned, byte by byte).
     * The tenant comes first although it is fixed: only then does H2 see that its per-tenant index already holds the
     * page's order and stop reading after one page, instead of reading and sorting all the tenant's scripts.
     */
    static String orderBy(List<SortKey> keys) {
        Stream<String> byKeys = keys.stream().map(key -> comparable(key.property())
                + (key.descending() ? " DESC" : "")
                + (key.property().isRequired() ? "" : key.descending() ? " NULLS LAST" : " NULLS FIRST"));
        return Stream.of(Stream.of("s.tenant_id"), byKeys, Stream.of("s.id")).flatMap(key -> key)
                .collect(Collectors.joining(", "));
    }

    static Condition matching(ScriptFilter filter) {
        if (filter instanceof Comparison comparison) {
            return comparison(comparison.property(), comparison.operator(), comparison.value());
        }
        if (filter instanceof StringMatch match) {
            return stringMatch(match);
        }
        if (filter instanceof ScriptFilter.And and) {
            return all(List.of(matching(and.left()), matching(and.right())));
        }
        if (filter instanceof ScriptFilter.Or or) {
            return any(List.of(matching(or.left()), matching(or.right())));
        }
        return matching(((ScriptFilter.Not) filter).operand()).not();
    }

    /**
     * What ScriptQuery#isAfter says, lexicographically: beyond the cursor on the first key, or equal on it and beyond
     * on the next, and so on, the id last. Each step is a filter, so nulls follow {@link ScriptFilter#matches}.
     */
    private static Condition after(List<SortKey> keys, PageCursor cursor) {
        List<Condition> ways = new ArrayList<>();
        List<Condition> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            Object value = cursor.values().get(i);
            List<Condition> beyondHere = new ArrayList<>(equalSoFar);
            beyond(key, value).ifPresent(beyond -> {
                beyondHere.add(matching(beyond));
                ways.add(all(beyondHere));
            });
            equalSoFar.add(comparison(key.property(), Operator.EQ, value));
        }
        equalSoFar.add(new Condition("s.id > ?", cursor.lastId().value()));
        ways.add(all(equalSoFar));
        // Implied by the ways, but stated alone it lets the database start reading an index at the cursor instead of
        // reading past every script before it.
        Optional<ScriptFilter> notBefore = notBefore(keys.get(0), cursor.values().get(0));
        return all(Stream.concat(notBefore.map(ScriptQuerySql::matching).stream(), Stream.of(any(ways))).toList());
    }

    /** The scripts strictly beyond the value on this key; none come after null descending, where null is last. */
    private static Optional<ScriptFilter> beyond(SortKey key, Object value) {
        ScriptProperty property = key.property();
        if (!key.descending()) {
            return Optional.of(new Comparison(property, value == null ? Operator.NE : Operator.GT, value));
        }
        return value == null ? Optional.empty() : Optional.of(new ScriptFilter.Not(
                new Comparison(property, Operator.GE, value)));
    }

    /** The scripts equal to the value on this key or beyond it; empty when that is every script. */
    private static Optional<ScriptFilter> notBefore(SortKey key, Object value) {
        ScriptProperty property = key.property();
        if (!key.descending()) {
            return value == null ? Optional.empty() : Optional.of(new Comparison(property, Operator.GE, value));
        }
        return Optional.of(value == null ? new Comparison(property, Operator.EQ, null)
                : new ScriptFilter.Not(new Comparison(property, Operator.GT, value)));
    }

    private static Condition comparison(ScriptProperty property, Operator operator, Object value) {
        String column = "s." + column(property);
        if (value == null) {
            return new Condition(column + (operator == Operator.EQ ? " IS NULL" : " IS NOT NULL"));
        }
        if (value instanceof Instant instant && !instant.equals(instant.truncatedTo(ChronoUnit.MICROS))) {
            return comparisonOfWholeMicros(property, operator, instant);
        }
        Condition test = new Condition("(" + comparable(property) + " " + symbol(operator) + " ?)",
                value instanceof String text ? ScriptProperty.folded(text) : value);
        return operator == Operator.NE ? orNull(property, test) : notNullAnd(property, test);
    }

    /**
     * Stored times are whole microseconds (DeviceManagementScript keeps no finer), but a filter's may be finer, and
     * PostgreSQL would round such a parameter: the same comparison, restated with the whole microsecond before it.
     */
    private static Condition comparisonOfWholeMicros(ScriptProperty property, Operator operator, Instant instant) {
        Instant before = instant.truncatedTo(ChronoUnit.MICROS);
        return switch (operator) {
            case EQ -> Condition.NEVER;
            case NE -> Condition.ALWAYS;
            case GT, GE -> comparison(property, Operator.GT, before);
            case LT, LE -> comparison(property, Operator.LE, before);
        };
    }

    private static Condition stringMatch(StringMatch match) {
        String literal = ScriptProperty.folded(match.value())
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = switch (match.function()) {
            case STARTS_WITH -> literal + "%";
            case ENDS_WITH -> "%" + literal;
            case CONTAINS -> "%" + literal + "%";
        };
        return notNullAnd(match.property(),
                new Condition("(" + comparable(match.property()) + " LIKE ? ESCAPE '\\')", pattern));
    }

    private static Condition notNullAnd(ScriptProperty property, Condition test) {
        return property.isRequired() ? test
                : all(List.of(new Condition("s." + column(property) + " IS NOT NULL"), test));
    }

    private static Condition orNull(ScriptProperty property, Condition test) {
        return property.isRequired() ? test
                : any(List.of(new Condition("s." + column(property) + " IS NULL"), test));
    }

    private static Condition all(List<Condition> conditions) {
        return joined(conditions, " AND ");
    }

    private static Condition any(List<Condition> conditions) {
        return joined(conditions, " OR ");
    }

    private static Condition joined(List<Condition> conditions, String operator) {
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        String sql = conditions.stream().map(Condition::sql).collect(Collectors.joining(operator, "(", ")"));
        return new Condition(sql, conditions.stream().flatMap(condition -> condition.parameters().stream()).toList());
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

    /**
     * The property's value as filters and orders compare it: strings in the columns that hold them folded (see V4),
     * the run-as account as stored, which is in lower case already.
     */
    private static String comparable(ScriptProperty property) {
        return switch (property) {
            case DISPLAY_NAME -> "s.display_name_folded";
            case DESCRIPTION -> "s.description_folded";
            case FILE_NAME -> "s.file_name_folded";
            default -> "s." + column(property);
        };
    }

    private static String column(ScriptProperty property) {
        return switch (property) {
            case DISPLAY_NAME -> "display_name";
            case DESCRIPTION -> "description";
            case FILE_NAME -> "file_name";
            case RUN_AS_ACCOUNT -> "run_as_account";
            case ENFORCE_SIGNATURE_CHECK -> "enforce_signature_check";
            case RUN_AS_32_BIT -> "run_as_32_bit";
            case CREATED_DATE_TIME -> "created_date_time";
            case LAST_MODIFIED_DATE_TIME -> "last_modified_date_time";
        };
    }
}
