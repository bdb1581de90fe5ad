package dev.devicescripts.adapter.http.odata;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Filter.StringFunction;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.ValueType;
import dev.devicescripts.domain.Guids;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses a {@code $filter} over any collection into a {@link Filter} by recursive descent, with OData's precedence
 * (not, then the comparisons, then and, then or):
 * <pre>
 * or         = and *( "or" and )
 * and        = unary *( "and" unary )
 * unary      = "not" notOperand / comparison
 * notOperand = "not" notOperand / "(" or ")" / function / lambda / booleanProperty
 * comparison = "(" or ")" / function / lambda / property ( "eq" / "ne" / "gt" / "ge" / "lt" / "le" ) literal
 *              / property "in" "(" literal *( "," literal ) ")" / booleanProperty
 * function   = ( "startswith" / "endswith" / "contains" ) "(" property "," string ")"
 * lambda     = listProperty "/" "any" "(" variable ":" variable "eq" string ")"
 *              / objectList "/" "any" "(" variable ":" variable "/" name "eq" string ")"
 * property   = name *( "/" name )
 * literal    = string / "true" / "false" / "null" / dateTimeOffset / integer
 * </pre>
 * Names, operators and functions are case-insensitive; the properties are those the collection declares filterable.
 * A path such as {@code initiatedBy/user/id} is the property declared by that name, and
 * {@code resources/any(r:r/resourceId eq 'x')} tests the list of strings declared as {@code resources/resourceId};
 * a collection that declares no such property refuses them as it refuses any name it does not know.
 * Strings (and GUIDs, as Graph writes its ids) are single-quoted, a quote inside doubled; a DateTimeOffset and an
 * integer are written unquoted (2026-11-28T12:00:00Z, 42). A list of strings is tested only by the lambda
 * {@code any}, its variable any name, with one {@code eq} inside; an {@code in} list holds at most
 * {@link QueryLimits#MAX_LIST_ITEMS} values, none null. Every refusal names $filter, the rule and the position.
 * Nesting and size are bounded by {@link QueryLimits}: the parser checks the depth before it recurses, so no filter
 * can overflow its stack, and counts the nodes as it makes them.
 */
public final class FilterParser<T> {
    private static final String OPTION = "$filter";
    private static final Map<String, Operator> OPERATORS = Arrays.stream(Operator.values())
            .collect(Collectors.toMap(operator -> operator.name().toLowerCase(Locale.ROOT), operator -> operator));
    private static final Map<String, StringFunction> FUNCTIONS = Map.of("startswith", StringFunction.STARTS_WITH,
            "endswith", StringFunction.ENDS_WITH, "contains", StringFunction.CONTAINS);

    private static final Pattern ASCII_INTEGER = Pattern.compile("[0-9]+");

    private enum TokenKind { WORD, STRING, OPEN, CLOSE, COMMA, SLASH, END }

    /** @param text a word as written, a string's value without quotes; position counts from 0 */
    private record Token(TokenKind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == TokenKind.WORD && text.equalsIgnoreCase(word);
        }

        String described() {
            return switch (kind) {
                case END -> "the end";
                case STRING -> "the string '" + text.replace("'", "''") + "'";
                default -> "'" + text + "'";
            };
        }
    }

    private final EntitySet<T> set;
    private final List<Token> tokens;
    private int next;
    /** Parentheses and 'not's open where the parser is. */
    private int depth;
    /** Nodes of the filter made so far. */
    private int nodes;
    /** The token after the last property name (or path) read. */
    private int propertyEnd;

    private FilterParser(EntitySet<T> set, List<Token> tokens) {
        this.set = set;
        this.tokens = tokens;
    }

    public static <T> Filter<T> parse(String text, EntitySet<T> set) {
        FilterParser<T> parser = new FilterParser<>(set, tokenize(text));
        Filter<T> filter = parser.or();
        Token end = parser.peek();
        if (end.kind() != TokenKind.END) {
            throw invalid(end.position(), "expected 'and', 'or' or the end, not " + end.described());
        }
        return filter;
    }

    private Filter<T> or() {
        return chain("or", this::and, Filter.Or::new);
    }

    private Filter<T> and() {
        return chain("and", this::unary, Filter.And::new);
    }

    /** {@code operand *( keyword operand )}, grouped to the left as OData groups and and or. */
    private Filter<T> chain(String keyword, Supplier<Filter<T>> operand, BinaryOperator<Filter<T>> join) {
        Filter<T> filter = operand.get();
        while (peek().isWord(keyword)) {
            Token joining = tokens.get(next++);
            filter = counted(joining, join.apply(filter, operand.get()));
        }
        return filter;
    }

    private Filter<T> unary() {
        return peek().isWord("not") ? not() : comparison();
    }

    /** What 'not' applies to: it binds more tightly than a comparison, so a comparison needs parentheses. */
    private Filter<T> notOperand() {
        if (peek().isWord("not")) {
            return not();
        }
        int start = next;
        Filter<T> operand = comparison();
        boolean comparedByOperator = tokens.get(start).kind() == TokenKind.WORD && !isFunctionCall(start)
                && !(operand instanceof Filter.AnyEquals) && next > propertyEnd;
        if (comparedByOperator) {
            Token operator = tokens.get(propertyEnd);
            String property = tokens.subList(start, propertyEnd).stream().map(Token::text)
                    .collect(Collectors.joining());
            throw invalid(operator.position(), "'not' applies before " + operator.text() + " does; write not ("
                    + property + " " + operator.text() + " ...) to negate the comparison");
        }
        return operand;
    }

    private Filter<T> not() {
        Token not = tokens.get(next++);
        deeper(not);
        Filter<T> operand = notOperand();
        depth--;
        return counted(not, new Filter.Not<>(operand));
    }

    private Filter<T> comparison() {
        Token token = peek();
        if (token.kind() == TokenKind.OPEN) {
            next++;
            deeper(token);
            Filter<T> inner = or();
            expect(TokenKind.CLOSE, "')' to close the '(' at position " + token.position());
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
    private Filter<T> counted(Token token, Filter<T> node) {
        if (++nodes > QueryLimits.MAX_FILTER_NODES) {
            throw invalid(token.position(), "the filter holds more than the limit of " + QueryLimits.MAX_FILTER_NODES
                    + " comparisons, functions, 'and's, 'or's and 'not's");
        }
        return node;
    }

    /** {@code property operator literal}, {@code property in (...)}, a lambda, or a boolean property alone. */
    private Filter<T> propertyComparison() {
        if (isLambdaOverObjects()) {
            return anyOverObjects();
        }
        Property<T> property = property();
        Token operator = peek();
        if (property.type() == ValueType.STRING_LIST) {
            return any(property);
        }
        if (operator.isWord("in")) {
            next++;
            return in(property);
        }
        Operator comparing = operator.kind() == TokenKind.WORD
                ? OPERATORS.get(operator.text().toLowerCase(Locale.ROOT))
                : null;
        if (comparing == null) {
            if (property.type() == ValueType.BOOLEAN) {
                return new Filter.Comparison<>(property, Operator.EQ, true);
            }
            throw invalid(operator.position(), "expected a comparison operator (eq, ne, gt, ge, lt, le) after "
                    + property.name() + ", not " + operator.described());
        }
        next++;
        return new Filter.Comparison<>(property, comparing, literal(property, comparing));
    }

    /** {@code (literal, ...)} after {@code property in}. */
    private Filter<T> in(Property<T> property) {
        expect(TokenKind.OPEN, "'(' to open the values of in");
        List<Object> values = new ArrayList<>(List.of(inValue(property)));
        while (peek().kind() == TokenKind.COMMA) {
            next++;
            if (values.size() == QueryLimits.MAX_LIST_ITEMS) {
                throw invalid(peek().position(), "in lists more than the limit of " + QueryLimits.MAX_LIST_ITEMS
                        + " values");
            }
            values.add(inValue(property));
        }
        expect(TokenKind.CLOSE, "',' or ')' to close the values of in");
        return new Filter.In<>(property, values);
    }

    private Object inValue(Property<T> property) {
        if (peek().isWord("null")) {
            throw invalid(peek().position(), "in lists values, not null; write " + property.name() + " eq null");
        }
        return literal(property, Operator.EQ);
    }

    /** {@code /any(c:c eq 'value')} after a list of strings, which nothing else tests. */
    private Filter<T> any(Property<T> property) {
        Token slash = peek();
        if (slash.kind() != TokenKind.SLASH) {
            throw invalid(slash.position(), property.name() + " is a list; test its elements with "
                    + property.name() + "/any(x:x eq 'value')");
        }
        next++;
        lambdaVariable(property.name(), "");
        return anyEquals(property);
    }

    /**
     * Whether a lambda over a list of objects starts here, such as {@code resources/any(}: a name, '/' and any, where
     * the collection declares a filterable list of strings under that name.
     */
    private boolean isLambdaOverObjects() {
        Token list = peek();
        return list.kind() == TokenKind.WORD && tokens.get(next + 1).kind() == TokenKind.SLASH
                && tokens.get(next + 2).isWord("any") && set.filterable().stream().anyMatch(property ->
                property.type() == ValueType.STRING_LIST && startsWithIgnoringCase(property.name(), list.text() + "/"));
    }

    /** {@code list/any(x:x/name eq 'value')}: any element of the list of strings declared as {@code list/name}. */
    private Filter<T> anyOverObjects() {
        Token list = tokens.get(next);
        next += 2;
        String variable = lambdaVariable(list.text(), "/name");
        expect(TokenKind.SLASH, "'/' and a property of " + list.text() + " after " + variable);
        Token name = expect(TokenKind.WORD, "a property of " + list.text() + " after " + variable + "/");
        String path = list.text() + "/" + name.text();
        Property<T> property = set.property(path)
                .filter(declared -> declared.type() == ValueType.STRING_LIST && declared.isFilterable())
                .orElseThrow(() -> notFilterable(name.position(), path));
        return anyEquals(property);
    }

    /**
     * {@code any(x:x}, up to the lambda's variable: answers its name.
     *
     * @param then what the lambda writes after its variable, in the examples of refusals: "" or "/name"
     */
    private String lambdaVariable(String list, String then) {
        Token any = peek();
        if (!any.isWord("any")) {
            throw invalid(any.position(), "expected any after " + list + "/, not " + any.described());
        }
        next++;
        expect(TokenKind.OPEN, "'(' after any");
        Token head = expect(TokenKind.WORD, "a lambda such as x:x" + then + " eq 'value'");
        String[] parts = head.text().split(":", -1); // the tokens read x:x as one word, x: x as two
        if (parts.length != 2 || !parts[0].matches("\\w+")) {
            throw invalid(head.position(), "expected a variable and ':' such as x:, not " + head.described());
        }
        String compared = parts[1].isEmpty() ? expect(TokenKind.WORD, "the variable " + parts[0]).text() : parts[1];
        if (!compared.equals(parts[0])) {
            throw invalid(head.position(), "any compares its variable: write " + parts[0] + ":" + parts[0] + then
                    + " eq 'value'");
        }
        return parts[0];
    }

    /** {@code eq 'value')}, the end of a lambda, which tests whether any element of the list is the value. */
    private Filter<T> anyEquals(Property<T> property) {
        Token eq = peek();
        if (!eq.isWord("eq")) {
            throw invalid(eq.position(), "any takes only eq, not " + eq.described());
        }
        next++;
        Token value = expect(TokenKind.STRING, "a quoted string such as 'text'");
        expect(TokenKind.CLOSE, "')' to close any(");
        return new Filter.AnyEquals<>(property, value.text());
    }

    private Filter<T> function() {
        Token name = tokens.get(next);
        next += 2;
        int propertyPosition = peek().position();
        Property<T> property = property();
        if (property.type().javaType() != String.class) {
            throw invalid(propertyPosition, name.text() + " applies to string properties; " + property.name()
                    + " holds " + typeName(property));
        }
        expect(TokenKind.COMMA, "',' after " + property.name());
        Token value = expect(TokenKind.STRING, "a quoted string such as 'text'");
        expect(TokenKind.CLOSE, "')' to close " + name.text() + "(");
        return new Filter.StringMatch<>(FUNCTIONS.get(name.text().toLowerCase(Locale.ROOT)), property,
                value.text());
    }

    /** A property's name, or a path into an object as far as the collection declares a property along it. */
    private Property<T> property() {
        Token token = peek();
        if (token.kind() != TokenKind.WORD) {
            throw invalid(token.position(), "expected a property name, not " + token.described());
        }
        next++;
        String name = token.text();
        while (peek().kind() == TokenKind.SLASH && tokens.get(next + 1).kind() == TokenKind.WORD
                && declaresPath(name + "/" + tokens.get(next + 1).text())) {
            name += "/" + tokens.get(next + 1).text();
            next += 2;
        }
        propertyEnd = next;
        String path = name;
        return set.property(path).filter(Property::isFilterable).orElseThrow(() -> notFilterable(token.position(),
                path));
    }

    /**
     * Whether the collection declares a property by this path or under it, such as initiatedBy/user for
     * initiatedBy/user/id; not a list of strings under a list of objects, which only a lambda tests.
     */
    private boolean declaresPath(String path) {
        return set.properties().stream().filter(property -> property.type() != ValueType.STRING_LIST)
                .anyMatch(property -> property.name().equalsIgnoreCase(path)
                        || startsWithIgnoringCase(property.name(), path + "/"));
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private GraphRequestException notFilterable(int position, String name) {
        return invalid(position, "'" + name + "' is not a property $filter can use; use one of "
                + set.filterable().stream().map(Property::name).collect(Collectors.joining(", ")));
    }

    private Object literal(Property<T> property, Operator operator) {
        Token token = peek();
        next++;
        if (token.isWord("null")) {
            if (operator != Operator.EQ && operator != Operator.NE) {
                throw invalid(token.position(), operatorName(operator) + " does not compare with null; "
                        + "only eq and ne do");
            }
            return null;
        }
        Object value = valueOf(token, property.type());
        if (value == null) {
            throw invalid(token.position(), property.name() + " compares with " + typeName(property)
                    + ", not " + token.described());
        }
        if (property.type() == ValueType.ENUM && property.member((String) value).isEmpty()) {
            throw invalid(token.position(), property.name() + " is '" + String.join("' or '", property.members())
                    + "', not " + token.described());
        }
        return value;
    }

    /** The literal's value as the property's type holds it; null when the token is not one. */
    private static Object valueOf(Token token, ValueType type) {
        if (token.kind() == TokenKind.STRING) {
            if (type == ValueType.GUID) {
                return Guids.isGuid(token.text()) ? UUID.fromString(token.text()) : null;
            }
            return type.javaType() == String.class ? token.text() : null;
        }
        if (token.isWord("true") || token.isWord("false")) {
            return type == ValueType.BOOLEAN ? Boolean.valueOf(token.text().toLowerCase(Locale.ROOT)) : null;
        }
        if (token.kind() != TokenKind.WORD || !Character.isDigit(token.text().charAt(0))) {
            return null;
        }
        if (type == ValueType.INTEGER && ASCII_INTEGER.matcher(token.text()).matches()) {
            try {
                return Long.valueOf(token.text());
            } catch (NumberFormatException e) {
                throw invalid(token.position(), "'" + token.text() + "' is beyond the range of a 64-bit integer");
            }
        }
        try {
            Instant instant = OffsetDateTime.parse(token.text()).toInstant();
            return type == ValueType.DATE_TIME ? instant : null;
        } catch (DateTimeParseException e) {
            throw invalid(token.position(), "'" + token.text() + "' is not a DateTimeOffset such as "
                    + "2026-11-28T12:00:00Z");
        }
    }

    private static String typeName(Property<?> property) {
        return switch (property.type()) {
            case BOOLEAN -> "true or false";
            case DATE_TIME -> "a DateTimeOffset such as 2026-11-28T12:00:00Z";
            case INTEGER -> "a whole number such as 42";
            case GUID -> "a quoted GUID such as '00000000-0000-0000-0000-000000000000'";
            case STRING_LIST -> "a list of strings";
            default -> "a quoted string such as 'text'";
        };
    }

    private static String operatorName(Operator operator) {
        return operator.name().toLowerCase(Locale.ROOT);
    }

    private boolean isFunctionCall(int index) {
        Token token = tokens.get(index);
        return token.kind() == TokenKind.WORD && FUNCTIONS.containsKey(token.text().toLowerCase(Locale.ROOT))
                && tokens.get(index + 1).kind() == TokenKind.OPEN;
    }

    private Token expect(TokenKind kind, String expected) {
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
            } else if (c == '(' || c == ')' || c == ',' || c == '/') {
                TokenKind kind = c == '(' ? TokenKind.OPEN : c == ')' ? TokenKind.CLOSE
                        : c == ',' ? TokenKind.COMMA : TokenKind.SLASH;
                tokens.add(new Token(kind, String.valueOf(c), at++));
            } else if (c == '\'') {
                at = string(text, at, tokens);
            } else if (isWordCharacter(c)) {
                int start = at;
                while (at < text.length() && isWordCharacter(text.charAt(at))) {
                    at++;
                }
                tokens.add(new Token(TokenKind.WORD, text.substring(start, at), start));
            } else {
                throw invalid(at, "the character '" + c + "' has no meaning here");
            }
        }
        tokens.add(new Token(TokenKind.END, "", text.length()));
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
                tokens.add(new Token(TokenKind.STRING, value.toString(), start));
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
