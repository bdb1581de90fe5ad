package dev.devicescripts.adapter.persistence.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/** A piece of a WHERE clause: SQL text and its parameters, in order. */
record Condition(String sql, List<Object> parameters) {
    static final Condition ALWAYS = new Condition("1 = 1", List.of());
    static final Condition NEVER = new Condition("1 = 0", List.of());

    Condition(String sql, Object... parameters) {
        this(sql, List.of(parameters));
    }

    Condition not() {
        return new Condition("NOT (" + sql + ")", parameters);
    }

    static Condition all(List<Condition> conditions) {
        return joined(conditions, " AND ");
    }

    static Condition any(List<Condition> conditions) {
        return joined(conditions, " OR ");
    }

    private static Condition joined(List<Condition> conditions, String operator) {
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        String sql = conditions.stream().map(Condition::sql).collect(Collectors.joining(operator, "(", ")"));
        return new Condition(sql, conditions.stream().flatMap(condition -> condition.parameters().stream()).toList());
    }
}
