package dev.devicescripts.adapter.http.odata;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;

/**
 * How deep and how large the query options of one request may be, far beyond what a client writes by hand or by
 * SDK, yet small enough that the filter parser, the filter tree, the in-memory matching and the SQL made from it
 * (which H2's and PostgreSQL's parsers read by recursion too) stay well within a thread's stack. A request beyond a
 * limit is a 400 that names the option and the limit, as OData's own "node count limit of '100'" is.
 */
final class QueryLimits {
    /**
     * Parentheses and {@code not}s open at once in a {@code $filter}. OData's parser allows 800 recursive calls, but
     * each level here is several calls in this parser and in the databases' parsers of the SQL it becomes.
     */
    static final int MAX_FILTER_DEPTH = 32;
    /**
     * Comparisons, functions and {@code and}, {@code or} and {@code not} in one {@code $filter}: OData's default
     * MaxNodeCount, which counts more finely (a comparison there is three nodes, here one).
     */
    static final int MAX_FILTER_NODES = 100;
    /**
     * Items in a {@code $select}, {@code $expand} or {@code $orderby}, which have fewer distinct ones to name, and the
     * values of one {@code in} in a {@code $filter}.
     */
    static final int MAX_LIST_ITEMS = 32;

    private QueryLimits() {
    }

    /** The comma-separated items of a list option such as $select, refused when they are more than the limit. */
    static String[] items(Option option, String value) {
        long count = value.chars().filter(c -> c == ',').count() + 1;
        if (count > MAX_LIST_ITEMS) {
            throw GraphRequestException.badRequest("The query option '" + option.graphName() + "' lists " + count
                    + " items; the limit is " + MAX_LIST_ITEMS + ".");
        }
        return value.split(",", -1);
    }
}
