package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;

import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.odata.CollectionJson.ItemWriter;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.ListUseCase;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The list and {@code /$count} routes of any collection, from its declaration and its {@link ListUseCase}: every
 * query option, paging by {@code $skiptoken}, {@code @odata.count} and the Graph JSON of its items.
 *
 * @param <T> the items' type
 */
public final class CollectionEndpoint<T> {
    /**
     * What a page writes for the navigation properties its projection expands. It may end the page early, as Graph's
     * server-driven paging lets it, to bound what one response holds.
     */
    @FunctionalInterface
    public interface Expander<T> {
        Expanded<T> expand(Caller caller, Page<T> page, Query<T> query, Projection projection);
    }

    /** A page with the writer of its items' expanded navigation properties. */
    public record Expanded<T>(Page<T> page, ItemWriter<T> expansions) {
    }

    private final EntitySet<T> set;
    private final String path;
    private final String context;
    private final Function<Context, ListUseCase<T>> useCase;
    private final Function<Context, Expander<T>> expander;
    private final int pageSize;
    private final LinkBase links;

    /**
     * @param path    the collection's route, e.g. {@code /beta/deviceManagement/deviceManagementScripts}
     * @param context its {@code @odata.context} without a selection
     */
    public CollectionEndpoint(EntitySet<T> set, String path, String context, ListUseCase<T> useCase,
                              Expander<T> expander, int pageSize, LinkBase links) {
        this(set, path, context, ctx -> useCase, ctx -> expander, pageSize, links);
    }

    private CollectionEndpoint(EntitySet<T> set, String path, String context,
                               Function<Context, ListUseCase<T>> useCase, Function<Context, Expander<T>> expander,
                               int pageSize, LinkBase links) {
        this.set = set;
        this.path = path;
        this.context = context;
        this.useCase = useCase;
        this.expander = expander;
        this.pageSize = pageSize;
        this.links = links;
    }

    /** A collection whose items expand nothing. */
    public static <T> CollectionEndpoint<T> of(EntitySet<T> set, String path, String context, ListUseCase<T> useCase,
                                               int pageSize, LinkBase links) {
        return new CollectionEndpoint<>(set, path, context, useCase,
                (caller, page, query, projection) -> new Expanded<>(page, (item, json) -> { }), pageSize, links);
    }

    /**
     * A collection under an item, such as a user's managed devices: {@code path} and {@code context} name the item's
     * key as a path parameter ({@code /beta/users/{userKey}/managedDevices}), and the use case and expander of a
     * request are made from its path parameters.
     */
    public static <T> CollectionEndpoint<T> nested(EntitySet<T> set, String path, String context,
                                                   Function<Context, ListUseCase<T>> useCase,
                                                   Function<Context, Expander<T>> expander, int pageSize,
                                                   LinkBase links) {
        return new CollectionEndpoint<>(set, path, context, useCase, expander, pageSize, links);
    }

    /** Registers the list and its count; {@code /$count} first, as a keyed route would take it for a key. */
    public void register(RoutesConfig routes) {
        routes.get(path + "/$count", this::count);
        routes.get(path, this::list);
    }

    private void list(Context ctx) {
        ListQuery<T> query = ListQuery.of(QueryOptions.of(ctx.queryParamMap(), EnumSet.allOf(Option.class)), set,
                pageSize);
        String linkBase = links.of(ctx);
        Caller caller = caller(ctx);
        Projection projection = query.projection();
        ListUseCase<T> items = useCase.apply(ctx);
        Expanded<T> expanded = expander.apply(ctx).expand(caller, items.list(caller, query.query()), query.query(),
                projection);
        OptionalLong count = query.counted()
                ? OptionalLong.of(items.count(caller, query.query().filter()))
                : OptionalLong.empty();
        Optional<String> nextLink = expanded.page().next().map(next -> linkBase + withKeys(path, ctx) + "?"
                + query.nextPageQuery(next));
        GraphJson.send(ctx, 200, CollectionJson.page(withKeys(context, ctx) + projection.contextSuffix(),
                expanded.page().items(),
                count, nextLink, (item, json) -> {
                    CollectionJson.writeProperties(set, item, projection, json);
                    expanded.expansions().write(item, json);
                }));
    }

    private void count(Context ctx) {
        QueryOptions options = QueryOptions.of(ctx.queryParamMap(), EnumSet.of(Option.FILTER));
        long count = useCase.apply(ctx).count(caller(ctx),
                options.value(Option.FILTER).map(text -> FilterParser.parse(text, set)));
        ctx.contentType("text/plain;charset=utf-8").result(Long.toString(count));
    }

    /** The text with each {@code {name}} of a path parameter replaced by the request's value of it. */
    private static String withKeys(String text, Context ctx) {
        String resolved = text;
        for (Map.Entry<String, String> parameter : ctx.pathParamMap().entrySet()) {
            resolved = resolved.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        return resolved;
    }
}
