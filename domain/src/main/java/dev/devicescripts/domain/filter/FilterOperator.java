package dev.devicescripts.domain.filter;

import java.util.Arrays;
import java.util.Optional;

/**
 * An operator of the rule language, with its keyword in rules ({@code eq}, written {@code -eq} or {@code eq}) and its
 * name in Graph's assignmentFilterOperator enum ({@code equals}), which getSupportedProperties lists.
 */
public enum FilterOperator {
    EQ("eq", "equals"),
    NE("ne", "notEquals"),
    STARTS_WITH("startsWith", "startsWith"),
    CONTAINS("contains", "contains"),
    NOT_CONTAINS("notContains", "notContains"),
    IN("in", "in"),
    NOT_IN("notIn", "notIn"),
    GT("gt", "greaterThan"),
    GE("ge", "greaterThanOrEquals"),
    LT("lt", "lessThan"),
    LE("le", "lessThanOrEquals");

    private final String keyword;
    private final String graphName;

    FilterOperator(String keyword, String graphName) {
        this.keyword = keyword;
        this.graphName = graphName;
    }

    /** How a rule writes it, without the optional dash: {@code eq}, {@code notIn}. */
    public String keyword() {
        return keyword;
    }

    public String graphName() {
        return graphName;
    }

    /** The operator a rule writes as {@code word} (no dash), ignoring case. */
    public static Optional<FilterOperator> ofKeyword(String word) {
        return Arrays.stream(values()).filter(operator -> operator.keyword.equalsIgnoreCase(word)).findFirst();
    }
}
