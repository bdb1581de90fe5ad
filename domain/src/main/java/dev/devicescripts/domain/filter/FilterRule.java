package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed assignment filter rule ({@link RuleParser}): comparisons joined by {@code and} and {@code or}; parentheses
 * only group, so they leave no node. {@link #matches} is the meaning of targeting.md 2.4, which every evaluation
 * elsewhere (SQL in the stores) must reproduce.
 */
public sealed interface FilterRule {

    /** Whether the device matches, as Intune evaluates the rule on it. */
    boolean matches(ManagedDevice device);

    /**
     * The rule as text that {@link RuleParser} reads back into an equal rule, with the least parentheses that keep its
     * tree. It writes {@code -eq}, {@code -and} and lists with {@code ", "}, so it may be longer than the text parsed.
     */
    String print();

    record Comparison(FilterProperty property, FilterOperator operator, Operand operand) implements FilterRule {
        public Comparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean matches(ManagedDevice device) {
            return holdsFor(property.valueOf(device));
        }

        /**
         * Whether a device whose property has the filter-side {@code value} matches (targeting.md 2.4). Null, or an
         * empty text, is a device without a value: {@code -eq null}, {@code -ne} a text, {@code -notContains} and
         * {@code -notIn} hold for it, the other operators do not; an item {@code ""} of a list (our decision, the
         * only place the language allows it) stands for no value, so {@code -in ["", "x"]} is "none or x" and
         * {@code -notIn [""]} is "has a value". Texts compare ignoring case; a version compares by parts, and a value
         * that is not a version holds only for {@code -ne}.
         */
        public boolean holdsFor(String value) {
            String actual = value == null || value.isEmpty() ? null : value;
            if (operand instanceof Operand.Null) {
                return (actual == null) == (operator == FilterOperator.EQ);
            }
            if (operand instanceof Operand.Version version) {
                return actual == null ? operator == FilterOperator.NE : comparesTo(actual, version.version());
            }
            if (operand instanceof Operand.TextList list) {
                boolean listed = list.values().stream()
                        .anyMatch(item -> item.isEmpty() ? actual == null : actual != null && same(actual, item));
                return listed == (operator == FilterOperator.IN);
            }
            String text = FilterProperty.fold(((Operand.Text) operand).value());
            if (actual == null) {
                return operator == FilterOperator.NE || operator == FilterOperator.NOT_CONTAINS;
            }
            String folded = FilterProperty.fold(actual);
            return switch (operator) {
                case EQ -> folded.equals(text);
                case NE -> !folded.equals(text);
                case STARTS_WITH -> folded.startsWith(text);
                case CONTAINS -> folded.contains(text);
                case NOT_CONTAINS -> !folded.contains(text);
                default -> throw new IllegalStateException(operator + " does not take a text");
            };
        }

        private boolean comparesTo(String actual, OsVersion version) {
            Optional<OsVersion> parsed = OsVersion.parse(actual);
            if (parsed.isEmpty()) {
                return operator == FilterOperator.NE;
            }
            int order = parsed.get().compareTo(version);
            return switch (operator) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                default -> throw new IllegalStateException(operator + " does not compare versions");
            };
        }

        private static boolean same(String actual, String item) {
            return FilterProperty.fold(actual).equals(FilterProperty.fold(item));
        }

        @Override
        public String print() {
            return "device." + property.name() + " -" + operator.keyword() + " " + printed(operand);
        }

        private static String printed(Operand operand) {
            if (operand instanceof Operand.Text text) {
                return quoted(text.value());
            }
            if (operand instanceof Operand.TextList list) {
                return list.values().stream().map(Comparison::quoted).collect(Collectors.joining(", ", "[", "]"));
            }
            if (operand instanceof Operand.Version version) {
                return version.text();
            }
            return "null";
        }

        private static String quoted(String value) {
            return '"' + value + '"';
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

        /** Parentheses only where the parser would otherwise build another tree: an Or inside, an And on the right. */
        @Override
        public String print() {
            return (left instanceof Or ? grouped(left) : left.print()) + " -and "
                    + (right instanceof Comparison ? right.print() : grouped(right));
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

        /** Parentheses only where the parser would otherwise build another tree: an Or on the right. */
        @Override
        public String print() {
            return left.print() + " -or " + (right instanceof Or ? grouped(right) : right.print());
        }
    }

    private static String grouped(FilterRule rule) {
        return "(" + rule.print() + ")";
    }
}
