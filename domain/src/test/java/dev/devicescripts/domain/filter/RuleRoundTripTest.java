package dev.devicescripts.domain.filter;

import static dev.devicescripts.domain.filter.PropertyTableTest.WINDOWS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.filter.FilterRule.And;
import dev.devicescripts.domain.filter.FilterRule.Comparison;
import dev.devicescripts.domain.filter.FilterRule.Or;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random rules from the grammar over the Windows table: what {@link FilterRule#print} writes parses back to the same
 * rule, and so does any spelling of it the language allows (case, dashes, white space, redundant parentheses, bare or
 * quoted versions, {@code $null}, one-item lists as bare strings, padded values, trailing commas).
 */
class RuleRoundTripTest {
    /** Odd but legal characters inside a string: apostrophes, backslashes, tabs, spaces, brackets, non-ASCII. */
    private static final String CHARACTERS = "aZ09-_.'\\\t ()[],$é中";

    @Property
    void aPrintedRuleParsesBackToItself(@ForAll("rules") FilterRule rule) {
        assertThat(RuleParser.parse(rule.print(), WINDOWS)).isEqualTo(rule);
    }

    @Property
    void everySpellingOfARuleParsesToIt(@ForAll("rules") FilterRule rule, @ForAll Random random) {
        String spelled = new Speller(random).rule(rule);
        Assume.that(spelled.length() <= RuleParser.MAX_RULE_LENGTH);

        assertThat(RuleParser.parse(spelled, WINDOWS)).as(spelled).isEqualTo(rule);
    }

    @Provide
    Arbitrary<FilterRule> rules() {
        return Arbitraries.recursive(this::comparisons, this::joined, 0, 5)
                .filter(rule -> rule.print().length() <= RuleParser.MAX_RULE_LENGTH);
    }

    private Arbitrary<FilterRule> joined(Arbitrary<FilterRule> rules) {
        return Combinators.combine(rules, rules, Arbitraries.of(true, false))
                .as((left, right, and) -> and ? new And(left, right) : new Or(left, right));
    }

    private Arbitrary<FilterRule> comparisons() {
        return Arbitraries.of(WINDOWS.properties()).flatMap(property -> Arbitraries.of(property.operators())
                .flatMap(operator -> operands(property, operator)
                        .map(operand -> new Comparison(property, operator, operand))));
    }

    private static Arbitrary<Operand> operands(FilterProperty property, FilterOperator operator) {
        if (property.kind() == FilterProperty.Kind.VERSION) {
            return versions();
        }
        return switch (operator) {
            case IN, NOT_IN -> Arbitraries.oneOf(values(), Arbitraries.just("")).list().ofMinSize(1).ofMaxSize(4)
                    .map(Operand.TextList::new);
            case EQ, NE -> Arbitraries.<Operand>oneOf(values().map(Operand.Text::new),
                    Arbitraries.just(new Operand.Null()));
            default -> values().map(Operand.Text::new);
        };
    }

    /** A value as the parser keeps it: trimmed, or white space only; sometimes one of the table's values. */
    private static Arbitrary<String> values() {
        Arbitrary<String> trimmed = Arbitraries.strings().withChars(CHARACTERS).ofMinLength(1).ofMaxLength(12)
                .map(String::strip).filter(value -> !value.isEmpty());
        return Arbitraries.oneOf(trimmed, Arbitraries.strings().withChars(" \t").ofMinLength(1).ofMaxLength(3),
                Arbitraries.of(WINDOWS.properties().stream().flatMap(property -> property.values().stream()).toList()));
    }

    private static Arbitrary<Operand> versions() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).list().ofMinSize(2).ofMaxSize(4)
                .map(parts -> String.join(".", parts))
                .map(text -> new Operand.Version(OsVersion.parse(text).orElseThrow(), text));
    }

    /** Writes a rule in one of the many ways the language allows, chosen at random. */
    private record Speller(Random random) {
        String rule(FilterRule rule) {
            return space(true) + node(rule, false) + space(true);
        }

        /** {@code grouped}: whether the tree needs parentheses around this node where it stands. */
        private String node(FilterRule rule, boolean grouped) {
            String text;
            if (rule instanceof And and) {
                text = node(and.left(), and.left() instanceof Or) + connector("and")
                        + node(and.right(), !(and.right() instanceof Comparison));
            } else if (rule instanceof Or or) {
                text = node(or.left(), false) + connector("or") + node(or.right(), or.right() instanceof Or);
            } else {
                text = comparison((Comparison) rule);
            }
            return grouped || random.nextInt(5) == 0 ? "(" + space(true) + text + space(true) + ")" : text;
        }

        private String comparison(Comparison comparison) {
            return mixedCase("device." + comparison.property().name()) + space(false) + dash()
                    + mixedCase(comparison.operator().keyword()) + space(false) + operand(comparison.operand());
        }

        private String operand(Operand operand) {
            if (operand instanceof Operand.Text text) {
                return quoted(text.value());
            }
            if (operand instanceof Operand.TextList list) {
                if (list.values().size() == 1 && !list.values().get(0).isEmpty() && random.nextBoolean()) {
                    return quoted(list.values().get(0));
                }
                String separator = space(true) + "," + space(true);
                return "[" + space(true) + list.values().stream().map(this::quoted)
                        .collect(Collectors.joining(separator)) + (random.nextBoolean() ? separator : "")
                        + space(true) + "]";
            }
            if (operand instanceof Operand.Version version) {
                return random.nextBoolean() ? version.text() : "\"" + version.text() + "\"";
            }
            return mixedCase(random.nextBoolean() ? "null" : "$null");
        }

        /** A value padded with white space, which the parser trims, unless it is white space only or empty. */
        private String quoted(String value) {
            String pad = value.isBlank() ? "" : List.of("", " ", "\t", "  ").get(random.nextInt(4));
            return "\"" + pad + value + pad + "\"";
        }

        private String connector(String keyword) {
            return space(false) + dash() + mixedCase(keyword) + space(false);
        }

        private String dash() {
            return random.nextBoolean() ? "-" : "";
        }

        private String mixedCase(String word) {
            StringBuilder mixed = new StringBuilder();
            for (char c : word.toCharArray()) {
                mixed.append(random.nextBoolean() ? c : Character.toUpperCase(c));
            }
            return random.nextInt(4) == 0 ? word.toLowerCase(Locale.ROOT) : mixed.toString();
        }

        /** White space of the grammar: none or some when {@code optional}, at least one character otherwise. */
        private String space(boolean optional) {
            int length = random.nextInt(3) + (optional ? 0 : 1);
            StringBuilder space = new StringBuilder();
            for (int i = 0; i < length; i++) {
                space.append(" \t\r\n".charAt(random.nextInt(4)));
            }
            return space.toString();
        }
    }
}
