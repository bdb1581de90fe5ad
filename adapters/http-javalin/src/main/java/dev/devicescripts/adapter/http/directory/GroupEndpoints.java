package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;
import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;

import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.graph.RequestBodies;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.application.collections.DirectoryObjectCollection;
import dev.devicescripts.application.collections.GroupCollection;
import dev.devicescripts.application.port.in.GroupUseCases;
import dev.devicescripts.application.port.in.NavigationListUseCase;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** Graph's {@code /groups} (spec 1.1): each handler translates HTTP to one use case and back. */
public final class GroupEndpoints implements GraphResource {
    static final String GROUPS = GRAPH_ROOT + "/groups";
    private static final String COLLECTION = "groups";
    private static final KnownSegments SEGMENTS = new KnownSegments(Set.of("groups", "members",
            "transitivemembers", "memberof", "transitivememberof", "$ref", "$count"), Set.of("groups", "members"));

    private final GroupUseCases groups;
    private final RequestBodies bodies;
    private final LinkBase links;

    public GroupEndpoints(GroupUseCases groups, Shared shared) {
        this.groups = groups;
        this.bodies = shared.bodies();
        this.links = shared.links();
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        CollectionEndpoint.directory(GroupCollection.GROUPS, GROUPS, DirectoryJson.CONTEXT_BASE + COLLECTION, groups,
                links).register(routes);
        routes.post(GROUPS, this::create);
        List<String> items = DirectoryJson.KEY_FORMS.stream().map(keyForm -> GROUPS + keyForm).toList();
        DirectoryLists.registerMemberOf(routes, items, groups, links);
        for (String group : items) {
            for (boolean transitive : List.of(false, true)) {
                CollectionEndpoint.directoryNavigation(DirectoryObjectCollection.DIRECTORY_OBJECTS,
                        group + (transitive ? "/transitiveMembers" : "/members"),
                        DirectoryLists.DIRECTORY_OBJECTS_CONTEXT, members(transitive), links)
                        .ofDirectoryObjects(DirectoryLists.MEMBERS).register(routes);
            }
            routes.get(group, this::get);
            routes.patch(group, this::update);
            routes.delete(group, this::delete);
            routes.post(group + "/members/$ref", this::addMember);
            routes.delete(group + "/members/{memberKey}/$ref", this::removeMember);
        }
    }

    private NavigationListUseCase<DirectoryObject> members(boolean transitive) {
        return NavigationListUseCase.of((caller, key, query) -> groups.members(caller, key, transitive, query),
                (caller, key, filter) -> groups.countMembers(caller, key, transitive, filter));
    }

    private void create(Context ctx) {
        String base = links.of(ctx);
        Group group = groups.create(caller(ctx), DirectoryRequests.newGroup(bodies.jsonObject(ctx), base));
        ctx.header("Location", base + GROUPS + "/" + group.id());
        DirectoryJson.send(ctx, 201, GroupCollection.GROUPS, COLLECTION, group, Projection.ALL);
    }

    private void get(Context ctx) {
        DirectoryJson.sendSelected(ctx, GroupCollection.GROUPS, COLLECTION,
                groups.get(caller(ctx), DirectoryJson.key(ctx)));
    }

    private void update(Context ctx) {
        groups.update(caller(ctx), DirectoryJson.key(ctx),
                DirectoryRequests.groupPatch(bodies.jsonObject(ctx), links.of(ctx)));
        ctx.status(204);
    }

    private void delete(Context ctx) {
        groups.delete(caller(ctx), DirectoryJson.key(ctx));
        ctx.status(204);
    }

    private void addMember(Context ctx) {
        String member = DirectoryRequests.reference(bodies.jsonObject(ctx), links.of(ctx));
        groups.addMembers(caller(ctx), DirectoryJson.key(ctx), List.of(member));
        ctx.status(204);
    }

    private void removeMember(Context ctx) {
        groups.removeMember(caller(ctx), DirectoryJson.key(ctx), GraphPaths.unquoted(ctx.pathParam("memberKey")));
        ctx.status(204);
    }
}
