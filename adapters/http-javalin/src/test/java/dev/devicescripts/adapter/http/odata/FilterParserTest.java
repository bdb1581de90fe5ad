package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.application.collections.ScriptCollection.CREATED_DATE_TIME;
import static dev.devicescripts.application.collections.ScriptCollection.DESCRIPTION;
import static dev.devicescripts.application.collections.ScriptCollection.DISPLAY_NAME;
import static dev.devicescripts.application.collections.ScriptCollection.ENFORCE_SIGNATURE_CHECK;
import static dev.devicescripts.application.collections.ScriptCollection.RUN_AS_32_BIT;
import static dev.devicescripts.application.collections.ScriptCollection.RUN_AS_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Filter.And;
import dev.devicescripts.application.query.Filter.Comparison;
import dev.devicescripts.application.query.Filter.Not;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Filter.Or;
import dev.devicescripts.application.query.Filter.StringFunction;
import dev.devicescripts.application.query.Filter.StringMatch;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.DeviceManagementScript;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {
    private static final Comparison NAME_IS_A = named("a");
    private static final Comparison NAME_IS_B = named("b");
    private static final Comparison NAME_IS_C = named("c");

    @Test
    void andBindsMoreTightlyThanOr() {
        assertThat(parse("displayName eq 'a' or displayName eq 'b' and displayName eq 'c'"))
                .isEqualTo(new Or<>(NAME_IS_A, new And<>(NAME_IS_B, NAME_IS_C)));
        assertThat(parse("displayName eq 'a' and displayName eq 'b' or displayName eq 'c'"))
                .isEqualTo(new Or<>(new And<>(NAME_IS_A, NAME_IS_B), NAME_IS_C));
    }

    @Test
    void andAndOrAssociateToTheLeft() {
        assertThat(parse("displayName eq 'a' or displayName eq 'b' or displayName eq 'c'"))
                .isEqualTo(new Or<>(new Or<>(NAME_IS_A, NAME_IS_B), NAME_IS_C));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(parse("(displayName eq 'a' or displayName eq 'b') and displayName eq 'c'"))
                .isEqualTo(new And<>(new Or<>(NAME_IS_A, NAME_IS_B), NAME_IS_C));
    }

    @Test
    void notBindsMoreTightlyThanAndAndAppliesToParenthesesFunctionsAndBooleanProperties() {
        assertThat(parse("not (displayName eq 'a') and not startswith(description,'x') or not runAs32Bit"))
                .isEqualTo(new Or<>(new And<>(new Not<>(NAME_IS_A),
                        new Not<>(new StringMatch<>(StringFunction.STARTS_WITH, DESCRIPTION, "x"))),
                        new Not<>(new Comparison<>(RUN_AS_32_BIT, Operator.EQ, true))));
        assertThat(parse("not not enforceSignatureCheck"))
                .isEqualTo(new Not<>(new Not<>(new Comparison<>(ENFORCE_SIGNATURE_CHECK, Operator.EQ, true))));
    }

    @Test
    void namesOperatorsFunctionsAndKeywordsAreCaseInsensitive() {
        assertThat(parse("DISPLAYNAME EQ 'a' OR NOT ENDSWITH(displayname,'b') And runAs32Bit Ne TRUE"))
                .isEqualTo(new Or<>(NAME_IS_A, new And<>(
                        new Not<>(new StringMatch<>(StringFunction.ENDS_WITH, DISPLAY_NAME, "b")),
                        new Comparison<>(RUN_AS_32_BIT, Operator.NE, true))));
    }

    @Test
    void literalsAreStringsWithDoubledQuotesBooleansNullAndUnquotedDateTimeOffsets() {
        assertThat(parse("displayName eq 'it''s'")).isEqualTo(named("it's"));
        assertThat(parse("description eq null"))
                .isEqualTo(new Comparison<>(DESCRIPTION, Operator.EQ, null));
        assertThat(parse("enforceSignatureCheck eq false"))
                .isEqualTo(new Comparison<>(ENFORCE_SIGNATURE_CHECK, Operator.EQ, false));
        assertThat(parse("createdDateTime ge 2026-11-28T13:00:00+01:00"))
                .isEqualTo(new Comparison<>(CREATED_DATE_TIME, Operator.GE, Instant.parse("2026-11-28T12:00:00Z")));
        assertThat(parse("runAsAccount eq 'USER'"))
                .isEqualTo(new Comparison<>(RUN_AS_ACCOUNT, Operator.EQ, "USER"));
    }

    @Test
    void everyComparisonOperatorIsRead() {
        for (Operator operator : Operator.values()) {
            assertThat(parse("lastModifiedDateTime " + operator.name().toLowerCase()
                    + " 2026-11-28T12:00:00Z")).isEqualTo(new Comparison<>(ScriptCollection.LAST_MODIFIED_DATE_TIME,
                    operator, Instant.parse("2026-11-28T12:00:00Z")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            displayName eq true                          | 15 | displayName compares with a quoted string
            enforceSignatureCheck eq 'true'              | 25 | enforceSignatureCheck compares with true or false
            createdDateTime lt '2026-11-28T12:00:00Z'    | 19 | a DateTimeOffset
            createdDateTime lt 2026-13-28T12:00:00Z      | 19 | is not a DateTimeOffset
            description gt null                          | 15 | gt does not compare with null
            startswith(runAs32Bit,'x')                   | 11 | startswith applies to string properties
            runAsAccount eq 'admin'                      | 16 | runAsAccount is 'system' or 'user'
            colour eq 'red'                              | 0  | 'colour' is not a property
            displayName eq                               | 14 | not the end
            displayName 'a'                              | 12 | expected a comparison operator
            displayName eq 'a' displayName eq 'b'        | 19 | expected 'and', 'or' or the end
            (displayName eq 'a'                          | 19 | ')' to close the '(' at position 0
            displayName eq 'a                            | 15 | no closing quote
            displayName = 'a'                            | 12 | the character '='
            not displayName eq 'a'                       | 16 | 'not' applies before eq
            not description                              | 15 | expected a comparison operator
            contains(displayName 'a')                    | 21 | expected ','
            """)
    void aFilterThatIsNotValidIsRefusedNamingTheOptionTheProblemAndThePosition(String filter, int position,
                                                                               String problem) {
        assertThatThrownBy(() -> parse(filter))
                .isInstanceOf(GraphRequestException.class)
                .hasMessageContaining("'$filter'")
                .hasMessageContaining("at position " + position + ":")
                .hasMessageContaining(problem);
    }

    /** The depth is checked before the parser recurses, so no nesting, however deep, can overflow its stack. */
    @Test
    void nestingFarBeyondWhatAnyUrlHoldsIsRefusedAtTheDepthLimitWithoutOverflowingTheStack() {
        int limit = QueryLimits.MAX_FILTER_DEPTH;
        for (String filter : List.of("(".repeat(100_000) + "runAs32Bit" + ")".repeat(100_000),
                "not ".repeat(100_000) + "runAs32Bit", "not (".repeat(30_000) + "runAs32Bit")) {
            assertThatThrownBy(() -> parse(filter))
                    .isInstanceOf(GraphRequestException.class)
                    .hasMessageContaining("nest deeper than the limit of " + limit);
        }
    }

    @Test
    void aChainFarBeyondTheNodeLimitIsRefusedAtTheLimit() {
        String chain = String.join(" or ", Collections.nCopies(10_000, "displayName eq 'a'"));

        assertThatThrownBy(() -> parse(chain))
                .isInstanceOf(GraphRequestException.class)
                .hasMessageContaining("more than the limit of " + QueryLimits.MAX_FILTER_NODES);
    }

    private static Comparison named(String name) {
        return new Comparison<>(DISPLAY_NAME, Operator.EQ, name);
    }

    private static Filter<DeviceManagementScript> parse(String text) {
        return FilterParser.parse(text, ScriptCollection.SCRIPTS);
    }
}
