package dev.devicescripts.adapter.http.directory;

import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.odata.CollectionJson;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.adapter.http.odata.QueryOptions;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.query.EntitySet;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;

/** What the directory's routes share: their keys' two forms, and one object written as Graph writes it. */
final class DirectoryJson {
    /** Graph accepts every key both as a path segment and in OData's parenthesised form. */
    static final List<String> KEY_FORMS = List.of("/{key}", "({key})");
    static final String CONTEXT_BASE = "https://graph.microsoft.com/beta/$metadata#";

    private DirectoryJson() {
    }

    /** The key of the path as the client wrote it, without OData's quotes. */
    static String key(Context ctx) {
        return GraphPaths.unquoted(ctx.pathParam("key"));
    }

    /** A single object, without @odata.type: Graph writes that only on the items of directoryObject collections. */
    static <T> void send(Context ctx, int status, EntitySet<T> set, String collection, T item, Projection projection) {
        GraphJson.send(ctx, status, CollectionJson.entity(CONTEXT_BASE + collection + projection.contextSuffix(), item,
                (object, json) -> CollectionJson.writeProperties(set, object, projection, json)));
    }

    /** A GET of one object, which may $select its properties. */
    static <T> void sendSelected(Context ctx, EntitySet<T> set, String collection, T item) {
        send(ctx, 200, set, collection, item,
                Projection.of(QueryOptions.of(ctx.queryParamMap(), EnumSet.of(Option.SELECT)), set));
    }
}
