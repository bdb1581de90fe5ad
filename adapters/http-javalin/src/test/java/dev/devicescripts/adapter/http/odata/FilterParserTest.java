package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.application.collections.AuditEventCollection.AUDIT_EVENTS;
import static dev.devicescripts.application.collections.DirectoryAuditCollection.DIRECTORY_AUDITS;
import static dev.devicescripts.application.collections.ScriptCollection.CREATED_DATE_TIME;
import static dev.devicescripts.application.collections.ScriptCollection.DESCRIPTION;
import static dev.devicescripts.application.collections.ScriptCollection.DISPLAY_NAME;
import static dev.devicescripts.application.collections.ScriptCollection.ENFORCE_SIGNATURE_CHECK;
import static dev.devicescripts.application.collections.ScriptCollection.RUN_AS_32_BIT;
import static dev.devicescripts.application.collections.ScriptCollection.RUN_AS_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.application.collections.AuditEventCollection;
import dev.devicescripts.application.collections.DirectoryAuditCollection;
import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter.And;
import dev.devicescripts.application.query.Filter.Comparison;
import dev.devicescripts.application.query.Filter.In;
import dev.devicescripts.application.query.Filter.Not;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Filter.Or;
import dev.devicescripts.application.query.Filter.StringFunction;
import dev.devicescripts.application.query.Filter.StringMatch;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.ValueType;
import dev.devicescripts.domain.DeviceManagementScript;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
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

    @Test
    void inListsOneOrMoreLiteralsOfTheirPropertysType() {
        assertThat(parse("displayName in ('a', 'B')")).isEqualTo(new In<>(DISPLAY_NAME, List.of("a", "B")));
        assertThat(parse("runAsAccount IN ('USER')")).isEqualTo(new In<>(RUN_AS_ACCOUNT, List.of("USER")));
        assertThat(parse("not (createdDateTime in (2026-11-28T12:00:00Z)) and displayName in ('c')"))
                .isEqualTo(new And<>(new Not<>(new In<>(CREATED_DATE_TIME, List.of(Instant.parse(
                        "2026-11-28T12:00:00Z")))), new In<>(DISPLAY_NAME, List.of("c"))));
    }

    @Test
    void anyTestsTheElementsOfAListThatDeclaresItWhateverTheVariableIsCalled() {
        Filter.AnyEquals<Team> unified = new Filter.AnyEquals<>(TEAM_TYPES, "Unified");
        assertThat(FilterParser.parse("groupTypes/any(c:c eq 'Unified')", TEAMS)).isEqualTo(unified);
        assertThat(FilterParser.parse("GROUPTYPES/ANY( type: type EQ 'Unified' )", TEAMS)).isEqualTo(unified);
        assertThat(FilterParser.parse("not groupTypes/any(c:c eq 'Unified') or name in ('a')", TEAMS))
                .isEqualTo(new Or<>(new Not<>(unified), new In<>(TEAM_NAME, List.of("a"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            groupTypes eq 'Unified'                    | 11 | is a list; test its elements with groupTypes/any
            groupTypes/all(c:c eq 'x')                 | 11 | expected any after groupTypes/
            groupTypes/any(c:d eq 'x')                 | 15 | any compares its variable: write c:c eq 'value'
            groupTypes/any(c:c ne 'x')                 | 19 | any takes only eq, not 'ne'
            groupTypes/any(c)                          | 15 | expected a variable and ':'
            groupTypes/any()                           | 15 | a lambda such as x:x eq 'value'
            groupTypes/any(c:c eq 'x'                  | 25 | ')' to close any(
            name/any(c:c eq 'x')                       | 4  | expected a comparison operator
            startswith(groupTypes,'x')                 | 11 | groupTypes holds a list of strings
            name in 'a'                                | 8  | '(' to open the values of in
            name in ('a' 'b')                          | 13 | ',' or ')' to close the values of in
            name in ('a', null)                        | 14 | in lists values, not null; write name eq null
            name in ('a', true)                        | 14 | name compares with a quoted string
            not name in ('a')                          | 9  | 'not' applies before in
            """)
    void aListFilterThatIsNotValidIsRefusedNamingTheProblemAndThePosition(String filter, int position,
                                                                          String problem) {
        assertThatThrownBy(() -> FilterParser.parse(filter, TEAMS))
                .isInstanceOf(GraphRequestException.class)
                .hasMessageContaining("at position " + position + ":")
                .hasMessageContaining(problem);
    }

    @Test
    void aPathIsThePropertyDeclaredByThatNameAndALambdaOverObjectsTestsTheListDeclaredUnderIt() {
        assertThat(FilterParser.parse("INITIATEDBY/User/ID eq 'u1' and targetResources/any(t: t/id eq 'g1')",
                DIRECTORY_AUDITS)).isEqualTo(new And<>(
                        new Comparison<>(DirectoryAuditCollection.INITIATED_BY_USER_ID, Operator.EQ, "u1"),
                        new Filter.AnyEquals<>(DirectoryAuditCollection.TARGET_RESOURCE_IDS, "g1")));
        assertThat(FilterParser.parse("not resources/any(r:r/resourceId eq 's1') and category eq 'x'", AUDIT_EVENTS))
                .isEqualTo(new And<>(new Not<>(new Filter.AnyEquals<>(AuditEventCollection.RESOURCE_IDS, "s1")),
                        new Comparison<>(AuditEventCollection.CATEGORY, Operator.EQ, "x")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            initiatedBy eq 'x'                         | 0  | 'initiatedBy' is not a property $filter can use
            initiatedBy/user/foo eq 'x'                | 0  | 'initiatedBy/user' is not a property $filter can use
            not initiatedBy/user/id eq 'x'             | 24 | write not (initiatedBy/user/id eq ...)
            targetResources/id eq 'x'                  | 0  | 'targetResources' is not a property $filter can use
            targetResources/any(t:t/type eq 'x')       | 24 | 'targetResources/type' is not a property
            targetResources/any(t:t eq 'x')            | 24 | expected '/' and a property of targetResources after t
            targetResources/any(t:u/id eq 'x')         | 20 | any compares its variable: write t:t/name eq 'value'
            targetResources/any(t:t/id ne 'x')         | 27 | any takes only eq, not 'ne'
            """)
    void aPathOrLambdaTheCollectionDoesNotDeclareIsRefusedAsAnUnknownNameIs(String filter, int position,
                                                                          String problem) {
        assertThatThrownBy(() -> FilterParser.parse(filter, DIRECTORY_AUDITS))
                .isInstanceOf(GraphRequestException.class)
                .hasMessageContaining("at position " + position + ":")
                .hasMessageContaining(problem);
    }

    @Test
    void anInListsAtMostTheListLimitOfValues() {
        String values = String.join(",", Collections.nCopies(QueryLimits.MAX_LIST_ITEMS, "'a'"));
        assertThat(parse("displayName in (" + values + ")")).isInstanceOf(In.class);
        assertThatThrownBy(() -> parse("displayName in (" + values + ",'b')"))
                .isInstanceOf(GraphRequestException.class)
                .hasMessageContaining("more than the limit of " + QueryLimits.MAX_LIST_ITEMS + " values");
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

    /** A directory-like collection with a list of strings that $filter may test. */
    private record Team(UUID id, String name, List<String> groupTypes) {
    }

    private static final Property<Team> TEAM_ID = Property.<Team>of("id", ValueType.GUID, Team::id).selectOnly();
    private static final Property<Team> TEAM_NAME = Property.of("name", ValueType.STRING, Team::name);
    private static final Property<Team> TEAM_TYPES =
            Property.<Team>of("groupTypes", ValueType.STRING_LIST, Team::groupTypes).filterableByAny();
    private static final EntitySet<Team> TEAMS = new EntitySet<>("team", List.of(TEAM_ID, TEAM_NAME, TEAM_TYPES),
            TEAM_ID, List.of(), List.of());

    private static Comparison named(String name) {
        return new Comparison<>(DISPLAY_NAME, Operator.EQ, name);
    }

    private static Filter<DeviceManagementScript> parse(String text) {
        return FilterParser.parse(text, ScriptCollection.SCRIPTS);
    }
}
