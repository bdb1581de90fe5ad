package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;
import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;

import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.graph.RequestBodies;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.application.collections.UserCollection;
import dev.devicescripts.application.port.in.UserUseCases;
import dev.devicescripts.domain.directory.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** Graph's {@code /users} (spec 1.2), each user by its object id or its userPrincipalName. */
public final class UserEndpoints implements GraphResource {
    static final String USERS = GRAPH_ROOT + "/users";
    private static final String COLLECTION = "users";
    private static final KnownSegments SEGMENTS = new KnownSegments(Set.of("users", "memberof",
            "transitivememberof", "$count"), Set.of("users"));

    private final UserUseCases users;
    private final RequestBodies bodies;
    private final LinkBase links;

    public UserEndpoints(UserUseCases users, Shared shared) {
        this.users = users;
        this.bodies = shared.bodies();
        this.links = shared.links();
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        CollectionEndpoint.directory(UserCollection.USERS, USERS, DirectoryJson.CONTEXT_BASE + COLLECTION, users, links)
                .register(routes);
        routes.post(USERS, this::create);
        List<String> items = DirectoryJson.KEY_FORMS.stream().map(keyForm -> USERS + keyForm).toList();
        DirectoryLists.registerMemberOf(routes, items, users, links);
        for (String user : items) {
            routes.get(user, this::get);
            routes.patch(user, this::update);
            routes.delete(user, this::delete);
        }
    }

    /** The password of the body's passwordProfile is never written back. */
    private void create(Context ctx) {
        String base = links.of(ctx);
        User user = users.create(caller(ctx), DirectoryRequests.newUser(bodies.jsonObject(ctx)));
        ctx.header("Location", base + USERS + "/" + user.id());
        DirectoryJson.send(ctx, 201, UserCollection.USERS, COLLECTION, user, Projection.ALL);
    }

    private void get(Context ctx) {
        DirectoryJson.sendSelected(ctx, UserCollection.USERS, COLLECTION,
                users.get(caller(ctx), DirectoryJson.key(ctx)));
    }

    private void update(Context ctx) {
        users.update(caller(ctx), DirectoryJson.key(ctx), DirectoryRequests.userPatch(bodies.jsonObject(ctx)));
        ctx.status(204);
    }

    private void delete(Context ctx) {
        users.delete(caller(ctx), DirectoryJson.key(ctx));
        ctx.status(204);
    }
}
