package dev.devicescripts.adapter.http.audit;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;
import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;
import static dev.devicescripts.application.collections.AuditEventCollection.AUDIT_EVENTS;
import static dev.devicescripts.application.collections.DirectoryAuditCollection.DIRECTORY_AUDITS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.odata.CollectionJson;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.adapter.http.odata.QueryOptions;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.AuditLogUseCases;
import dev.devicescripts.application.query.EntitySet;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Both audit logs, read-only (targeting.md 1.5 and 1.6): Intune's {@code /deviceManagement/auditEvents} with its
 * functions getAuditCategories and getAuditActivityTypes (under their plain and {@code microsoft.graph.} names, as
 * SDKs write them), and Entra's {@code /auditLogs/directoryAudits}. An entry is written only with its change, so
 * POST, PATCH and DELETE get Graph's "No method match" answer [Decision].
 */
public final class AuditLogEndpoints implements GraphResource {
    static final String AUDIT_EVENTS_PATH = GRAPH_ROOT + "/deviceManagement/auditEvents";
    static final String DIRECTORY_AUDITS_PATH = GRAPH_ROOT + "/auditLogs/directoryAudits";
    private static final String METADATA = "https://graph.microsoft.com/beta/$metadata#";
    private static final String STRINGS_CONTEXT = METADATA + "Collection(Edm.String)";
    private static final List<String> KEY_FORMS = List.of("/{key}", "({key})");
    private static final List<String> NAME_FORMS = List.of("", "microsoft.graph.");
    private static final String KEY = "key";
    private static final String ACTIVITY_TYPES = "getAuditActivityTypes";
    private static final String PARAMETERS = "parameters";
    /** {@code category='...'}, a quote inside doubled as in $filter. */
    private static final Pattern CATEGORY = Pattern.compile("(?i)\\s*category\\s*=\\s*'((?:[^']|'')*)'\\s*");
    private static final KnownSegments SEGMENTS = new KnownSegments(KnownSegments.withPrefixes(Set.of(
            "devicemanagement", "auditevents", "auditlogs", "directoryaudits", "$count", "getauditcategories",
            "getauditactivitytypes")),
            Set.of("auditevents", "directoryaudits"));

    private final AuditLogUseCases logs;
    private final Shared shared;
    private final ObjectMapper mapper = GraphJson.newMapper();

    private AuditLogEndpoints(AuditLogUseCases logs, Shared shared) {
        this.logs = logs;
        this.shared = shared;
    }

    public static Factory factory(AuditLogUseCases logs) {
        return shared -> new AuditLogEndpoints(logs, shared);
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        // The lists, their $count and the functions come before the keyed routes, whose key would match them.
        CollectionEndpoint.of(AUDIT_EVENTS, AUDIT_EVENTS_PATH, METADATA + "deviceManagement/auditEvents",
                logs.auditEvents(), shared.pageSize(), shared.links()).register(routes);
        CollectionEndpoint.of(DIRECTORY_AUDITS, DIRECTORY_AUDITS_PATH, METADATA + "auditLogs/directoryAudits",
                logs.directoryAudits(), shared.pageSize(), shared.links()).register(routes);
        for (String prefix : NAME_FORMS) {
            routes.get(AUDIT_EVENTS_PATH + "/" + prefix + "getAuditCategories()",
                    ctx -> sendStrings(ctx, logs::auditCategories));
            routes.get(AUDIT_EVENTS_PATH + "/" + prefix + ACTIVITY_TYPES + "()", ctx -> {
                throw GraphRequestException.badRequest("The function " + ACTIVITY_TYPES + " needs its parameter "
                        + "category, such as " + ACTIVITY_TYPES + "(category='DeviceConfiguration').");
            });
            routes.get(AUDIT_EVENTS_PATH + "/" + prefix + ACTIVITY_TYPES + "({" + PARAMETERS + "})",
                    ctx -> sendStrings(ctx, caller -> logs.auditActivityTypes(caller, category(ctx))));
        }
        registerReadOnly(routes, AUDIT_EVENTS_PATH, AUDIT_EVENTS, logs::auditEvent);
        registerReadOnly(routes, DIRECTORY_AUDITS_PATH, DIRECTORY_AUDITS, logs::directoryAudit);
    }

    /** Get by id, and Graph's refusal of every write to the log and to its entries. */
    private <T> void registerReadOnly(RoutesConfig routes, String path, EntitySet<T> set,
                                      BiFunction<Caller, UUID, T> get) {
        String context = METADATA + path.substring(GRAPH_ROOT.length() + 1);
        Handler noMethodMatch = ctx -> {
            throw GraphRequestException.noRoute("No OData route exists that match template ~/entityset with http "
                    + "verb " + ctx.method() + " for request " + ctx.path() + ": the audit log is read-only, "
                    + "its entries are written with the changes they record.");
        };
        routes.post(path, noMethodMatch);
        for (String keyForm : KEY_FORMS) {
            String entry = path + keyForm;
            routes.get(entry, ctx -> {
                Projection projection = Projection.of(QueryOptions.of(ctx.queryParamMap(), EnumSet.of(Option.SELECT)),
                        set);
                T item = get.apply(caller(ctx), UUID.fromString(GraphPaths.guidKey(ctx.pathParam(KEY),
                        set.typeName(), "audit entry id")));
                GraphJson.send(ctx, 200, CollectionJson.entity(context, item,
                        (found, json) -> CollectionJson.writeProperties(set, found, projection, json)));
            });
            routes.post(entry, noMethodMatch);
            routes.patch(entry, noMethodMatch);
            routes.delete(entry, noMethodMatch);
        }
    }

    /** The category that {@code (category='...')} names. */
    private static String category(Context ctx) {
        String parameters = ctx.pathParam(PARAMETERS);
        Matcher category = CATEGORY.matcher(parameters);
        if (!category.matches()) {
            throw GraphRequestException.badRequest("The parameters '" + parameters + "' of " + ACTIVITY_TYPES
                    + " are not valid: it takes one parameter, category, a quoted string such as "
                    + "category='DeviceConfiguration'.");
        }
        return category.group(1).replace("''", "'");
    }

    /** A function's collection of strings, as Graph answers it: {@code value} under its context; no options. */
    private void sendStrings(Context ctx, Function<Caller, List<String>> function) {
        QueryOptions.of(ctx.queryParamMap(), Set.of());
        List<String> values = function.apply(caller(ctx));
        ObjectNode body = mapper.createObjectNode().put(CollectionJson.CONTEXT, STRINGS_CONTEXT);
        ArrayNode value = body.putArray("value");
        values.forEach(value::add);
        GraphJson.send(ctx, 200, body);
    }
}
