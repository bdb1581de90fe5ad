package dev.devicescripts.adapter.http.odata;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.ValueType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The directory's own rules for lists (see docs/targeting.md, 1.0): pages of 100 unless $top asks for up to 999,
 * {@code $search}, and the advanced queries it serves only to a request with the header
 * {@code ConsistencyLevel: eventual}, some of them only with {@code $count=true} too.
 */
final class DirectoryQueries {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_TOP = 999;
    static final String CONSISTENCY_LEVEL = "ConsistencyLevel";
    /** {@code "displayName:pilot"}: one property and the text it contains, the quotes required. */
    private static final Pattern SEARCH = Pattern.compile("\"(\\w+):([^\"]*)\"");

    private DirectoryQueries() {
    }

    /** Whether the request asks for an advanced query: {@code ConsistencyLevel: eventual}. */
    static boolean eventual(String consistencyLevel) {
        return "eventual".equalsIgnoreCase(consistencyLevel == null ? null : consistencyLevel.trim());
    }

    /** The most items a page holds: $top's, from 1 to 999, else 100. */
    static int top(Optional<Integer> top) {
        if (top.isPresent() && top.get() > MAX_TOP) {
            throw GraphRequestException.badRequest("Invalid page size specified: '" + top.get() + "'. Must be "
                    + "between 1 and " + MAX_TOP + " inclusive.");
        }
        return top.orElse(DEFAULT_PAGE_SIZE);
    }

    /** $count of a collection, which the directory answers only as an advanced query. */
    static void checkCount(boolean eventual) {
        if (!eventual) {
            throw GraphRequestException.badRequest("$count is not currently supported.");
        }
    }

    /**
     * Refuses what the directory serves only as an advanced query when the request is not one: $search, $filter with
     * $orderby, and a filter with ne, not or endswith, which needs $count=true as well.
     */
    static <T> void checkList(QueryOptions options, Optional<Filter<T>> filter, boolean eventual, boolean counted) {
        if (!eventual && options.value(Option.SEARCH).isPresent()) {
            throw unsupported("$search needs the header ConsistencyLevel: eventual");
        }
        if (!eventual && filter.isPresent() && options.value(Option.ORDERBY).isPresent()) {
            throw unsupported("$filter with $orderby needs the header ConsistencyLevel: eventual");
        }
        if (filter.map(DirectoryQueries::isAdvanced).orElse(false) && !(eventual && counted)) {
            throw unsupported("ne, not and endswith in $filter need the header ConsistencyLevel: eventual and "
                    + "$count=true");
        }
    }

    /**
     * {@code $search="property:text"}: the items whose property contains the text, ignoring case. The property is
     * one of the collection's strings that $filter can use.
     */
    static <T> Filter<T> search(String text, EntitySet<T> set) {
        Matcher search = SEARCH.matcher(text.trim());
        if (!search.matches()) {
            throw GraphRequestException.badRequest("The query option '$search' must be a property and the text it "
                    + "contains in double quotes, such as \"displayName:pilot\"; '" + text + "' is not.");
        }
        Property<T> property = set.property(search.group(1)).filter(DirectoryQueries::isSearchable)
                .orElseThrow(() -> GraphRequestException.badRequest("The query option '$search' names '"
                        + search.group(1) + "', which is not a property $search can use; use " + set.filterable()
                        .stream().filter(DirectoryQueries::isSearchable).map(Property::name)
                        .collect(Collectors.joining(", ")) + "."));
        return new Filter.StringMatch<>(Filter.StringFunction.CONTAINS, property, search.group(2));
    }

    private static boolean isSearchable(Property<?> property) {
        return property.type() == ValueType.STRING && property.isFilterable();
    }

    /** Whether the filter uses what the directory serves only as an advanced query. */
    private static boolean isAdvanced(Filter<?> filter) {
        if (filter instanceof Filter.Comparison<?> comparison) {
            return comparison.operator() == Filter.Operator.NE;
        }
        if (filter instanceof Filter.StringMatch<?> match) {
            return match.function() == Filter.StringFunction.ENDS_WITH;
        }
        if (filter instanceof Filter.And<?> and) {
            return isAdvanced(and.left()) || isAdvanced(and.right());
        }
        if (filter instanceof Filter.Or<?> or) {
            return isAdvanced(or.left()) || isAdvanced(or.right());
        }
        return filter instanceof Filter.Not<?>;
    }

    private static GraphRequestException unsupported(String why) {
        return GraphRequestException.unsupportedQuery("Unsupported query: " + why + ".");
    }
}
