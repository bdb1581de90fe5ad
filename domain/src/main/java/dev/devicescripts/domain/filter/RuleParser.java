package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.WhiteSpace;
import dev.devicescripts.domain.filter.FilterProperty.Kind;
import dev.devicescripts.domain.filter.FilterRule.And;
import dev.devicescripts.domain.filter.FilterRule.Comparison;
import dev.devicescripts.domain.filter.FilterRule.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the rule language of targeting.md 2.1 and 2.2 against one platform's {@link PropertyTable}.
 *
 * <p>It reads token by token, so the first token that breaks a rule is the one reported. Values are trimmed of white
 * space (a value of white space only is kept as written); enumerated values are not checked, as Intune does not
 * check them. A bare version after {@code -eq} or {@code -ne} on a text property is that text. A rule longer than
 * {@link #MAX_RULE_LENGTH} is refused at that position before anything else is read. Parentheses are the only
 * recursion, capped at {@link #MAX_NESTING}; chains of {@code -and} and {@code -or} are loops.
 */
public final class RuleParser {
    /** Graph's limit on a rule's length. */
    public static final int MAX_RULE_LENGTH = 3_072;
    /** Ours (targeting.md 2.5): beyond them a rule is invalid. */
    public static final int MAX_NESTING = 64;
    public static final int MAX_TOKENS = 1_024;

    private static final String PREFIX = "device.";
    private static final String EXAMPLE = "such as device.deviceName -eq \"LAB-042\"";

    private final String text;
    private final PropertyTable table;
    /** Where the next token's reading starts. */
    private int position;
    /** The token read ahead, or null. */
    private Token next;
    private int tokens;

    private RuleParser(String text, PropertyTable table) {
        this.text = text;
        this.table = table;
    }

    /**
     * The rule {@code text} spells for the table's platform.
     *
     * @throws InvalidRuleException when the rule is invalid, at the first token that makes it so
     */
    public static FilterRule parse(String text, PropertyTable table) {
        if (text.length() > MAX_RULE_LENGTH) {
            throw new InvalidRuleException(String.valueOf(text.charAt(MAX_RULE_LENGTH)), MAX_RULE_LENGTH,
                    "a rule may be at most " + MAX_RULE_LENGTH + " characters long; this one has " + text.length());
        }
        RuleParser parser = new RuleParser(text, table);
        if (parser.peek().type == Type.END) {
            throw invalid(parser.peek(), "the rule is empty: write at least one comparison, " + EXAMPLE);
        }
        FilterRule rule = parser.or(0);
        Token rest = parser.peek();
        if (rest.type == Type.CLOSE) {
            throw invalid(rest, "this ) closes no (");
        }
        if (rest.type != Type.END) {
            throw notConnector(rest, "the end of the rule");
        }
        return rule;
    }

    private FilterRule or(int depth) {
        FilterRule rule = and(depth);
        while (connector("or")) {
            rule = new Or(rule, and(depth));
        }
        return rule;
    }

    private FilterRule and(int depth) {
        FilterRule rule = primary(depth);
        while (connector("and")) {
            rule = new And(rule, primary(depth));
        }
        return rule;
    }

    /** Takes the next token when it is the connector {@code keyword}, written with or without its dash. */
    private boolean connector(String keyword) {
        Token token = peek();
        if (token.type != Type.WORD
                || !(token.text.equalsIgnoreCase(keyword) || token.text.equalsIgnoreCase("-" + keyword))) {
            return false;
        }
        if (!token.spaced) {
            throw invalid(token, "whitespace must come before -" + keyword);
        }
        take();
        Token following = peek();
        if (following.type != Type.END && !following.spaced) {
            throw invalid(following, "whitespace must follow -" + keyword);
        }
        return true;
    }

    private FilterRule primary(int depth) {
        Token open = peek();
        if (open.type != Type.OPEN) {
            return comparison();
        }
        if (depth == MAX_NESTING) {
            throw invalid(open, "parentheses may nest at most " + MAX_NESTING + " deep");
        }
        take();
        if (peek().type == Type.CLOSE) {
            throw invalid(peek(), "empty parentheses: a comparison must stand between ( and )");
        }
        FilterRule rule = or(depth + 1);
        Token close = take();
        if (close.type == Type.END) {
            throw invalid(close, "the rule ends before the ( at position " + open.position + " is closed");
        }
        if (close.type != Type.CLOSE) {
            throw notConnector(close, ")");
        }
        return rule;
    }

    private static InvalidRuleException notConnector(Token token, String orElse) {
        if (token.text.startsWith("//")) {
            return invalid(token, "the rule language has no comments");
        }
        return invalid(token, "expected -and, -or or " + orElse);
    }

    private Comparison comparison() {
        FilterProperty property = property(take());
        FilterOperator operator = operator(take(), property);
        return new Comparison(property, operator, operand(take(), property, operator));
    }

    private FilterProperty property(Token token) {
        if (token.type == Type.END) {
            throw invalid(token, "the rule ends where a comparison or ( was expected");
        }
        String word = token.text;
        if (token.type != Type.WORD) {
            throw invalid(token, "expected a comparison " + EXAMPLE + ", or (");
        }
        if (word.equalsIgnoreCase("not") || word.equalsIgnoreCase("-not") || word.startsWith("!")) {
            throw invalid(token, "the rule language has no negation: use -ne, -notContains or -notIn");
        }
        if (word.startsWith("//")) {
            throw invalid(token, "the rule language has no comments");
        }
        if (word.regionMatches(true, 0, "app.", 0, 4)) {
            throw invalid(token, "app. properties belong to app filters; a device filter reads device. properties");
        }
        if (!word.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw invalid(token, "expected a property " + EXAMPLE + ", or (");
        }
        String name = word.substring(PREFIX.length());
        int dash = name.indexOf('-');
        if (dash > 0 && table.property(name.substring(0, dash)).isPresent()) {
            throw invalid(token, "whitespace must separate the property and its operator");
        }
        return table.property(name).orElseThrow(() -> invalid(token, "'" + name + "' is not a property of "
                + table.platform().graphName() + " device filters; they read " + table.properties().stream()
                        .map(FilterProperty::name).collect(Collectors.joining(", "))));
    }

    private static FilterOperator operator(Token token, FilterProperty property) {
        if (token.type == Type.END) {
            throw invalid(token, "the rule ends where an operator such as -eq was expected");
        }
        String word = token.text;
        Optional<FilterOperator> named = token.type == Type.WORD
                ? FilterOperator.ofKeyword(word.startsWith("-") ? word.substring(1) : word) : Optional.empty();
        if (named.isEmpty()) {
            throw invalid(token, "expected an operator: " + listed(List.of(FilterOperator.values())));
        }
        FilterOperator operator = named.get();
        if (!property.operators().contains(operator)) {
            throw invalid(token, property.kind() != Kind.VERSION && ordering(operator)
                    ? "-" + operator.keyword() + " compares only operatingSystemVersion"
                    : "-" + operator.keyword() + " does not apply to " + property.name() + ", which takes "
                            + listed(property.operators()));
        }
        return operator;
    }

    private Operand operand(Token token, FilterProperty property, FilterOperator operator) {
        if (token.type == Type.END) {
            throw invalid(token, "the rule ends where a value was expected");
        }
        if (!token.spaced) {
            throw invalid(token, "whitespace must separate the operator and its value");
        }
        boolean list = operator == FilterOperator.IN || operator == FilterOperator.NOT_IN;
        if (token.type == Type.OPEN_LIST) {
            if (!list) {
                throw invalid(token, "a list follows only -in or -notIn");
            }
            return new Operand.TextList(items());
        }
        if (token.type == Type.STRING) {
            if (token.content().isEmpty()) {
                throw invalid(token, "an empty string \"\" is allowed only inside a list; "
                        + "to match a device without a value use -eq null");
            }
            String value = trimmed(token.content());
            if (list) {
                return new Operand.TextList(List.of(value));
            }
            return property.kind() == Kind.VERSION ? version(token, value) : new Operand.Text(value);
        }
        if (token.type != Type.WORD) {
            throw invalid(token, "expected a value: a double-quoted string, a list, null or a version");
        }
        String word = token.text;
        if (word.equalsIgnoreCase("null") || word.equalsIgnoreCase("$null")) {
            if (property.kind() == Kind.VERSION) {
                throw invalid(token, "operatingSystemVersion cannot be compared with null");
            }
            if (operator != FilterOperator.EQ && operator != FilterOperator.NE) {
                throw invalid(token, "null compares only with -eq and -ne");
            }
            return new Operand.Null();
        }
        if (property.kind() == Kind.VERSION) {
            return version(token, word);
        }
        if ((operator == FilterOperator.EQ || operator == FilterOperator.NE) && OsVersion.parse(word).isPresent()) {
            return new Operand.Text(word);
        }
        throw invalid(token, unquoted(word));
    }

    private static Operand.Version version(Token token, String value) {
        return OsVersion.parse(value).map(version -> new Operand.Version(version, value)).orElseThrow(() -> invalid(
                token, "operatingSystemVersion takes a version of 2 to 4 numeric parts, such as 10.0.22631"));
    }

    /** The items of a list whose {@code [} was taken: strings, {@code ""} among them, and an optional last comma. */
    private List<String> items() {
        List<String> items = new ArrayList<>();
        Token token = take();
        while (items.isEmpty() || token.type != Type.CLOSE_LIST) {
            items.add(item(token));
            Token after = take();
            if (after.type == Type.CLOSE_LIST) {
                return items;
            }
            if (after.type != Type.COMMA) {
                throw invalid(after, after.type == Type.END ? "the rule ends before the list is closed with ]"
                        : "expected , or ] after a list item");
            }
            token = take();
        }
        return items;
    }

    private static String item(Token token) {
        if (token.type == Type.STRING) {
            return trimmed(token.content());
        }
        if (token.type == Type.CLOSE_LIST) {
            throw invalid(token, "a list holds at least one value");
        }
        if (token.type == Type.END) {
            throw invalid(token, "the rule ends before the list is closed with ]");
        }
        if (token.text.equalsIgnoreCase("null") || token.text.equalsIgnoreCase("$null")) {
            throw invalid(token, "a list cannot hold null; its item \"\" stands for a device without a value");
        }
        throw invalid(token, token.type == Type.WORD ? unquoted(token.text) : "expected a double-quoted string");
    }

    private static String unquoted(String word) {
        return word.startsWith("'") ? "single quotes are refused: write values in double quotes"
                : "a value is written in double quotes; only null and versions such as 10.0.22631 stand bare";
    }

    /** The value without the white space around it, unless it is all white space ({@code -contains " "}). */
    private static String trimmed(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && WhiteSpace.isWhiteSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && WhiteSpace.isWhiteSpace(value.charAt(end - 1))) {
            end--;
        }
        return start == end ? value : value.substring(start, end);
    }

    private static boolean ordering(FilterOperator operator) {
        return switch (operator) {
            case GT, GE, LT, LE -> true;
            default -> false;
        };
    }

    private static String listed(List<FilterOperator> operators) {
        return operators.stream().map(operator -> "-" + operator.keyword()).collect(Collectors.joining(", "));
    }

    private static InvalidRuleException invalid(Token token, String reason) {
        return new InvalidRuleException(token.text, token.position, reason);
    }

    private Token peek() {
        if (next == null) {
            next = read();
        }
        return next;
    }

    private Token take() {
        Token token = peek();
        next = null;
        return token;
    }

    private Token read() {
        int start = position;
        while (position < text.length() && separates(text.charAt(position))) {
            position++;
        }
        boolean spaced = position > start;
        if (position == text.length()) {
            return new Token(Type.END, "", position, spaced);
        }
        int begin = position;
        Type type = switch (text.charAt(begin)) {
            case '(' -> Type.OPEN;
            case ')' -> Type.CLOSE;
            case '[' -> Type.OPEN_LIST;
            case ']' -> Type.CLOSE_LIST;
            case ',' -> Type.COMMA;
            case '"' -> Type.STRING;
            default -> Type.WORD;
        };
        position = switch (type) {
            case STRING -> endOfString(begin);
            case WORD -> endOfWord(begin);
            default -> begin + 1;
        };
        Token token = new Token(type, text.substring(begin, position), begin, spaced);
        if (++tokens > MAX_TOKENS) {
            throw invalid(token, "a rule may hold at most " + MAX_TOKENS
                    + " tokens (names, operators, values, connectors, brackets and commas)");
        }
        return token;
    }

    /** Just after the string that opens at {@code begin}, which must be followed by a delimiter. */
    private int endOfString(int begin) {
        int close = text.indexOf('"', begin + 1);
        if (close < 0) {
            throw new InvalidRuleException("\"", begin, "this double quote opens a string that is never closed");
        }
        int after = close + 1;
        if (after < text.length() && !delimits(text.charAt(after))) {
            if (text.charAt(after) == '"' || text.charAt(close - 1) == '\\') {
                throw new InvalidRuleException("\"", close,
                        "a double quote cannot appear inside a string: the rule language has no escapes");
            }
            throw new InvalidRuleException(String.valueOf(text.charAt(after)), after,
                    "expected whitespace, ), ] or , after a string");
        }
        return after;
    }

    private int endOfWord(int begin) {
        int end = begin;
        while (end < text.length() && !delimits(text.charAt(end)) && text.charAt(end) != '"') {
            end++;
        }
        return end;
    }

    /** The white space of the grammar (ws): space, tab, carriage return and line feed only. */
    private static boolean separates(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean delimits(char c) {
        return separates(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == ',';
    }

    private enum Type { WORD, STRING, OPEN, CLOSE, OPEN_LIST, CLOSE_LIST, COMMA, END }

    /** @param spaced whether white space comes before it, which the grammar requires around operators and connectors */
    private record Token(Type type, String text, int position, boolean spaced) {
        /** A string's text between its quotes. */
        String content() {
            return text.substring(1, text.length() - 1);
        }
    }
}
