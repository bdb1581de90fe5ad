package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.Objects;

/**
 * A parsed assignment filter rule ({@link RuleParser}): comparisons joined by {@code and} and {@code or}; parentheses
 * only group, so they leave no node. {@link #matches} is the meaning of targeting.md 2.4, which every evaluation
 * elsewhere (SQL in the stores) must reproduce.
 */
public sealed interface FilterRule {

    /** Whether the device matches, as Intune evaluates the rule on it. */
    boolean matches(ManagedDevice device);

    /** The rule as text that {@link RuleParser} reads back into an equal rule. */
    String print();

    record Comparison(FilterProperty property, FilterOperator operator, Operand operand) implements FilterRule {
        public Comparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean matches(ManagedDevice device) {
            throw new UnsupportedOperationException("helper A");
        }

        @Override
        public String print() {
            throw new UnsupportedOperationException("helper A");
        }
    }

    record And(FilterRule left, FilterRule right) implements FilterRule {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(ManagedDevice device) {
            return left.matches(device) && right.matches(device);
        }

        @Override
        public String print() {
            throw new UnsupportedOperationException("helper A");
        }
    }

    record Or(FilterRule left, FilterRule right) implements FilterRule {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(ManagedDevice device) {
            return left.matches(device) || right.matches(device);
        }

        @Override
        public String print() {
            throw new UnsupportedOperationException("helper A");
        }
    }
}
