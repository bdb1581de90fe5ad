package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.RequestCaller.caller;

import dev.devicescripts.adapter.http.QueryOptions.Option;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.AssignScriptCommand;
import dev.devicescripts.application.port.in.ScriptPage;
import dev.devicescripts.application.port.in.UpdateScriptCommand;
import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.Guids;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/** The Graph beta routes of device management scripts: each handler translates HTTP to one use case and back. */
final class ScriptEndpoints {
    static final String GRAPH_ROOT = "/beta";
    static final String SCRIPTS = GRAPH_ROOT + "/deviceManagement/deviceManagementScripts";
    /** Graph accepts every key both as a path segment and in OData's parenthesised form. */
    private static final List<String> KEY_FORMS = List.of("/{key}", "({key})");
    private static final String SCRIPT_KEY = "scriptKey";
    private static final String ITEM_KEY = "key";
    private static final Set<String> NAVIGATION_SEGMENTS = Set.of("devicemanagement", "devicemanagementscripts",
            "assignments", "groupassignments", "assign", "$count");
    private static final Set<String> KEYED_SEGMENTS = Set.of("devicemanagementscripts", "assignments",
            "groupassignments");
    private static final Set<Option> ENTITY_OPTIONS = EnumSet.of(Option.SELECT, Option.EXPAND);

    private static final String ASSIGN = "/assign";

    private final GraphUseCases useCases;
    private final int pageSize;
    private final RequestBodies bodies;
    private final ScriptResponses responses;
    private final ServerMetrics metrics;
    private final LinkBase links;

    ScriptEndpoints(GraphUseCases useCases, HttpSettings settings, RequestBodies bodies, ScriptResponses responses,
                    ServerMetrics metrics, LinkBase links) {
        this.useCases = useCases;
        this.pageSize = settings.pageSize();
        this.bodies = bodies;
        this.responses = responses;
        this.metrics = metrics;
        this.links = links;
    }

    void register(RoutesConfig routes) {
        routes.get(SCRIPTS, this::list);
        routes.post(SCRIPTS, this::create);
        routes.get(SCRIPTS + "/$count", this::count); // before the keyed routes, whose key would match $count
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

    private void list(Context ctx) {
        ListQuery query = ListQuery.of(QueryOptions.of(ctx.queryParamMap(), EnumSet.allOf(Option.class)), pageSize);
        String linkBase = links.of(ctx);
        Caller caller = caller(ctx);
        ScriptPage found = useCases.list().list(caller, query.query());
        ExpandedPage page = expanded(caller, query.projection(), found.scripts(), found.next(),
                script -> query.query().cursorAfter(script));
        OptionalLong count = query.counted()
                ? OptionalLong.of(useCases.list().count(caller, query.query().filter()))
                : OptionalLong.empty();
        Optional<String> nextLink = page.next().map(next -> linkBase + SCRIPTS + "?" + query.nextPageQuery(next));
        GraphJson.send(ctx, 200, responses.scripts(page.scripts(), query.projection(), page.sets(), count, nextLink));
    }

    private void count(Context ctx) {
        QueryOptions options = QueryOptions.of(ctx.queryParamMap(), EnumSet.of(Option.FILTER));
        long count = useCases.list().count(caller(ctx), options.value(Option.FILTER).map(FilterParser::parse));
        ctx.contentType("text/plain;charset=utf-8").result(Long.toString(count));
    }

    private void create(Context ctx) {
        ScriptProperties properties = ScriptRequests.newScript(bodies.jsonObject(ctx));
        String linkBase = links.of(ctx);
        DeviceManagementScript script = useCases.create().create(caller(ctx), properties);
        ctx.header("Location", linkBase + SCRIPTS + "/" + script.id());
        GraphJson.send(ctx, 201, responses.script(script));
    }

    private void get(Context ctx) {
        Projection projection = Projection.of(QueryOptions.of(ctx.queryParamMap(), ENTITY_OPTIONS));
        Caller caller = caller(ctx);
        DeviceManagementScript script = useCases.get().get(caller, scriptId(ctx));
        ExpandedPage page = expanded(caller, projection, List.of(script), Optional.empty(), last -> {
            throw new IllegalStateException("A page of one script never ends early");
        });
        GraphJson.send(ctx, 200, responses.script(script, projection, page.sets()));
    }

    private ExpandedPage expanded(Caller caller, Projection projection, List<DeviceManagementScript> scripts,
                                  Optional<PageCursor> next, Function<DeviceManagementScript, PageCursor> cursorAfter) {
        return ExpandedPage.of(scripts, next, projection,
                ids -> useCases.assignments().assignmentSets(caller, ids), cursorAfter);
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
        useCases.assign().assign(caller(ctx), command);
        metrics.assigned(command.groupAssignments().size() + command.assignments().size());
        ctx.status(204);
    }

    /** Whether a route template is that of the assign action (all its routes are POST). */
    static boolean isAssignRoute(String route) {
        return route.endsWith(ASSIGN);
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
        String key = unquoted(ctx.pathParam(SCRIPT_KEY));
        if (!Guids.isGuid(key)) {
            throw GraphRequestException.badRequest("The deviceManagementScript key '" + key + "' is not valid: a "
                    + "script id is a GUID such as 00000000-0000-0000-0000-000000000000.");
        }
        return ScriptId.of(key);
    }

    private static String itemKey(Context ctx) {
        return unquoted(ctx.pathParam(ITEM_KEY));
    }

    /** OData writes string keys in quotes inside parentheses: ('{id}'). */
    private static String unquoted(String key) {
        return key.length() >= 2 && key.startsWith("'") && key.endsWith("'") ? key.substring(1, key.length() - 1) : key;
    }

    private static boolean prefersRepresentation(Context ctx) {
        String prefer = ctx.header("Prefer");
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=representation");
    }

    static boolean isGraphPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals(GRAPH_ROOT) || lower.startsWith(GRAPH_ROOT + "/");
    }

    /**
     * The first segment of a Graph path that names nothing this service serves, as Graph's error names it: the
     * segments are navigation names, each collection followed by an optional key.
     */
    static String unknownSegment(String path) {
        String[] segments = path.substring(GRAPH_ROOT.length()).replaceAll("^/+", "").split("/");
        boolean keyMayFollow = false;
        for (String segment : segments) {
            String name = segment.split("\\(", 2)[0].toLowerCase(Locale.ROOT);
            if (keyMayFollow) {
                keyMayFollow = false;
            } else if (!NAVIGATION_SEGMENTS.contains(name)) {
                return segment;
            } else {
                keyMayFollow = KEYED_SEGMENTS.contains(name) && !segment.contains("(");
            }
        }
        return segments[segments.length - 1];
    }
}
