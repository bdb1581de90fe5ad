package dev.devicescripts.domain.filter;

import static dev.devicescripts.domain.filter.PropertyTableTest.MAC_OS;
import static dev.devicescripts.domain.filter.PropertyTableTest.WINDOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.devicescripts.domain.filter.FilterRule.And;
import dev.devicescripts.domain.filter.FilterRule.Comparison;
import dev.devicescripts.domain.filter.FilterRule.Or;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid and invalid example of targeting.md 2.1 (grammar and lexical table), 2.2 (operator and property pairs)
 * and 2.3 (the properties of each platform), each with the rule it parses to (as printed) or where it is refused.
 */
class RuleParserTest {

    static Stream<Arguments> validRules() {
        return Stream.of(
                // dash
                valid("device.deviceName -eq \"a\"", "device.deviceName -eq \"a\""),
                valid("device.deviceName eq \"a\"", "device.deviceName -eq \"a\""),
                valid("device.deviceName -eq \"a\" -and device.model -eq \"b\"",
                        "device.deviceName -eq \"a\" -and device.model -eq \"b\""),
                valid("device.deviceName -eq \"a\" and device.model -eq \"b\"",
                        "device.deviceName -eq \"a\" -and device.model -eq \"b\""),
                valid("device.deviceName -eq \"a\" or device.model -eq \"b\"",
                        "device.deviceName -eq \"a\" -or device.model -eq \"b\""),
                // case
                valid("device.deviceName -EQ \"a\"", "device.deviceName -eq \"a\""),
                valid("device.deviceName -eq \"a\" AND device.model -eq \"b\"",
                        "device.deviceName -eq \"a\" -and device.model -eq \"b\""),
                valid("device.deviceName -eq \"a\" -OR device.model -eq \"b\"",
                        "device.deviceName -eq \"a\" -or device.model -eq \"b\""),
                valid("device.model -NOTIN [\"a\"]", "device.model -notIn [\"a\"]"),
                valid("DEVICE.DEVICENAME -eq \"a\"", "device.deviceName -eq \"a\""),
                valid("Device.OperatingSystemSku -StartsWith \"Enterprise\"",
                        "device.operatingSystemSKU -startsWith \"Enterprise\""),
                // inside a string: apostrophe, backslash, tab, and any other character but a double quote
                valid("device.deviceName -eq \"O'Brien\"", "device.deviceName -eq \"O'Brien\""),
                valid("device.deviceName -contains \"C:\\temp\"", "device.deviceName -contains \"C:\\temp\""),
                valid("device.deviceName -eq \"a\tb\"", "device.deviceName -eq \"a\tb\""),
                valid("device.model -eq \"(x) [y], z -and null\"", "device.model -eq \"(x) [y], z -and null\""),
                // the empty string inside a list
                valid("device.model -in [\"\", \"x\"]", "device.model -in [\"\", \"x\"]"),
                valid("device.model -notIn [\"\"]", "device.model -notIn [\"\"]"),
                // white space: newlines, runs of spaces, tabs, around the rule too
                valid("device.deviceName\n-eq\r\n\"a\"\tand   device.model  -eq \"b\"",
                        "device.deviceName -eq \"a\" -and device.model -eq \"b\""),
                valid("  device.deviceName -eq \"a\"\n", "device.deviceName -eq \"a\""),
                // parentheses around a comparison, around chains, nested; no white space needed inside them
                valid("(device.deviceName -eq \"a\")", "device.deviceName -eq \"a\""),
                valid("( device.deviceName -eq \"a\" -or device.model -eq \"b\" )",
                        "device.deviceName -eq \"a\" -or device.model -eq \"b\""),
                valid("((device.deviceName -eq \"a\"))", "device.deviceName -eq \"a\""),
                valid("(device.deviceName -eq \"a\") -and (device.model -eq \"b\" -or device.model -eq \"c\")",
                        "device.deviceName -eq \"a\" -and (device.model -eq \"b\" -or device.model -eq \"c\")"),
                valid("(device.deviceName -eq \"a\" -and (device.model -eq \"b\" -or (device.model -eq \"c\")))",
                        "device.deviceName -eq \"a\" -and (device.model -eq \"b\" -or device.model -eq \"c\")"),
                // null, on string and enumerated properties; "null" in quotes is the 4-letter string
                valid("device.deviceName -eq $null", "device.deviceName -eq null"),
                valid("device.deviceName -ne null", "device.deviceName -ne null"),
                valid("device.deviceOwnership -eq $NULL", "device.deviceOwnership -eq null"),
                valid("device.cpuArchitecture -ne NULL", "device.cpuArchitecture -ne null"),
                valid("device.deviceName -eq \"null\"", "device.deviceName -eq \"null\""),
                // lists: several items, a bare string, a trailing comma, white space inside
                valid("device.model -in [\"a\",\"b\"]", "device.model -in [\"a\", \"b\"]"),
                valid("device.model -in \"a\"", "device.model -in [\"a\"]"),
                valid("device.model -notIn [\"a\", \"b\",]", "device.model -notIn [\"a\", \"b\"]"),
                valid("device.model -in [ \"a\" ,\n\"b\" , ]", "device.model -in [\"a\", \"b\"]"),
                valid("device.deviceTrustType -in [\"Azure AD joined\", \"Unknown\"]",
                        "device.deviceTrustType -in [\"Azure AD joined\", \"Unknown\"]"),
                // versions: bare or quoted on operatingSystemVersion; a bare version is text elsewhere
                valid("device.operatingSystemVersion -ge 10.0.22631", "device.operatingSystemVersion -ge 10.0.22631"),
                valid("device.operatingSystemVersion -gt \"10.0.22631\"",
                        "device.operatingSystemVersion -gt 10.0.22631"),
                valid("device.operatingSystemVersion -lt 10.0", "device.operatingSystemVersion -lt 10.0"),
                valid("device.operatingSystemVersion -le \" 10.0.1.2 \"", "device.operatingSystemVersion -le 10.0.1.2"),
                valid("device.operatingSystemVersion -eq 10.0.22631.4460",
                        "device.operatingSystemVersion -eq 10.0.22631.4460"),
                valid("device.operatingSystemVersion -ne 999999999.0", "device.operatingSystemVersion -ne 999999999.0"),
                valid("device.osVersion -eq 10.0.26100", "device.osVersion -eq \"10.0.26100\""),
                // values are trimmed, unless all white space
                valid("device.deviceName -eq \"LAB-042 \"", "device.deviceName -eq \"LAB-042\""),
                valid("device.deviceName -in [\" a\t\", \"  \"]", "device.deviceName -in [\"a\", \"  \"]"),
                valid("device.deviceName -contains \" \"", "device.deviceName -contains \" \""),
                // enumerated values are not checked
                valid("device.cpuArchitecture -eq \"x64\"", "device.cpuArchitecture -eq \"x64\""),
                valid("device.deviceTrustType -eq \"Microsoft Entra joined\"",
                        "device.deviceTrustType -eq \"Microsoft Entra joined\""),
                valid("device.isTpmAttested -eq \"True\"", "device.isTpmAttested -eq \"True\""),
                // and binds tighter than or, both left-associative
                valid("device.model -eq \"a\" or device.model -eq \"b\" and device.model -eq \"c\"",
                        "device.model -eq \"a\" -or device.model -eq \"b\" -and device.model -eq \"c\""),
                valid("(device.model -eq \"a\" or device.model -eq \"b\") and device.model -eq \"c\"",
                        "(device.model -eq \"a\" -or device.model -eq \"b\") -and device.model -eq \"c\""),
                valid("device.model -eq \"a\" and (device.model -eq \"b\" and device.model -eq \"c\")",
                        "device.model -eq \"a\" -and (device.model -eq \"b\" -and device.model -eq \"c\")"),
                valid("device.model -eq \"a\" or (device.model -eq \"b\" or device.model -eq \"c\")",
                        "device.model -eq \"a\" -or (device.model -eq \"b\" -or device.model -eq \"c\")"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validRules")
    void validRulesParseToTheRulePrinted(String rule, String printed) {
        FilterRule parsed = RuleParser.parse(rule, WINDOWS);

        assertThat(parsed.print()).isEqualTo(printed);
        assertThat(RuleParser.parse(printed, WINDOWS)).isEqualTo(parsed);
    }

    @Test
    void macOsRulesReadItsProperties() {
        assertThat(RuleParser.parse("device.cpuArchitecture -in [\"x64\", \"arm64\"] -and device.osVersion -eq "
                + "\"14.5\" -or device.operatingSystemVersion -ge 14.0", MAC_OS).print())
                .isEqualTo("device.cpuArchitecture -in [\"x64\", \"arm64\"] -and device.osVersion -eq \"14.5\" "
                        + "-or device.operatingSystemVersion -ge 14.0");
    }

    @Test
    void andBindsTighterThanOrAndChainsLeanLeft() {
        FilterRule rule = RuleParser.parse("device.model -eq \"a\" or device.model -eq \"b\" and device.model -eq "
                + "\"c\" and device.model -eq \"d\" or device.model -eq \"e\"", WINDOWS);

        assertThat(rule).isEqualTo(new Or(new Or(model("a"), new And(new And(model("b"), model("c")), model("d"))),
                model("e")));
    }

    @Test
    void valuesAreParsedToTheirOperands() {
        assertThat(operand("device.deviceName -eq \" LAB-042 \"")).isEqualTo(new Operand.Text("LAB-042"));
        assertThat(operand("device.deviceName -in \"a\"")).isEqualTo(new Operand.TextList(List.of("a")));
        assertThat(operand("device.deviceName -ne $null")).isEqualTo(new Operand.Null());
        assertThat(operand("device.operatingSystemVersion -ge \"10.0.26100\"")).isEqualTo(
                new Operand.Version(OsVersion.parse("10.0.26100.0").orElseThrow(), "10.0.26100"));
    }

    /** 2.2 and 2.3: each operator is allowed exactly on the properties whose table row lists it. */
    @Test
    void everyOperatorIsAllowedExactlyOnThePropertiesThatListIt() {
        for (PropertyTable table : List.of(WINDOWS, MAC_OS)) {
            for (FilterProperty property : table.properties()) {
                for (FilterOperator operator : FilterOperator.values()) {
                    String rule = "device." + property.name() + " -" + operator.keyword() + " " + operandFor(operator,
                            property);
                    if (property.operators().contains(operator)) {
                        assertThat(RuleParser.parse(rule, table)).as(rule).isInstanceOf(Comparison.class);
                    } else {
                        assertThatThrownBy(() -> RuleParser.parse(rule, table)).as(rule)
                                .isInstanceOfSatisfying(InvalidRuleException.class,
                                        e -> assertThat(e.token()).isEqualTo("-" + operator.keyword()));
                    }
                }
            }
        }
    }

    static Stream<Arguments> invalidRules() {
        String a = "device.deviceName -eq \"a\"";
        return Stream.of(
                // quoting: single quotes, unquoted words, bare numbers
                invalid("device.deviceName -eq 'a'", "'a'", "single quotes are refused"),
                invalid("device.deviceName -eq LAB", "LAB", "a value is written in double quotes"),
                invalid("device.deviceName -eq 42", "42", "a value is written in double quotes"),
                invalid("device.deviceName -startsWith 10.0", "10.0", "a value is written in double quotes"),
                // a double quote inside a string, escaped either way
                invalid("device.deviceName -eq \"a\\\"b\"", "\"", 25, "the rule language has no escapes"),
                invalid("device.deviceName -eq \"a\"\"b\"", "\"", 24, "the rule language has no escapes"),
                invalid("device.deviceName -eq \"a", "\"", 22, "never closed"),
                // the empty string outside a list
                invalid("device.deviceName -eq \"\"", "\"\"", "allowed only inside a list"),
                invalid("device.deviceName -ne \"\"", "\"\"", "allowed only inside a list"),
                invalid("device.deviceName -contains \"\"", "\"\"", "allowed only inside a list"),
                invalid("device.deviceName -startsWith \"\"", "\"\"", "allowed only inside a list"),
                invalid("device.deviceName -in \"\"", "\"\"", "allowed only inside a list"),
                // white space is required between a comparison's tokens and around connectors
                invalid("(device.deviceName-eq\"X\")", "device.deviceName-eq", "whitespace must separate"),
                invalid("device.deviceName -eq\"X\"", "\"X\"", "whitespace must separate the operator"),
                invalid("device.deviceName -in[\"X\"]", "[", "whitespace must separate the operator"),
                invalid(a + "and device.model -eq \"b\"", "a", 25, "expected whitespace"),
                invalid("(" + a + ")and (device.model -eq \"b\")", "and", "whitespace must come before -and"),
                invalid("(" + a + ") or(device.model -eq \"b\")", "(", 30, "whitespace must follow -or"),
                // parentheses: unbalanced, empty
                invalid("((" + a + ")", "", "the rule ends before the ( at position 0 is closed"),
                invalid("(" + a + "))", ")", 27, "closes no ("),
                invalid("()", ")", "empty parentheses"),
                invalid(a + " -and ()", ")", "empty parentheses"),
                invalid("(" + a + " -or device.model -eq \"b\"", "", "is closed"),
                // connectors: missing, trailing, leading
                invalid("(" + a + ") (device.model -eq \"b\")", "(", 28, "expected -and, -or or the end of the rule"),
                invalid(a + " device.model -eq \"b\"", "device.model", "expected -and, -or or the end of the rule"),
                invalid("(" + a + " device.model -eq \"b\")", "device.model", "expected -and, -or or )"),
                invalid("(" + a + ") and", "", "the rule ends where a comparison or ( was expected"),
                invalid(a + " -or ", "", "the rule ends where a comparison or ( was expected"),
                invalid("and " + a, "and", "expected a property"),
                // negation
                invalid("not " + a, "not", "no negation"),
                invalid("-not (" + a + ")", "-not", "no negation"),
                invalid("!(" + a + ")", "!", "no negation"),
                invalid(a + " xor device.model -eq \"b\"", "xor", "expected -and, -or or the end of the rule"),
                // operators the language does not have
                invalid("device.deviceName -notStartsWith \"a\"", "-notStartsWith", "expected an operator"),
                invalid("device.deviceName -endsWith \"a\"", "-endsWith", "expected an operator"),
                invalid("device.deviceName -notEndsWith \"a\"", "-notEndsWith", "expected an operator"),
                invalid("device.deviceName -equals \"a\"", "-equals", "expected an operator"),
                invalid("device.deviceName --eq \"a\"", "--eq", "expected an operator"),
                invalid("device.deviceName \"a\"", "\"a\"", "expected an operator"),
                // null with other operators, inside a list, on operatingSystemVersion
                invalid("device.deviceName -contains null", "null", "null compares only with -eq and -ne"),
                invalid("device.deviceName -startsWith $null", "$null", "null compares only with -eq and -ne"),
                invalid("device.deviceName -in null", "null", "null compares only with -eq and -ne"),
                invalid("device.deviceName -in [null]", "null", "a list cannot hold null"),
                invalid("device.deviceName -in [\"a\", $null]", "$null", "a list cannot hold null"),
                invalid("device.operatingSystemVersion -eq null", "null", "cannot be compared with null"),
                invalid("device.operatingSystemVersion -ne $null", "$null", "cannot be compared with null"),
                // lists: empty, after -eq/-ne, malformed
                invalid("device.deviceName -in []", "]", "a list holds at least one value"),
                invalid("device.deviceName -in [,]", ",", "expected a double-quoted string"),
                invalid("device.deviceName -in [\"a\",,]", ",", 27, "expected a double-quoted string"),
                invalid("device.deviceName -in [\"a\" \"b\"]", "\"b\"", "expected , or ]"),
                invalid("device.deviceName -in [\"a\"", "", "before the list is closed"),
                invalid("device.deviceName -in [a]", "a", 23, "a value is written in double quotes"),
                invalid("device.deviceName -in ['a']", "'a'", "single quotes are refused"),
                invalid("device.deviceName -eq [\"a\"]", "[", "a list follows only -in or -notIn"),
                invalid("device.deviceName -ne [\"a\", \"b\"]", "[", "a list follows only -in or -notIn"),
                // comments and the empty rule
                invalid(a + " // note", "//", "no comments"),
                invalid("// note", "//", "no comments"),
                invalid("", "", 0, "the rule is empty"),
                invalid("  \n\t", "", 4, "the rule is empty"),
                // comparisons cut short
                invalid("device.deviceName", "", "the rule ends where an operator"),
                invalid("device.deviceName -eq", "", "the rule ends where a value"),
                invalid("device.deviceName -eq )", ")", "expected a value"),
                // 2.2: operator and property pairs outside the table
                invalid("device.osVersion -gt \"10.0\"", "-gt", "-gt compares only operatingSystemVersion"),
                invalid("device.deviceName -le \"10.0\"", "-le", "-le compares only operatingSystemVersion"),
                invalid("device.operatingSystemVersion -startsWith \"10\"", "-startsWith",
                        "-startsWith does not apply to operatingSystemVersion, which takes -eq, -ne, -gt, -ge, -lt, "
                                + "-le"),
                invalid("device.cpuArchitecture -contains \"64\"", "-contains", "does not apply to cpuArchitecture"),
                invalid("device.deviceOwnership -in [\"Corporate\"]", "-in", "does not apply to deviceOwnership"),
                invalid("device.operatingSystemVersion -in [\"10.0\"]", "-in", "does not apply"),
                invalid("device.isTpmAttested -notIn [\"True\"]", "-notIn", "does not apply to isTpmAttested"),
                // versions of operatingSystemVersion: 2 to 4 parts of at most 9 digits
                invalid("device.operatingSystemVersion -ge 10", "10", "2 to 4 numeric parts"),
                invalid("device.operatingSystemVersion -ge \"10\"", "\"10\"", "2 to 4 numeric parts"),
                invalid("device.operatingSystemVersion -ge 1.2.3.4.5", "1.2.3.4.5", "2 to 4 numeric parts"),
                invalid("device.operatingSystemVersion -ge \"abc\"", "\"abc\"", "2 to 4 numeric parts"),
                invalid("device.operatingSystemVersion -ge 10.0.1234567890", "10.0.1234567890",
                        "2 to 4 numeric parts"),
                invalid("device.operatingSystemVersion -ge 10..0", "10..0", "2 to 4 numeric parts"),
                invalid("device.operatingSystemVersion -ge -10.0", "-10.0", "2 to 4 numeric parts"),
                invalid("device.operatingSystemVersion -ge \"10.0 .1\"", "\"10.0 .1\"", "2 to 4 numeric parts"),
                // 2.3: properties the platform does not have, app properties
                invalid("device.isRooted -eq \"True\"", "device.isRooted", "'isRooted' is not a property of "
                        + "windows10AndLater device filters; they read deviceName, manufacturer, model"),
                invalid("device.deviceManagementType -eq \"x\"", "device.deviceManagementType", "not a property"),
                invalid("device.deviceId -eq \"x\"", "device.deviceId", "not a property"),
                invalid("device.userPrincipalName -eq \"x\"", "device.userPrincipalName", "not a property"),
                invalid("device. -eq \"x\"", "device.", "not a property"),
                invalid("app.appVersion -eq \"1.0\"", "app.appVersion", "app. properties belong to app filters"),
                invalid("deviceName -eq \"a\"", "deviceName", "expected a property"),
                invalid("\"device.deviceName\" -eq \"a\"", "\"device.deviceName\"", "expected a comparison"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidRules")
    void invalidRulesAreRefusedAtTheFirstBadToken(String rule, String token, int position, String reason) {
        assertRefused(rule, WINDOWS, token, position, reason);
    }

    @Test
    void macOsRefusesTheWindowsOnlyProperties() {
        for (String name : List.of("enrollmentProfileName", "operatingSystemSKU", "deviceTrustType",
                "isTpmAttested")) {
            assertRefused("device." + name + " -eq \"x\"", MAC_OS, "device." + name, 0,
                    "'" + name + "' is not a property of macOS device filters");
        }
    }

    @Test
    void theMessageNamesPositionTokenAndReason() {
        assertThatThrownBy(() -> RuleParser.parse("device.osVersion -gt 10.0", WINDOWS))
                .hasMessage("rule is not valid at position 17 ('-gt'): -gt compares only operatingSystemVersion");
    }

    @Test
    void aRuleOfTheMaximumLengthIsValidAndOneCharacterMoreIsNot() {
        String rule = "device.deviceName -eq \"" + "x".repeat(RuleParser.MAX_RULE_LENGTH - 24) + "\"";
        assertThat(rule).hasSize(RuleParser.MAX_RULE_LENGTH);

        assertThat(RuleParser.parse(rule, WINDOWS)).isInstanceOf(Comparison.class);
        assertRefused(rule + " ", WINDOWS, " ", RuleParser.MAX_RULE_LENGTH, "at most 3072 characters");
    }

    @Test
    void parenthesesNestSixtyFourDeepAndNoDeeper() {
        String comparison = "device.model -eq \"a\"";
        String deepest = "(".repeat(RuleParser.MAX_NESTING) + comparison + ")".repeat(RuleParser.MAX_NESTING);
        assertThat(RuleParser.parse(deepest, WINDOWS)).isEqualTo(model("a"));

        assertRefused("(" + deepest + ")", WINDOWS, "(", RuleParser.MAX_NESTING, "nest at most 64 deep");
    }

    @Test
    void aRuleHoldsAtMost1024Tokens() {
        // With its property, operator and brackets, a list of n items each followed by a comma is 2n + 4 tokens.
        String items = "\"a\",".repeat(510);
        String atLimit = "device.model -in [" + items + "]";
        assertThat(RuleParser.parse(atLimit, WINDOWS)).isInstanceOf(Comparison.class);

        String beyond = "device.model -in [" + items + "\"a\"]";
        assertRefused(beyond, WINDOWS, "]", beyond.length() - 1, "at most 1024 tokens");
    }

    @Test
    void aLongFlatChainParsesWithoutDeepRecursionAndPrintsFlat() {
        String rule = String.join(" -or ", java.util.Collections.nCopies(100, "device.model -eq \"a\""));

        assertThat(RuleParser.parse(rule, WINDOWS).print()).isEqualTo(rule);
    }

    private static void assertRefused(String rule, PropertyTable table, String token, int position, String reason) {
        assertThatThrownBy(() -> RuleParser.parse(rule, table)).isInstanceOfSatisfying(InvalidRuleException.class,
                e -> {
                    assertThat(e.token()).as("token").isEqualTo(token);
                    assertThat(e.position()).as("position").isEqualTo(position);
                    assertThat(e.reason()).as("reason").contains(reason);
                });
    }

    private static Arguments valid(String rule, String printed) {
        return arguments(rule, printed);
    }

    /** Refused at the first occurrence of {@code token} (the end of the rule for the empty token). */
    private static Arguments invalid(String rule, String token, String reason) {
        return invalid(rule, token, token.isEmpty() ? rule.length() : rule.indexOf(token), reason);
    }

    private static Arguments invalid(String rule, String token, int position, String reason) {
        return arguments(rule, token, position, reason);
    }

    private static Operand operand(String rule) {
        return ((Comparison) RuleParser.parse(rule, WINDOWS)).operand();
    }

    private static Comparison model(String value) {
        return new Comparison(WINDOWS.property("model").orElseThrow(), FilterOperator.EQ, new Operand.Text(value));
    }

    private static String operandFor(FilterOperator operator, FilterProperty property) {
        return switch (operator) {
            case IN, NOT_IN -> "[\"a\"]";
            case GT, GE, LT, LE -> "10.0";
            default -> property.kind() == FilterProperty.Kind.VERSION ? "10.0" : "\"a\"";
        };
    }
}
