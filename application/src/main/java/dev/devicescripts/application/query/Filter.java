package dev.devicescripts.application.query;

import java.util.List;
import java.util.Objects;

/**
 * A {@code $filter} over a collection's items, as a tree. {@link #matches} is the meaning every storage adapter must
 * reproduce (the contract tests hold them to it): OData's, with strings compared as their property says.
 *
 * @param <T> the items' type
 */
public sealed interface Filter<T> {

    boolean matches(T item);

    enum Operator { EQ, NE, GT, GE, LT, LE }

    enum StringFunction { STARTS_WITH, ENDS_WITH, CONTAINS }

    /**
     * {@code property op value}. Null equals only null, so {@code description ne 'x'} holds for a null description;
     * an ordering comparison with null on either side never holds.
     *
     * @param value of the property's {@link ValueType#javaType()}, or null with eq and ne
     */
    record Comparison<T>(Property<T> property, Operator operator, Object value) implements Filter<T> {
        public Comparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            if (!property.type().isComparable()) {
                throw new IllegalArgumentException(property.name() + " does not compare");
            }
            if (value == null && operator != Operator.EQ && operator != Operator.NE) {
                throw new IllegalArgumentException("Only eq and ne compare with null");
            }
            if (value != null && !property.type().javaType().isInstance(value)) {
                throw new IllegalArgumentException(property.name() + " compares with " + property.type().javaType()
                        .getSimpleName() + " values, not " + value.getClass().getSimpleName());
            }
        }

        @Override
        public boolean matches(T item) {
            Object actual = property.valueOf(item);
            if (actual == null || value == null) {
                boolean equal = actual == value;
                return operator == Operator.EQ ? equal : operator == Operator.NE && !equal;
            }
            int order = property.compare(actual, value);
            return switch (operator) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                case LT -> order < 0;
                case LE -> order <= 0;
            };
        }
    }

    /** {@code startswith(property,'value')} and its kin, on string properties; never holds for a null property. */
    record StringMatch<T>(StringFunction function, Property<T> property, String value) implements Filter<T> {
        public StringMatch {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(value, "value");
            if (property.type().javaType() != String.class) {
                throw new IllegalArgumentException(property.name() + " is not a string property");
            }
        }

        @Override
        public boolean matches(T item) {
            Object actual = property.valueOf(item);
            if (actual == null) {
                return false;
            }
            String text = property.ignoresCase() ? Values.folded((String) actual) : (String) actual;
            String wanted = property.ignoresCase() ? Values.folded(value) : value;
            return switch (function) {
                case STARTS_WITH -> text.startsWith(wanted);
                case ENDS_WITH -> text.endsWith(wanted);
                case CONTAINS -> text.contains(wanted);
            };
        }
    }

    /**
     * {@code property in (v1, v2, ...)}: equal to one of the values as {@code eq} compares; never holds for null.
     *
     * @param values one or more, none null, each of the property's {@link ValueType#javaType()}
     */
    record In<T>(Property<T> property, List<Object> values) implements Filter<T> {
        public In {
            Objects.requireNonNull(property, "property");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("in needs at least one value");
            }
            if (!property.type().isComparable()) {
                throw new IllegalArgumentException(property.name() + " does not compare");
            }
            if (values.stream().anyMatch(value -> !property.type().javaType().isInstance(value))) {
                throw new IllegalArgumentException(property.name() + " compares with " + property.type().javaType()
                        .getSimpleName() + " values only");
            }
        }

        @Override
        public boolean matches(T item) {
            Object actual = property.valueOf(item);
            return actual != null && values.stream().anyMatch(value -> property.compare(actual, value) == 0);
        }
    }

    /**
     * {@code property/any(x:x eq 'value')} on a list of strings: some element equals the value, ignoring case as
     * strings compare; never holds for a null or empty list.
     */
    record AnyEquals<T>(Property<T> property, String value) implements Filter<T> {
        public AnyEquals {
            Objects.requireNonNull(value, "value");
            if (property.type() != ValueType.STRING_LIST) {
                throw new IllegalArgumentException(property.name() + " is not a list of strings");
            }
        }

        @Override
        public boolean matches(T item) {
            List<?> elements = (List<?>) property.valueOf(item);
            return elements != null && elements.stream()
                    .anyMatch(element -> Values.folded((String) element).equals(Values.folded(value)));
        }
    }

    record And<T>(Filter<T> left, Filter<T> right) implements Filter<T> {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(T item) {
            return left.matches(item) && right.matches(item);
        }
    }

    record Or<T>(Filter<T> left, Filter<T> right) implements Filter<T> {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(T item) {
            return left.matches(item) || right.matches(item);
        }
    }

    record Not<T>(Filter<T> operand) implements Filter<T> {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean matches(T item) {
            return !operand.matches(item);
        }
    }
}
