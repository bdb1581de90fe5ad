package dev.devicescripts.adapter.http.targeting;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;
import static dev.devicescripts.application.collections.TargetingCollections.GROUP_SCRIPT_LINKS;
import static dev.devicescripts.application.collections.TargetingCollections.SCRIPT_RESULTS;
import static dev.devicescripts.application.collections.TargetingCollections.TARGETING_WARNINGS;
import static dev.devicescripts.application.collections.TargetingCollections.TARGET_RESULTS;

import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.Expanded;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.Expander;
import dev.devicescripts.application.port.in.NavigationListUseCase;
import dev.devicescripts.application.port.in.TargetingUseCases;
import dev.devicescripts.application.query.EntitySet;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Set;

/**
 * Effective targeting (targeting.md section 4): devicescripts' functions in the namespace {@code devicescripts.},
 * bound to a script, a managed device, a user, a group and the tenant's device management. Each is a collection of
 * the one OData machinery, served as {@code f()}, {@code f(applyFilters=false)} and {@code f(applyFilters=true)};
 * those under users and groups answer as the directory does, the others as Intune does.
 */
public final class TargetingEndpoints implements GraphResource {
    private static final String NAMESPACE = "devicescripts.";
    private static final String APPLY_FILTERS = "applyFilters";
    private static final String DEVICE_MANAGEMENT = GRAPH_ROOT + "/deviceManagement";
    private static final List<String> KEY_FORMS = List.of("/{key}", "({key})");
    private static final String METADATA = "https://graph.microsoft.com/beta/$metadata#Collection(" + NAMESPACE;
    private static final String EFFECTIVE_TARGETS = "effectiveTargets";
    private static final String TARGETING_WARNINGS_FUNCTION = "targetingWarnings";
    private static final String EFFECTIVE_SCRIPTS = "effectiveScripts";
    private static final String ASSIGNED_SCRIPTS = "assignedScripts";
    private static final KnownSegments SEGMENTS = new KnownSegments(Set.of("devicemanagement",
            "devicemanagementscripts", "manageddevices", "users", "groups", "$count",
            "devicescripts.effectivetargets", "devicescripts.targetingwarnings", "devicescripts.effectivescripts",
            "devicescripts.assignedscripts"), Set.of("devicemanagementscripts", "manageddevices", "users", "groups"));

    /** A function's collection at one of its paths, answering with or without filters applied. */
    @FunctionalInterface
    private interface Served {
        CollectionEndpoint<?> at(String path, boolean applyFilters);
    }

    private final TargetingUseCases useCases;
    private final int pageSize;
    private final LinkBase links;

    private TargetingEndpoints(TargetingUseCases useCases, Shared shared) {
        this.useCases = useCases;
        this.pageSize = shared.pageSize();
        this.links = shared.links();
    }

    public static Factory factory(TargetingUseCases useCases) {
        return shared -> new TargetingEndpoints(useCases, shared);
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        for (String keyForm : KEY_FORMS) {
            String script = DEVICE_MANAGEMENT + "/deviceManagementScripts" + keyForm;
            function(routes, script, EFFECTIVE_TARGETS, (path, applyFilters) -> intune(TARGET_RESULTS, path,
                    guidKeyed(useCases.effectiveTargets(applyFilters), "deviceManagementScript", "script id")));
            function(routes, script, TARGETING_WARNINGS_FUNCTION, (path, applyFilters) -> intune(TARGETING_WARNINGS,
                    path, guidKeyed(useCases.scriptWarnings(), "deviceManagementScript", "script id")));
            function(routes, DEVICE_MANAGEMENT + "/managedDevices" + keyForm, EFFECTIVE_SCRIPTS,
                    (path, applyFilters) -> intune(SCRIPT_RESULTS, path,
                            guidKeyed(useCases.deviceScripts(applyFilters), "managedDevice", "managed device id")));
            function(routes, GRAPH_ROOT + "/users" + keyForm, EFFECTIVE_SCRIPTS, (path, applyFilters) ->
                    directory(SCRIPT_RESULTS, path, useCases.userScripts(applyFilters)));
            function(routes, GRAPH_ROOT + "/groups" + keyForm, ASSIGNED_SCRIPTS, (path, applyFilters) ->
                    directory(GROUP_SCRIPT_LINKS, path, useCases.groupScripts()));
        }
        function(routes, DEVICE_MANAGEMENT, TARGETING_WARNINGS_FUNCTION, (path, applyFilters) ->
                CollectionEndpoint.of(TARGETING_WARNINGS, path, context(TARGETING_WARNINGS), useCases.tenantWarnings(),
                        pageSize, links));
    }

    /**
     * The function's forms under {@code parent}; applyFilters is accepted by every function (4.1), and changes only
     * the answers that evaluate filters. Any other parameter, or value, is refused naming it.
     */
    private static void function(RoutesConfig routes, String parent, String name, Served served) {
        String function = parent + "/" + NAMESPACE + name;
        served.at(function + "()", false).register(routes);
        for (boolean applyFilters : List.of(false, true)) {
            served.at(function + "(" + APPLY_FILTERS + "=" + applyFilters + ")", applyFilters).register(routes);
        }
        routes.get(function + "({parameters})", ctx -> {
            throw badParameters(name, ctx.pathParam("parameters"));
        });
    }

    private static GraphRequestException badParameters(String name, String parameters) {
        String[] parameter = parameters.split("=", 2);
        if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase(APPLY_FILTERS)) {
            return GraphRequestException.badRequest("The parameter " + APPLY_FILTERS + " of " + NAMESPACE + name
                    + " must be true or false; '" + parameter[1] + "' is not.");
        }
        return GraphRequestException.badRequest(NAMESPACE + name + " takes one parameter, " + APPLY_FILTERS
                + " (true or false), or none; '" + parameters + "' is not it.");
    }

    private <T> CollectionEndpoint<T> intune(EntitySet<T> set, String path, NavigationListUseCase<T> useCase) {
        Expander<T> nothing = (caller, page, query, projection) -> new Expanded<>(page, (item, json) -> { });
        return CollectionEndpoint.navigation(set, path, context(set), useCase, key -> nothing, pageSize, links);
    }

    private <T> CollectionEndpoint<T> directory(EntitySet<T> set, String path, NavigationListUseCase<T> useCase) {
        return CollectionEndpoint.directoryNavigation(set, path, context(set), useCase, links);
    }

    /** A function's answer is a collection of devicescripts' complex type. */
    private static String context(EntitySet<?> set) {
        return METADATA + set.typeName() + ")";
    }

    /** Intune's items have GUID keys: another key is refused as its other routes refuse it, before any check. */
    private static <T> NavigationListUseCase<T> guidKeyed(NavigationListUseCase<T> useCase, String entityType,
                                                          String idName) {
        return NavigationListUseCase.of(
                (caller, key, query) -> useCase.list(caller, GraphPaths.guidKey(key, entityType, idName), query),
                (caller, key, filter) -> useCase.count(caller, GraphPaths.guidKey(key, entityType, idName), filter));
    }
}
