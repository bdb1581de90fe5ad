package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphService;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.odata.CollectionJson.ItemWriter;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.ListUseCase;
import dev.devicescripts.application.port.in.NavigationListUseCase;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list and {@code /$count} routes of any collection, from its declaration and its {@link ListUseCase}: every
 * query option, paging by {@code $skiptoken}, {@code @odata.count} and the Graph JSON of its items. A collection is
 * Intune's or the directory's ({@link GraphService}), and answers by that service's rules; a navigation collection,
 * such as a group's members, takes the key of the item it is under from its path.
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

    /**
     * The entity set each item of a directoryObject collection is written as. Such a collection may be mixed, as a
     * group's members are users, groups and devices: it is queried by what its items have in common (its own
     * declaration), and each item is written with the properties of its own set.
     */
    public interface ItemTypes<T> {
        /** Every set an item may be written as; $select may name the properties of any. */
        List<EntitySet<?>> sets();

        /** The item as the set it is written as, readable or not by the caller as its permissions say. */
        Typed<?> typed(Caller caller, T item);

        /** A collection whose items are all of {@code set}. */
        static <T> ItemTypes<T> of(EntitySet<T> set) {
            return new ItemTypes<>() {
                @Override
                public List<EntitySet<?>> sets() {
                    return List.of(set);
                }

                @Override
                public Typed<?> typed(Caller caller, T item) {
                    return new Typed<>(set, item);
                }
            };
        }
    }

    /**
     * An item as one of the entity sets it is written as, e.g. a member that is a user. An item the caller may not
     * read as that set (a device in a group's members, to a caller without a device permission) is written with its
     * key alone: Graph lists it, but shows nothing more of it.
     */
    public record Typed<S>(EntitySet<S> set, S item, boolean readable) {
        /** An item the caller may read. */
        public Typed(EntitySet<S> set, S item) {
            this(set, item, true);
        }
    }

    /** {@code {name}} in a route: a path parameter. */
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final String ODATA_TYPE = "@odata.type";

    private final EntitySet<T> set;
    private final String path;
    private final String context;
    private final Function<Context, ListUseCase<T>> useCase;
    private final Function<Context, Expander<T>> expander;
    private final GraphService service;
    private final int pageSize;
    private final LinkBase links;
    /** Null unless the items are directory objects, which carry their @odata.type. */
    private final ItemTypes<T> itemTypes;

    /**
     * An Intune collection.
     *
     * @param path    the collection's route, e.g. {@code /beta/deviceManagement/deviceManagementScripts}
     * @param context its {@code @odata.context} without a selection
     */
    public CollectionEndpoint(EntitySet<T> set, String path, String context, ListUseCase<T> useCase,
                              Expander<T> expander, int pageSize, LinkBase links) {
        this(set, path, context, ctx -> useCase, ctx -> expander, GraphService.INTUNE, pageSize, links, null);
    }

    private CollectionEndpoint(EntitySet<T> set, String path, String context, Function<Context, ListUseCase<T>> useCase,
                               Function<Context, Expander<T>> expander, GraphService service, int pageSize,
                               LinkBase links, ItemTypes<T> itemTypes) {
        if (service != GraphPaths.serviceOf(path)) {
            // Errors and the query options allowed before routing follow the path; the collection must agree.
            throw new IllegalArgumentException(path + " is not a path of the service " + service);
        }
        this.set = set;
        this.path = path;
        this.context = context;
        this.useCase = useCase;
        this.expander = expander;
        this.service = service;
        this.pageSize = pageSize;
        this.links = links;
        this.itemTypes = itemTypes;
    }

    /** An Intune collection whose items expand nothing. */
    public static <T> CollectionEndpoint<T> of(EntitySet<T> set, String path, String context, ListUseCase<T> useCase,
                                               int pageSize, LinkBase links) {
        return new CollectionEndpoint<>(set, path, context, useCase, expandingNothing(), pageSize, links);
    }

    /**
     * An Intune collection under an item, its route naming the item's key as one parameter, e.g. {@code {id}} (its
     * context may name it too); {@code expander} makes the expander of a page under the item with that key.
     */
    public static <T> CollectionEndpoint<T> navigation(EntitySet<T> set, String path, String context,
                                                       NavigationListUseCase<T> useCase,
                                                       Function<String, Expander<T>> expander, int pageSize,
                                                       LinkBase links) {
        String key = keyParameter(path);
        return new CollectionEndpoint<>(set, path, context, ctx -> useCase.under(parentKey(ctx, key)),
                ctx -> expander.apply(parentKey(ctx, key)), GraphService.INTUNE, pageSize, links, null);
    }

    /** A collection of the directory, such as {@code /beta/groups}. */
    public static <T> CollectionEndpoint<T> directory(EntitySet<T> set, String path, String context,
                                                      ListUseCase<T> useCase, LinkBase links) {
        return new CollectionEndpoint<>(set, path, context, ctx -> useCase, ctx -> expandingNothing(),
                GraphService.DIRECTORY, DirectoryQueries.DEFAULT_PAGE_SIZE, links, null);
    }

    /** A collection of the directory under an item, such as {@code /beta/groups/{id}/members}. */
    public static <T> CollectionEndpoint<T> directoryNavigation(EntitySet<T> set, String path, String context,
                                                                NavigationListUseCase<T> useCase, LinkBase links) {
        String key = keyParameter(path);
        return new CollectionEndpoint<>(set, path, context, ctx -> useCase.under(parentKey(ctx, key)),
                ctx -> expandingNothing(), GraphService.DIRECTORY, DirectoryQueries.DEFAULT_PAGE_SIZE, links, null);
    }

    /**
     * The same directory collection, whose items are directory objects: each carries its {@code @odata.type} first
     * and is written as {@code types} says.
     */
    public CollectionEndpoint<T> ofDirectoryObjects(ItemTypes<T> types) {
        if (service != GraphService.DIRECTORY) {
            throw new IllegalArgumentException("Only the directory's collections hold directory objects");
        }
        return new CollectionEndpoint<>(set, path, context, useCase, expander, service, pageSize, links, types);
    }

    private static <T> Expander<T> expandingNothing() {
        return (caller, page, query, projection) -> new Expanded<>(page, (item, json) -> { });
    }

    /** The one path parameter that names the key of the item a collection is under. */
    private static String keyParameter(String path) {
        List<String> parameters = PARAMETER.matcher(path).results().map(parameter -> parameter.group(1)).toList();
        if (parameters.size() != 1) {
            throw new IllegalArgumentException(path + " must name the key of the item it is under, once");
        }
        return parameters.get(0);
    }

    private static String parentKey(Context ctx, String parameter) {
        return GraphPaths.unquoted(ctx.pathParam(parameter));
    }

    /** Registers the list and its count; {@code /$count} first, as a keyed route would take it for a key. */
    public void register(RoutesConfig routes) {
        routes.get(path + "/$count", this::count);
        routes.get(path, this::list);
    }

    private void list(Context ctx) {
        QueryOptions options = QueryOptions.of(ctx.queryParamMap(), QueryOptions.served(service), service);
        ListQuery<T> query = service == GraphService.DIRECTORY
                ? ListQuery.ofDirectory(options, set, eventual(ctx), itemTypes == null ? List.of() : itemTypes.sets())
                : ListQuery.of(options, set, pageSize);
        String linkBase = links.of(ctx);
        Caller caller = caller(ctx);
        ListUseCase<T> list = useCase.apply(ctx);
        Projection projection = query.projection();
        Expanded<T> expanded = expander.apply(ctx).expand(caller, list.list(caller, query.query()), query.query(),
                projection);
        OptionalLong count = query.counted()
                ? OptionalLong.of(list.count(caller, query.query().filter()))
                : OptionalLong.empty();
        Optional<String> nextLink = expanded.page().next().map(next -> linkBase + withParameters(path, ctx) + "?"
                + query.nextPageQuery(next));
        GraphJson.send(ctx, 200, CollectionJson.page(withParameters(context, ctx) + projection.contextSuffix(),
                expanded.page().items(),
                count, nextLink, (item, json) -> {
                    if (itemTypes == null) {
                        CollectionJson.writeProperties(set, item, projection, json);
                    } else {
                        writeTyped(itemTypes.typed(caller, item), projection, json);
                    }
                    expanded.expansions().write(item, json);
                }));
    }

    private static <S> void writeTyped(Typed<S> typed, Projection projection, JsonGenerator json) throws IOException {
        json.writeStringField(ODATA_TYPE, "#microsoft.graph." + typed.set().typeName());
        CollectionJson.writeProperties(typed.set(), typed.item(), typed.readable() ? projection
                : new Projection(List.of(typed.set().key().name()), Set.of()), json);
    }

    private void count(Context ctx) {
        Optional<Filter<T>> filter;
        if (service == GraphService.DIRECTORY) {
            DirectoryQueries.checkCount(eventual(ctx));
            filter = ListQuery.directoryFilter(QueryOptions.of(ctx.queryParamMap(),
                    EnumSet.of(Option.FILTER, Option.SEARCH), service), set);
        } else {
            filter = ListQuery.filter(QueryOptions.of(ctx.queryParamMap(), EnumSet.of(Option.FILTER)), set);
        }
        long count = useCase.apply(ctx).count(caller(ctx), filter);
        ctx.contentType("text/plain;charset=utf-8").result(Long.toString(count));
    }

    private static boolean eventual(Context ctx) {
        return DirectoryQueries.eventual(ctx.header(DirectoryQueries.CONSISTENCY_LEVEL));
    }

    /** A route or context with its parameters as this request gives them, e.g. where the next page is. */
    private static String withParameters(String text, Context ctx) {
        return PARAMETER.matcher(text).replaceAll(parameter -> Matcher.quoteReplacement(URLEncoder.encode(
                ctx.pathParam(parameter.group(1)), StandardCharsets.UTF_8).replace("+", "%20")));
    }
}
