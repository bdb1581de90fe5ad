package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.COUNT;
import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.EXPAND;
import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.FILTER;
import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.ORDERBY;
import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.SEARCH;
import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.SELECT;
import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.SKIP;
import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.SKIPTOKEN;
import static dev.devicescripts.adapter.http.odata.QueryOptions.Option.TOP;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A request for one page of a collection: its query options as a {@link Query}, the projection of each item, whether
 * to count, and the query of the next page's link.
 *
 * @param options as the client gave them, repeated in next links
 */
public record ListQuery<T>(QueryOptions options, Query<T> query, Projection projection, boolean counted) {
    /** Repeated in next links; $skip is not, the cursor already counts the items it skipped. */
    private static final List<Option> REPEATED = List.of(FILTER, ORDERBY, SELECT, EXPAND, TOP, COUNT, SEARCH);
    /**
     * Integer.parseInt also takes a sign and the digits of other scripts (١٠, １０); an OData integer has neither.
     */
    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

    /** @param pageSize the most items a page holds, whatever $top asks for */
    public static <T> ListQuery<T> of(QueryOptions options, EntitySet<T> set, int pageSize) {
        int top = Math.min(options.value(TOP).map(text -> integer(TOP, text, 1)).orElse(pageSize), pageSize);
        return of(options, set, filter(options, set), top, options.value(COUNT).map(ListQuery::bool).orElse(false),
                Projection.of(options, set, List.of()));
    }

    /**
     * A list of the directory's, by its rules ({@link DirectoryQueries}): $search joins $filter with and, and
     * $count=true counts only in an advanced query ({@code eventual}), as the directory ignores it otherwise.
     *
     * @param itemSets the sets of a mixed collection's items, whose properties $select may name
     */
    static <T> ListQuery<T> ofDirectory(QueryOptions options, EntitySet<T> set, boolean eventual,
                                        List<EntitySet<?>> itemSets) {
        boolean counted = options.value(COUNT).map(ListQuery::bool).orElse(false);
        Optional<Filter<T>> filter = filter(options, set);
        DirectoryQueries.checkList(options, filter, eventual, counted);
        int top = DirectoryQueries.top(options.value(TOP).map(text -> integer(TOP, text, 1)));
        return of(options, set, withSearch(options, set, filter), top, eventual && counted,
                Projection.of(options, set, itemSets));
    }

    /** A directory list's $filter and $search, joined by and. */
    static <T> Optional<Filter<T>> directoryFilter(QueryOptions options, EntitySet<T> set) {
        return withSearch(options, set, filter(options, set));
    }

    /** The list's $filter, already parsed, and its $search, joined by and. */
    private static <T> Optional<Filter<T>> withSearch(QueryOptions options, EntitySet<T> set,
                                                      Optional<Filter<T>> filter) {
        Optional<Filter<T>> search = options.value(SEARCH).map(text -> DirectoryQueries.search(text, set));
        return filter.isPresent() && search.isPresent() ? Optional.of(new Filter.And<>(filter.get(), search.get()))
                : filter.or(() -> search);
    }

    static <T> Optional<Filter<T>> filter(QueryOptions options, EntitySet<T> set) {
        return options.value(FILTER).map(text -> FilterParser.parse(text, set));
    }

    private static <T> ListQuery<T> of(QueryOptions options, EntitySet<T> set, Optional<Filter<T>> filter, int top,
                                       boolean counted, Projection projection) {
        List<SortKey<T>> orderBy = options.value(ORDERBY).map(text -> orderBy(text, set)).orElse(List.of());
        int skip = options.value(SKIP).map(text -> integer(SKIP, text, 0)).orElse(0);
        List<SortKey<T>> order = set.orderOrDefault(orderBy);
        Optional<PageCursor> after = options.value(SKIPTOKEN).map(token -> SkipToken.decode(token, order, set));
        return new ListQuery<>(options, new Query<>(set, filter, orderBy, skip, top, after), projection, counted);
    }

    /** The query string of the page after this one, which starts after {@code next}. */
    public String nextPageQuery(PageCursor next) {
        List<String> parameters = new ArrayList<>();
        for (Option option : REPEATED) {
            options.value(option).ifPresent(value -> parameters.add(option.graphName() + "=" + encoded(value)));
        }
        parameters.add(SKIPTOKEN.graphName() + "=" + SkipToken.encode(query.orderBy(), next));
        return String.join("&", parameters);
    }

    /** {@code displayName desc,createdDateTime}: properties, each optionally asc or desc, each at most once. */
    private static <T> List<SortKey<T>> orderBy(String text, EntitySet<T> set) {
        List<SortKey<T>> keys = new ArrayList<>();
        if (set.sortable().isEmpty()) {
            throw badOrderBy("cannot order this list: it keeps its own order (by " + set.key().name() + ")");
        }
        for (String item : QueryLimits.items(ORDERBY, text)) {
            String[] words = item.trim().split("\\s+");
            Property<T> property = set.property(words[0]).filter(Property::isSortable).orElseThrow(() -> badOrderBy(
                    "names '" + words[0] + "', which is not a property lists can be ordered by; use "
                    + set.sortable().stream().map(Property::name).collect(Collectors.joining(", "))));
            if (words.length > 2 || words.length == 2 && !words[1].matches("(?i)asc|desc")) {
                throw badOrderBy("'" + item.trim() + "' is not a property followed by nothing, asc or desc");
            }
            if (keys.stream().anyMatch(key -> key.property() == property)) {
                throw badOrderBy("names " + property.name() + " more than once");
            }
            keys.add(new SortKey<>(property, words.length == 2 && words[1].equalsIgnoreCase("desc")));
        }
        return keys;
    }

    private static GraphRequestException badOrderBy(String problem) {
        return GraphRequestException.badRequest("The query option '" + ORDERBY.graphName() + "' " + problem + ".");
    }

    private static int integer(Option option, String text, int min) {
        try {
            if (ASCII_DIGITS.matcher(text).matches()) {
                int value = Integer.parseInt(text);
                if (value >= min) {
                    return value;
                }
            }
        } catch (NumberFormatException e) {
            // answered below, as a value out of range is
        }
        throw GraphRequestException.badRequest("The query option '" + option.graphName() + "' must be an integer "
                + "from " + min + " to " + Integer.MAX_VALUE + " written in the digits 0 to 9; '" + text + "' is not.");
    }

    private static boolean bool(String text) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw GraphRequestException.badRequest("The query option '" + COUNT.graphName() + "' must be true or "
                    + "false; '" + text + "' is not.");
        }
        return Boolean.parseBoolean(text);
    }

    /** A query value in a URL: spaces as %20 rather than +, which some clients do not decode. */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
