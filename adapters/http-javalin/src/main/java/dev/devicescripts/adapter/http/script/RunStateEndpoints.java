package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;
import static dev.devicescripts.application.collections.RunStateCollection.DEVICE_RUN_STATES;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.Expanded;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.Expander;
import dev.devicescripts.adapter.http.odata.CollectionJson;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.adapter.http.odata.QueryOptions;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.collections.RunStateCollection;
import dev.devicescripts.application.port.in.GetScriptRunStatesUseCase;
import dev.devicescripts.application.port.in.NavigationListUseCase;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.RunSummary;
import dev.devicescripts.domain.directory.UserRunState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * How a script ran ({@code deviceRunStates}, {@code userRunStates}, {@code runSummary} under a script): read-only,
 * with the script's permissions. The device states are a collection of the OData machinery, and may expand their
 * managed device; the users' states and the summary are computed from them.
 */
public final class RunStateEndpoints implements GraphResource {
    private static final String SCRIPT = ScriptEndpoints.SCRIPTS + "/{scriptKey}";
    private static final String SCRIPT_CONTEXT = ScriptResponses.SCRIPTS_CONTEXT + "('{scriptKey}')";
    private static final String USER_STATE = SCRIPT + "/userRunStates/{userStateKey}";
    private static final KnownSegments SEGMENTS = new KnownSegments(
            Set.of("devicerunstates", "userrunstates", "runsummary", "$count"),
            Set.of("devicerunstates", "userrunstates"));

    private final GetScriptRunStatesUseCase useCase;
    private final Shared shared;

    private RunStateEndpoints(GetScriptRunStatesUseCase useCase, Shared shared) {
        this.useCase = useCase;
        this.shared = shared;
    }

    public static Factory factory(GetScriptRunStatesUseCase useCase) {
        return shared -> new RunStateEndpoints(useCase, shared);
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        CollectionEndpoint.navigation(DEVICE_RUN_STATES, SCRIPT + "/deviceRunStates",
                SCRIPT_CONTEXT + "/deviceRunStates", deviceRunStates(), key -> withManagedDevices(scriptId(key)),
                shared.pageSize(), shared.links()).register(routes);
        routes.get(SCRIPT + "/userRunStates", this::userRunStates);
        routes.get(USER_STATE, this::userRunState);
        routes.get(USER_STATE + "/deviceRunStates", this::userDeviceRunStates);
        routes.get(SCRIPT + "/runSummary", this::runSummary);
    }

    private NavigationListUseCase<DeviceRunState> deviceRunStates() {
        return NavigationListUseCase.of(
                (caller, scriptKey, query) -> useCase.deviceRunStates(caller, scriptId(scriptKey), query),
                (caller, scriptKey, filter) -> useCase.countDeviceRunStates(caller, scriptId(scriptKey), filter));
    }

    /** {@code $expand=managedDevice}: each state's device inline, or null when it is gone. */
    private Expander<DeviceRunState> withManagedDevices(ScriptId scriptId) {
        return (caller, page, query, projection) -> {
            if (!projection.expands(RunStateCollection.MANAGED_DEVICE)) {
                return new Expanded<>(page, (state, json) -> { });
            }
            Map<UUID, ManagedDevice> devices = useCase.managedDevices(caller, scriptId,
                    page.items().stream().map(DeviceRunState::managedDeviceId).toList());
            return new Expanded<>(page, (state, json) -> {
                ManagedDevice device = devices.get(state.managedDeviceId());
                json.writeFieldName(RunStateCollection.MANAGED_DEVICE);
                if (device == null) {
                    json.writeNull();
                } else {
                    json.writeStartObject();
                    CollectionJson.writeProperties(ManagedDeviceCollection.MANAGED_DEVICES, device, Projection.ALL,
                            json);
                    json.writeEndObject();
                }
            });
        };
    }

    private void userRunStates(Context ctx) {
        QueryOptions.of(ctx.queryParamMap(), Set.of());
        ScriptId scriptId = scriptId(ctx);
        GraphJson.send(ctx, 200, CollectionJson.page(context(scriptId, "/userRunStates"),
                useCase.userRunStates(caller(ctx), scriptId), OptionalLong.empty(), Optional.empty(),
                RunStateEndpoints::writeUserState));
    }

    private void userRunState(Context ctx) {
        QueryOptions.of(ctx.queryParamMap(), Set.of());
        ScriptId scriptId = scriptId(ctx);
        GraphJson.send(ctx, 200, CollectionJson.entity(context(scriptId, "/userRunStates"),
                useCase.userRunState(caller(ctx), scriptId, userId(ctx, scriptId)),
                RunStateEndpoints::writeUserState));
    }

    private void userDeviceRunStates(Context ctx) {
        QueryOptions.of(ctx.queryParamMap(), Set.of());
        ScriptId scriptId = scriptId(ctx);
        UUID userId = userId(ctx, scriptId);
        List<DeviceRunState> states = useCase.userDeviceRunStates(caller(ctx), scriptId, userId);
        GraphJson.send(ctx, 200, CollectionJson.page(context(scriptId, "/userRunStates('" + scriptId + ":" + userId
                        + "')/deviceRunStates"), states, OptionalLong.empty(), Optional.empty(),
                (state, json) -> CollectionJson.writeProperties(DEVICE_RUN_STATES, state, Projection.ALL, json)));
    }

    private void runSummary(Context ctx) {
        QueryOptions.of(ctx.queryParamMap(), Set.of());
        ScriptId scriptId = scriptId(ctx);
        RunSummary summary = useCase.runSummary(caller(ctx), scriptId);
        GraphJson.send(ctx, 200, json -> {
            json.writeStartObject();
            json.writeStringField(CollectionJson.CONTEXT, context(scriptId, "/runSummary/$entity"));
            json.writeStringField("id", summary.scriptId().toString());
            json.writeNumberField("successDeviceCount", summary.successDeviceCount());
            json.writeNumberField("errorDeviceCount", summary.errorDeviceCount());
            json.writeNumberField("successUserCount", summary.successUserCount());
            json.writeNumberField("errorUserCount", summary.errorUserCount());
            json.writeEndObject();
        });
    }

    private static void writeUserState(UserRunState state, JsonGenerator json) throws IOException {
        json.writeStringField("id", state.scriptId() + ":" + state.userId());
        json.writeStringField("userPrincipalName", state.userPrincipalName());
        json.writeNumberField("successDeviceCount", state.successDeviceCount());
        json.writeNumberField("errorDeviceCount", state.errorDeviceCount());
    }

    private static String context(ScriptId scriptId, String navigation) {
        return ScriptResponses.SCRIPTS_CONTEXT + "('" + scriptId + "')" + navigation;
    }

    private static ScriptId scriptId(Context ctx) {
        return scriptId(ctx.pathParam("scriptKey"));
    }

    private static ScriptId scriptId(String key) {
        return ScriptId.of(GraphPaths.guidKey(key, "deviceManagementScript", "script id"));
    }

    /** A user state's id is {@code {scriptId}:{userId}}, of this script. */
    private static UUID userId(Context ctx, ScriptId scriptId) {
        String key = GraphPaths.unquoted(ctx.pathParam("userStateKey"));
        String prefix = scriptId + ":";
        String userId = key.regionMatches(true, 0, prefix, 0, prefix.length()) ? key.substring(prefix.length()) : "";
        if (!Guids.isGuid(userId)) {
            throw GraphRequestException.badRequest("The deviceManagementScriptUserState key '" + key + "' is not "
                    + "valid: it is the script id and the user id with a colon between them, " + prefix
                    + "00000000-0000-0000-0000-000000000000.");
        }
        return UUID.fromString(userId);
    }
}
