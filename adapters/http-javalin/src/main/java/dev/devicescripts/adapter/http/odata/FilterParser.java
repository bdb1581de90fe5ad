package dev.devicescripts.adapter.http.odata;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.application.query.ScriptFilter;
import dev.devicescripts.application.query.ScriptFilter.Operator;
import dev.devicescripts.application.query.ScriptFilter.StringFunction;
import dev.devicescripts.application.query.ScriptProperty;
import dev.devicescripts.domain.RunAsAccount;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Parses a {@code $filter} into a {@link ScriptFilter} by recursive descent, with OData's precedence (not, then the
 * comparisons, then and, then or):
 * <pre>
 * or         = and *( "or" and )
 * and        = unary *( "and" unary )
 * unary      = "not" notOperand / comparison
 * notOperand = "not" notOperand / "(" or ")" / function / booleanProperty
 * comparison = "(" or ")" / function / property ( "eq" / "ne" / "gt" / "ge" / "lt" / "le" ) literal / booleanProperty
 * function   = ( "startswith" / "endswith" / "contains" ) "(" property "," string ")"
 * literal    = string / "true" / "false" / "null" / dateTimeOffset
 * </pre>
 * Names, operators and functions are case-insensitive. Strings are single-quoted, a quote inside doubled; a
 * DateTimeOffset is written unquoted (2026-11-28T12:00:00Z). Every refusal names $filter, the rule and the position.
 * Nesting and size are bounded by {@link QueryLimits}: the parser checks the depth before it recurses, so no filter
 * can overflow its stack, and counts the nodes as it makes them.
 */
public final class FilterParser {
    private static final String OPTION = "$filter";
    private static final Map<String, Operator> OPERATORS = Arrays.stream(Operator.values())
            .collect(Collectors.toMap(operator -> operator.name().toLowerCase(Locale.ROOT), operator -> operator));
    private static final Map<String, StringFunction> FUNCTIONS = Map.of("startswith", StringFunction.STARTS_WITH,
            "endswith", StringFunction.ENDS_WITH, "contains", StringFunction.CONTAINS);

    private enum Kind { WORD, STRING, OPEN, CLOSE, COMMA, END }

    /** @param text a word as written, a string's value without quotes; position counts from 0 */
    private record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        String described() {
            return switch (kind) {
                case END -> "the end";
                case STRING -> "the string '" + text.replace("'", "''") + "'";
                default -> "'" + text + "'";
            };
        }
    }

    private final List<Token> tokens;
    private int next;
    /** Parentheses and 'not's open where the parser is. */
    private int depth;
    /** Nodes of the filter made so far. */
    private int nodes;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static ScriptFilter parse(String text) {
        FilterParser parser = new FilterParser(tokenize(text));
        ScriptFilter filter = parser.or();
        Token end = parser.peek();
        if (end.kind() != Kind.END) {
            throw invalid(end.position(), "expected 'and', 'or' or the end, not " + end.described());
        }
        return filter;
    }

    private ScriptFilter or() {
        return chain("or", this::and, ScriptFilter.Or::new);
    }

    private ScriptFilter and() {
        return chain("and", this::unary, ScriptFilter.And::new);
    }

    /** {@code operand *( keyword operand )}, grouped to the left as OData groups and and or. */
    private ScriptFilter chain(String keyword, Supplier<ScriptFilter> operand, BinaryOperator<ScriptFilter> join) {
        ScriptFilter filter = operand.get();
        while (peek().isWord(keyword)) {
            Token joining = tokens.get(next++);
            filter = counted(joining, join.apply(filter, operand.get()));
        }
        return filter;
    }

    private ScriptFilter unary() {
        return peek().isWord("not") ? not() : comparison();
    }

    /** What 'not' applies to: it binds more tightly than a comparison, so a comparison needs parentheses. */
    private ScriptFilter notOperand() {
        if (peek().isWord("not")) {
            return not();
        }
        int start = next;
        ScriptFilter operand = comparison();
        boolean comparedByOperator =
                tokens.get(start).kind() == Kind.WORD && !isFunctionCall(start) && next - start > 1;
        if (comparedByOperator) {
            Token operator = tokens.get(start + 1);
            throw invalid(operator.position(), "'not' applies before " + operator.text() + " does; write not ("
                    + tokens.get(start).text() + " " + operator.text() + " ...) to negate the comparison");
        }
        return operand;
    }

    private ScriptFilter not() {
        Token not = tokens.get(next++);
        deeper(not);
        ScriptFilter operand = notOperand();
        depth--;
        return counted(not, new ScriptFilter.Not(operand));
    }

    private ScriptFilter comparison() {
        Token token = peek();
        if (token.kind() == Kind.OPEN) {
            next++;
            deeper(token);
            ScriptFilter inner = or();
            expect(Kind.CLOSE, "')' to close the '(' at position " + token.position());
            depth--;
            return inner;
        }
        return counted(token, isFunctionCall(next) ? function() : propertyComparison());
    }

    /** Enters a parenthesis or 'not' at {@code token}, refused beyond the limit before the parser recurses into it. */
    private void deeper(Token token) {
        if (++depth > QueryLimits.MAX_FILTER_DEPTH) {
            throw invalid(token.position(), "parentheses and 'not' nest deeper than the limit of "
                    + QueryLimits.MAX_FILTER_DEPTH);
        }
    }

    /** The node made at {@code token}, refused when it is one more than the limit. */
    private ScriptFilter counted(Token token, ScriptFilter node) {
        if (++nodes > QueryLimits.MAX_FILTER_NODES) {
            throw invalid(token.position(), "the filter holds more than the limit of " + QueryLimits.MAX_FILTER_NODES
                    + " comparisons, functions, 'and's, 'or's and 'not's");
        }
        return node;
    }

    /** {@code property operator literal}, or a boolean property alone. */
    private ScriptFilter propertyComparison() {
        ScriptProperty property = property();
        Token operator = peek();
        Operator comparing = operator.kind() == Kind.WORD
                ? OPERATORS.get(operator.text().toLowerCase(Locale.ROOT))
                : null;
        if (comparing == null) {
            if (property.type() == Boolean.class) {
                return new ScriptFilter.Comparison(property, Operator.EQ, true);
            }
            throw invalid(operator.position(), "expected a comparison operator (eq, ne, gt, ge, lt, le) after "
                    + property.graphName() + ", not " + operator.described());
        }
        next++;
        return new ScriptFilter.Comparison(property, comparing, literal(property, comparing));
    }

    private ScriptFilter function() {
        Token name = tokens.get(next);
        next += 2;
        int propertyPosition = peek().position();
        ScriptProperty property = property();
        if (property.type() != String.class) {
            throw invalid(propertyPosition, name.text() + " applies to string properties; " + property.graphName()
                    + " holds " + typeName(property));
        }
        expect(Kind.COMMA, "',' after " + property.graphName());
        Token value = expect(Kind.STRING, "a quoted string such as 'text'");
        expect(Kind.CLOSE, "')' to close " + name.text() + "(");
        return new ScriptFilter.StringMatch(FUNCTIONS.get(name.text().toLowerCase(Locale.ROOT)), property,
                value.text());
    }

    private ScriptProperty property() {
        Token token = peek();
        if (token.kind() != Kind.WORD) {
            throw invalid(token.position(), "expected a property name, not " + token.described());
        }
        next++;
        return ScriptProperty.byGraphName(token.text()).orElseThrow(() -> invalid(token.position(),
                "'" + token.text() + "' is not a property $filter can use; use one of " + Arrays
                        .stream(ScriptProperty.values()).map(ScriptProperty::graphName)
                        .collect(Collectors.joining(", "))));
    }

    private Object literal(ScriptProperty property, Operator operator) {
        Token token = peek();
        next++;
        if (token.isWord("null")) {
            if (operator != Operator.EQ && operator != Operator.NE) {
                throw invalid(token.position(), operatorName(operator) + " does not compare with null; "
                        + "only eq and ne do");
            }
            return null;
        }
        Object value = valueOf(token);
        if (value == null || !property.type().isInstance(value)) {
            throw invalid(token.position(), property.graphName() + " compares with " + typeName(property)
                    + ", not " + token.described());
        }
        if (property == ScriptProperty.RUN_AS_ACCOUNT && Arrays.stream(RunAsAccount.values())
                .noneMatch(account -> account.graphName().equalsIgnoreCase((String) value))) {
            throw invalid(token.position(), "runAsAccount is 'system' or 'user', not " + token.described());
        }
        return value;
    }

    /** The literal's value: a String, Boolean or Instant; null when the token is none of them. */
    private static Object valueOf(Token token) {
        if (token.kind() == Kind.STRING) {
            return token.text();
        }
        if (token.isWord("true") || token.isWord("false")) {
            return Boolean.valueOf(token.text().toLowerCase(Locale.ROOT));
        }
        if (token.kind() == Kind.WORD && Character.isDigit(token.text().charAt(0))) {
            try {
                return OffsetDateTime.parse(token.text()).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(token.position(), "'" + token.text() + "' is not a DateTimeOffset such as "
                        + "2026-11-28T12:00:00Z");
            }
        }
        return null;
    }

    private static String typeName(ScriptProperty property) {
        if (property.type() == Boolean.class) {
            return "true or false";
        }
        return property.type() == Instant.class ? "a DateTimeOffset such as 2026-11-28T12:00:00Z"
                : "a quoted string such as 'text'";
    }

    private static String operatorName(Operator operator) {
        return operator.name().toLowerCase(Locale.ROOT);
    }

    private boolean isFunctionCall(int index) {
        Token token = tokens.get(index);
        return token.kind() == Kind.WORD && FUNCTIONS.containsKey(token.text().toLowerCase(Locale.ROOT))
                && tokens.get(index + 1).kind() == Kind.OPEN;
    }

    private Token expect(Kind kind, String expected) {
        Token token = peek();
        if (token.kind() != kind) {
            throw invalid(token.position(), "expected " + expected + ", not " + token.described());
        }
        next++;
        return token;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '(' || c == ')' || c == ',') {
                Kind kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA;
                tokens.add(new Token(kind, String.valueOf(c), at++));
            } else if (c == '\'') {
                at = string(text, at, tokens);
            } else if (isWordCharacter(c)) {
                int start = at;
                while (at < text.length() && isWordCharacter(text.charAt(at))) {
                    at++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, at), start));
            } else {
                throw invalid(at, "the character '" + c + "' has no meaning here");
            }
        }
        tokens.add(new Token(Kind.END, "", text.length()));
        return tokens;
    }

    /** Reads the string that starts at {@code start}, a doubled quote standing for one; answers where it ends. */
    private static int string(String text, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int at = start + 1;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c != '\'') {
                value.append(c);
            } else if (at < text.length() && text.charAt(at) == '\'') {
                value.append('\'');
                at++;
            } else {
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return at;
            }
        }
        throw invalid(start, "the string that starts here has no closing quote (write a quote inside as '')");
    }

    /** Letters, digits and what a DateTimeOffset holds: names, keywords and unquoted literals are made of these. */
    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+';
    }

    private static GraphRequestException invalid(int position, String problem) {
        return GraphRequestException.badRequest("The query option '" + OPTION + "' is not valid at position "
                + position + ": " + problem + ".");
    }
}
