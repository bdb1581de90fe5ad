package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** $filter over HTTP: what a client lists and counts with each kind of expression. */
class FilterTest {
    private final GraphApi api = GraphApi.start();
    /** The createdDateTime of "beta", the second script. */
    private String betaCreated;

    @BeforeEach
    void createScripts() {
        create("""
                {"displayName":"Alpha","description":"First script","runAsAccount":"system",
                 "enforceSignatureCheck":true,"runAs32Bit":false}""");
        betaCreated = create("""
                {"displayName":"beta","runAsAccount":"user","enforceSignatureCheck":false,"runAs32Bit":true}""");
        create("""
                {"displayName":"Gamma's","description":"Third","runAsAccount":"user","enforceSignatureCheck":true,
                 "runAs32Bit":true}""");
        create("""
                {"displayName":"delta","description":"it's fourth","runAsAccount":"system",
                 "enforceSignatureCheck":false,"runAs32Bit":false}""");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void eachComparisonOperatorComparesStringsIgnoringCase() {
        assertThat(listed("displayName eq 'ALPHA'")).containsExactly("Alpha");
        assertThat(listed("displayName ne 'alpha'")).containsExactly("beta", "Gamma's", "delta");
        assertThat(listed("displayName gt 'Beta'")).containsExactly("Gamma's", "delta");
        assertThat(listed("displayName ge 'Beta'")).containsExactly("beta", "Gamma's", "delta");
        assertThat(listed("displayName lt 'beta'")).containsExactly("Alpha");
        assertThat(listed("displayName le 'beta'")).containsExactly("Alpha", "beta");
    }

    @Test
    void dateTimeOffsetsAreWrittenUnquotedAndCompareInTime() {
        assertThat(listed("createdDateTime eq " + betaCreated)).containsExactly("beta");
        assertThat(listed("createdDateTime gt " + betaCreated)).containsExactly("Gamma's", "delta");
        assertThat(listed("createdDateTime le " + betaCreated)).containsExactly("Alpha", "beta");
        assertThat(listed("lastModifiedDateTime lt 2000-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void booleanPropertiesCompareWithTrueAndFalseOrStandAlone() {
        assertThat(listed("enforceSignatureCheck eq true")).containsExactly("Alpha", "Gamma's");
        assertThat(listed("enforceSignatureCheck ne true")).containsExactly("beta", "delta");
        assertThat(listed("runAs32Bit")).containsExactly("beta", "Gamma's");
        assertThat(listed("not runAs32Bit")).containsExactly("Alpha", "delta");
    }

    @Test
    void nullEqualsOnlyNullAndNeHoldsForNull() {
        assertThat(listed("description eq null")).containsExactly("beta");
        assertThat(listed("description ne null")).containsExactly("Alpha", "Gamma's", "delta");
        assertThat(listed("description ne 'Third'")).containsExactly("Alpha", "beta", "delta");
        assertThat(listed("fileName eq null")).hasSize(4);
    }

    @Test
    void runAsAccountComparesWithSystemOrUserInAnyCase() {
        assertThat(listed("runAsAccount eq 'SYSTEM'")).containsExactly("Alpha", "delta");
        assertThat(listed("runAsAccount ne 'system'")).containsExactly("beta", "Gamma's");
    }

    @Test
    void andBindsMoreTightlyThanOrAndParenthesesRegroup() {
        assertThat(listed("runAsAccount eq 'user' and enforceSignatureCheck eq true or displayName eq 'delta'"))
                .containsExactly("Gamma's", "delta");
        assertThat(listed("runAsAccount eq 'user' and (enforceSignatureCheck eq true or displayName eq 'beta')"))
                .containsExactly("beta", "Gamma's");
        assertThat(listed("not (runAsAccount eq 'user') and not (displayName eq 'delta')")).containsExactly("Alpha");
    }

    @Test
    void stringFunctionsMatchIgnoringCaseAndNeverMatchNull() {
        assertThat(listed("startswith(displayName,'AL')")).containsExactly("Alpha");
        assertThat(listed("endswith(displayName,'''S')")).containsExactly("Gamma's");
        assertThat(listed("contains(description,'IR')")).containsExactly("Alpha", "Gamma's");
        assertThat(listed("contains(description,'''s')")).containsExactly("delta");
        assertThat(listed("not contains(description,'x')")).containsExactly("Alpha", "beta", "Gamma's", "delta");
    }

    @Test
    void optionAndPropertyNamesAreCaseInsensitiveAndTheDollarIsOptional() {
        for (String option : List.of("$filter", "$FILTER", "filter", "Filter", "%24filter")) {
            Reply reply = api.get(SCRIPTS + "?" + option + "=" + encoded("DISPLAYNAME eq 'beta'"));
            assertThat(names(reply)).as(option).containsExactly("beta");
        }
    }

    @Test
    void countHonoursTheFilter() {
        Reply count = api.get(SCRIPTS + "/$count?$filter=" + encoded("runAsAccount eq 'user'"));

        assertThat(count.status()).isEqualTo(200);
        assertThat(count.header("Content-Type")).startsWith("text/plain");
        assertThat(count.body()).isEqualTo("2");
        assertThat(api.count()).isEqualTo(4);
    }

    @Test
    void aFilterOfTheWrongTypeOrSyntaxIsABadRequestNamingTheOptionAndPosition() {
        assertGraphError(api.get(SCRIPTS + "?$filter=" + encoded("displayName eq true")), 400, "BadRequest",
                "'$filter'", "position 15", "displayName compares with a quoted string");
        assertGraphError(api.get(SCRIPTS + "?$filter=" + encoded("startswith(runAs32Bit,'x')")), 400, "BadRequest",
                "'$filter'", "position 11", "startswith applies to string properties");
        assertGraphError(api.get(SCRIPTS + "?$filter=" + encoded("createdDateTime gt null")), 400, "BadRequest",
                "'$filter'", "position 19", "gt does not compare with null");
        assertGraphError(api.get(SCRIPTS + "/$count?$filter=" + encoded("displayName eq 'a' and")), 400,
                "BadRequest", "'$filter'", "position 22", "expected a property name");
    }

    /** The createdDateTime of the script created from {@code json}. */
    private String create(String json) {
        Reply created = api.post(SCRIPTS, json);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("createdDateTime").asText();
    }

    /** The names of the scripts the filter lists, oldest first. */
    private List<String> listed(String filter) {
        return names(api.get(SCRIPTS + "?$filter=" + encoded(filter)));
    }

    private static List<String> names(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> names = new ArrayList<>();
        reply.json().get("value").forEach(script -> names.add(script.get("displayName").asText()));
        return names;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
