package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertInnerError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.Batches;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Query options at and beyond QueryLimits over HTTP: at a limit a request is answered; one step beyond, and however far
 * beyond (the nesting that once overflowed the stack), it is a 400 that names the option and the limit.
 */
class QueryLimitsTest {
    private static final int DEPTH = QueryLimits.MAX_FILTER_DEPTH;
    private static final String NAMED = "displayName eq 'Limits'";

    private final GraphApi api = GraphApi.start();

    QueryLimitsTest() {
        api.createScript("Limits");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void parenthesesNestUpToTheDepthLimit() {
        assertThat(listed(nested(DEPTH))).isEqualTo(1);

        assertGraphError(list(nested(DEPTH + 1)), 400, "BadRequest", "'$filter'", "position " + DEPTH,
                "nest deeper than the limit of " + DEPTH);
        assertGraphError(list(nested(1_000)), 400, "BadRequest", "'$filter'", "limit of " + DEPTH);
    }

    @Test
    void notsNestUpToTheDepthLimit() {
        // The one script is not 32-bit: an odd number of nots lists it, an even number does not.
        assertThat(listed("not ".repeat(DEPTH - 1) + "runAs32Bit")).isEqualTo(1);
        assertThat(listed("not ".repeat(DEPTH) + "runAs32Bit")).isZero();

        assertGraphError(list("not ".repeat(DEPTH + 1) + "runAs32Bit"), 400, "BadRequest", "'$filter'",
                "nest deeper than the limit of " + DEPTH);
        assertGraphError(list("not ".repeat(1_500) + "runAs32Bit"), 400, "BadRequest", "'$filter'",
                "limit of " + DEPTH);
        assertGraphError(list("not (".repeat(600) + NAMED + ")".repeat(600)), 400, "BadRequest", "'$filter'",
                "limit of " + DEPTH);
    }

    @Test
    void aFilterHoldsUpToTheNodeLimitHoweverItIsChained() {
        int comparisons = (QueryLimits.MAX_FILTER_NODES + 1) / 2; // and n - 1 'or's
        assertThat(listed(chain(" or ", comparisons))).isEqualTo(1);
        assertThat(listed(chain(" and ", comparisons))).isEqualTo(1);

        assertGraphError(list(chain(" or ", comparisons + 1)), 400, "BadRequest", "'$filter'",
                "more than the limit of " + QueryLimits.MAX_FILTER_NODES);
        assertGraphError(list(String.join(" and ", Collections.nCopies(300, "not runAs32Bit"))), 400, "BadRequest",
                "'$filter'", "limit of " + QueryLimits.MAX_FILTER_NODES);
        assertGraphError(list(String.join(" or ", Collections.nCopies(120, "contains(description,'x')"))), 400,
                "BadRequest", "'$filter'", "limit of " + QueryLimits.MAX_FILTER_NODES);
    }

    @Test
    void theCountAndBatchRequestsHaveTheSameLimits() {
        assertGraphError(api.get(SCRIPTS + "/$count?$filter=" + encoded(nested(1_000))), 400, "BadRequest",
                "'$filter'", "limit of " + DEPTH);

        Reply batch = api.post(Batches.BATCH, Batches.batch(Batches.request("1", "GET",
                Batches.BATCH_SCRIPTS + "?$filter=" + encoded("not ".repeat(100) + "runAs32Bit"), null)));

        assertThat(batch.status()).isEqualTo(200);
        assertInnerError(Batches.responsesById(batch).get("1"), 400, "BadRequest", "'$filter'", "limit of " + DEPTH);
    }

    @Test
    void selectExpandAndOrderByListUpToTheItemLimit() {
        int limit = QueryLimits.MAX_LIST_ITEMS;
        assertThat(api.get(SCRIPTS + "?$select=" + repeated("displayName", limit)).status()).isEqualTo(200);
        assertThat(api.get(SCRIPTS + "?$expand=" + repeated("assignments", limit)).status()).isEqualTo(200);

        assertGraphError(api.get(SCRIPTS + "?$select=" + repeated("displayName", limit + 1)), 400, "BadRequest",
                "'$select'", "lists " + (limit + 1) + " items", "the limit is " + limit);
        assertGraphError(api.get(SCRIPTS + "?$expand=" + repeated("assignments", 300)), 400, "BadRequest",
                "'$expand'", "the limit is " + limit);
        assertGraphError(api.get(SCRIPTS + "?$orderby=" + repeated("displayName", limit + 1)), 400, "BadRequest",
                "'$orderby'", "the limit is " + limit);
        assertGraphError(api.get(SCRIPTS + "/" + api.createScript("Entity") + "?$select=" + repeated("id", 500)),
                400, "BadRequest", "'$select'", "the limit is " + limit);
    }

    private Reply list(String filter) {
        return api.get(SCRIPTS + "?$filter=" + encoded(filter));
    }

    /** How many scripts the filter lists. */
    private int listed(String filter) {
        Reply reply = list(filter);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().get("value").size();
    }

    private static String nested(int depth) {
        return "(".repeat(depth) + NAMED + ")".repeat(depth);
    }

    /** {@code count} comparisons joined by {@code joint}, the first of them true of the one script. */
    private static String chain(String joint, int count) {
        return IntStream.range(0, count).mapToObj(i -> i == 0 ? NAMED : "displayName ne 'other" + i + "'")
                .collect(Collectors.joining(joint));
    }

    private static String repeated(String item, int count) {
        return String.join(",", Collections.nCopies(count, item));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
