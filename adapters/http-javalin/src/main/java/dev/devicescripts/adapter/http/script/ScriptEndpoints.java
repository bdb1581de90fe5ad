package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.graph.GraphPaths.ASSIGN;
import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;
import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;

import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.graph.RequestBodies;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.Expanded;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.adapter.http.odata.QueryOptions;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.adapter.http.server.ServerMetrics;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.port.in.AssignScriptCommand;
import dev.devicescripts.application.port.in.UpdateScriptCommand;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptPatch;
import dev.devicescripts.domain.ScriptProperties;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The Graph beta routes of device management scripts: each handler translates HTTP to one use case and back. */
public final class ScriptEndpoints implements GraphResource {
    static final String SCRIPTS = GRAPH_ROOT + "/deviceManagement/deviceManagementScripts";
    /** Graph accepts every key both as a path segment and in OData's parenthesised form. */
    private static final List<String> KEY_FORMS = List.of("/{key}", "({key})");
    private static final String SCRIPT_KEY = "scriptKey";
    private static final String ITEM_KEY = "key";
    public static final KnownSegments SEGMENTS = new KnownSegments(Set.of("devicemanagement",
            "devicemanagementscripts", "assignments", "groupassignments", "assign", "$count"),
            Set.of("devicemanagementscripts", "assignments", "groupassignments"));
    private static final Set<Option> ENTITY_OPTIONS = EnumSet.of(Option.SELECT, Option.EXPAND);

    private final ScriptUseCases useCases;
    private final int pageSize;
    private final RequestBodies bodies;
    private final ScriptResponses responses;
    private final ServerMetrics metrics;
    private final LinkBase links;

    public ScriptEndpoints(ScriptUseCases useCases, ServerMetrics metrics, Shared shared) {
        this.useCases = useCases;
        this.pageSize = shared.pageSize();
        this.bodies = shared.bodies();
        this.responses = new ScriptResponses();
        this.metrics = metrics;
        this.links = shared.links();
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        // The list and its $count come before the keyed routes, whose key would match $count.
        new CollectionEndpoint<>(ScriptCollection.SCRIPTS, SCRIPTS, ScriptResponses.SCRIPTS_CONTEXT, useCases.list(),
                this::expanded, pageSize, links).register(routes);
        routes.post(SCRIPTS, this::create);
        for (String keyForm : KEY_FORMS) {
            String script = SCRIPTS + keyForm.replace(ITEM_KEY, SCRIPT_KEY);
            routes.get(script, this::get);
            routes.patch(script, this::update);
            routes.delete(script, this::delete);
            routes.post(script + ASSIGN, this::assign);
            registerReadOnly(routes, script + "/assignments", this::assignments, this::assignment);
            registerReadOnly(routes, script + "/groupAssignments", this::groupAssignments, this::groupAssignment);
        }
    }

    /**
     * Assignment collections are read-only in Graph: POST and DELETE get its "No method match" answer. They take no
     * query options.
     */
    private static void registerReadOnly(RoutesConfig routes, String collection, Handler list, Handler item) {
        Handler noMethodMatch = ctx -> {
            throw GraphRequestException.noMethodMatch(ctx.method().name());
        };
        routes.get(collection, withoutOptions(list));
        routes.post(collection, noMethodMatch);
        routes.delete(collection, noMethodMatch);
        for (String keyForm : KEY_FORMS) {
            routes.get(collection + keyForm, withoutOptions(item));
            routes.post(collection + keyForm, noMethodMatch);
            routes.delete(collection + keyForm, noMethodMatch);
        }
    }

    private static Handler withoutOptions(Handler handler) {
        return ctx -> {
            QueryOptions.of(ctx.queryParamMap(), Set.of());
            handler.handle(ctx);
        };
    }

    private void create(Context ctx) {
        ScriptProperties properties = ScriptRequests.newScript(bodies.jsonObject(ctx));
        String linkBase = links.of(ctx);
        DeviceManagementScript script = useCases.create().create(caller(ctx), properties);
        ctx.header("Location", linkBase + SCRIPTS + "/" + script.id());
        GraphJson.send(ctx, 201, responses.script(script));
    }

    private void get(Context ctx) {
        Projection projection =
                Projection.of(QueryOptions.of(ctx.queryParamMap(), ENTITY_OPTIONS), ScriptCollection.SCRIPTS);
        Caller caller = caller(ctx);
        DeviceManagementScript script = useCases.get().get(caller, scriptId(ctx));
        ExpandedPage page = ExpandedPage.of(List.of(script), Optional.empty(), projection,
                ids -> useCases.assignments().assignmentSets(caller, ids), last -> {
                    throw new IllegalStateException("A page of one script never ends early");
                });
        GraphJson.send(ctx, 200, responses.script(script, projection, page.sets()));
    }

    /** A page of scripts with the assignment sets it expands, which may end it early (see ExpandedPage). */
    private Expanded<DeviceManagementScript> expanded(Caller caller, Page<DeviceManagementScript> found,
                                                      Query<DeviceManagementScript> query, Projection projection) {
        ExpandedPage page = ExpandedPage.of(found.items(), found.next(), projection,
                ids -> useCases.assignments().assignmentSets(caller, ids), query::cursorAfter);
        return new Expanded<>(new Page<>(page.scripts(), page.next()),
                (script, json) -> ScriptResponses.writeExpansions(script, projection, page.sets(), json));
    }

    private void update(Context ctx) {
        ScriptId id = scriptId(ctx);
        ScriptPatch patch = ScriptRequests.patch(bodies.jsonObject(ctx));
        DeviceManagementScript script = useCases.update().update(caller(ctx), new UpdateScriptCommand(id, patch));
        if (prefersRepresentation(ctx)) {
            ctx.header("Preference-Applied", "return=representation");
            GraphJson.send(ctx, 200, responses.script(script));
        } else {
            ctx.status(204);
        }
    }

    private void delete(Context ctx) {
        useCases.delete().delete(caller(ctx), scriptId(ctx));
        ctx.status(204);
    }

    private void assign(Context ctx) {
        ScriptId id = scriptId(ctx);
        AssignScriptCommand command = ScriptRequests.assign(id, bodies.jsonObject(ctx));
        try {
            useCases.assign().assign(caller(ctx), command);
        } catch (InvalidInputException rejection) {
            throw GraphFields.named(rejection); // the set's rules, such as its limit of targets
        }
        metrics.assigned(command.groupAssignments().size() + command.assignments().size());
        ctx.status(204);
    }

    private void assignments(Context ctx) {
        ScriptId id = scriptId(ctx);
        GraphJson.send(ctx, 200, responses.assignments(id, useCases.assignments().assignments(caller(ctx), id)));
    }

    private void assignment(Context ctx) {
        ScriptId id = scriptId(ctx);
        GraphJson.send(ctx, 200, responses.assignment(id,
                useCases.assignments().assignment(caller(ctx), id, itemKey(ctx))));
    }

    private void groupAssignments(Context ctx) {
        ScriptId id = scriptId(ctx);
        GraphJson.send(ctx, 200,
                responses.groupAssignments(id, useCases.assignments().groupAssignments(caller(ctx), id)));
    }

    private void groupAssignment(Context ctx) {
        ScriptId id = scriptId(ctx);
        GraphJson.send(ctx, 200, responses.groupAssignment(id,
                useCases.assignments().groupAssignment(caller(ctx), id, itemKey(ctx))));
    }

    private static ScriptId scriptId(Context ctx) {
        return ScriptId.of(GraphPaths.guidKey(ctx.pathParam(SCRIPT_KEY), "deviceManagementScript", "script id"));
    }

    private static String itemKey(Context ctx) {
        return GraphPaths.unquoted(ctx.pathParam(ITEM_KEY));
    }

    private static boolean prefersRepresentation(Context ctx) {
        String prefer = ctx.header("Prefer");
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=representation");
    }
}
