package dev.devicescripts.application.query;

import dev.devicescripts.domain.DeviceManagementScript;
import java.util.Objects;

/**
 * A {@code $filter} over scripts, as a tree. {@link #matches} is the meaning every storage adapter must reproduce
 * (the contract tests hold them to it): OData's, with strings compared ignoring case as Intune does.
 */
public sealed interface ScriptFilter {

    boolean matches(DeviceManagementScript script);

    enum Operator { EQ, NE, GT, GE, LT, LE }

    enum StringFunction { STARTS_WITH, ENDS_WITH, CONTAINS }

    /**
     * {@code property op value}. Null equals only null, so {@code description ne 'x'} holds for a null description;
     * an ordering comparison with null on either side never holds.
     *
     * @param value of the property's {@link ScriptProperty#type()}, or null with eq and ne
     */
    record Comparison(ScriptProperty property, Operator operator, Object value) implements ScriptFilter {
        public Comparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            if (value == null && operator != Operator.EQ && operator != Operator.NE) {
                throw new IllegalArgumentException("Only eq and ne compare with null");
            }
            if (value != null && !property.type().isInstance(value)) {
                throw new IllegalArgumentException(property.graphName() + " compares with " + property.type()
                        .getSimpleName() + " values, not " + value.getClass().getSimpleName());
            }
        }

        @Override
        public boolean matches(DeviceManagementScript script) {
            Object actual = property.valueOf(script);
            if (actual == null || value == null) {
                boolean equal = actual == value;
                return operator == Operator.EQ ? equal : operator == Operator.NE && !equal;
            }
            int order = Values.ORDER.compare(actual, value);
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
    record StringMatch(StringFunction function, ScriptProperty property, String value) implements ScriptFilter {
        public StringMatch {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(value, "value");
            if (property.type() != String.class) {
                throw new IllegalArgumentException(property.graphName() + " is not a string property");
            }
        }

        @Override
        public boolean matches(DeviceManagementScript script) {
            Object actual = property.valueOf(script);
            if (actual == null) {
                return false;
            }
            String text = Values.folded((String) actual);
            String wanted = Values.folded(value);
            return switch (function) {
                case STARTS_WITH -> text.startsWith(wanted);
                case ENDS_WITH -> text.endsWith(wanted);
                case CONTAINS -> text.contains(wanted);
            };
        }
    }

    record And(ScriptFilter left, ScriptFilter right) implements ScriptFilter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(DeviceManagementScript script) {
            return left.matches(script) && right.matches(script);
        }
    }

    record Or(ScriptFilter left, ScriptFilter right) implements ScriptFilter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean matches(DeviceManagementScript script) {
            return left.matches(script) || right.matches(script);
        }
    }

    record Not(ScriptFilter operand) implements ScriptFilter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean matches(DeviceManagementScript script) {
            return !operand.matches(script);
        }
    }
}
