package dev.devicescripts.adapter.http.managed;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;
import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;
import static dev.devicescripts.application.collections.ManagedDeviceCollection.MANAGED_DEVICES;

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
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.NavigationListUseCase;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.collections.UserCollection;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Intune's managed devices ({@code /deviceManagement/managedDevices}), read-only as Graph serves them: they come from
 * enrollment (here from seeding), so a create is refused with the real service's words; DELETE removes Intune's
 * record only. Also a user's managed devices ({@code /users/{id or userPrincipalName}/managedDevices}), an Intune
 * list under the directory.
 */
public final class ManagedDeviceEndpoints implements GraphResource {
    public static final String MANAGED_DEVICES_PATH = GRAPH_ROOT + "/deviceManagement/managedDevices";
    static final String CONTEXT = "https://graph.microsoft.com/beta/$metadata#deviceManagement/managedDevices";
    private static final String USERS_CONTEXT = "https://graph.microsoft.com/beta/$metadata#users";
    private static final List<String> KEY_FORMS = List.of("/{key}", "({key})");
    private static final String KEY = "key";
    private static final String USER_KEY = "userKey";
    private static final KnownSegments SEGMENTS = new KnownSegments(
            Set.of("devicemanagement", "manageddevices", "users", "$count"), Set.of("manageddevices", "users"));
    private static final Set<Option> ENTITY_OPTIONS = EnumSet.of(Option.SELECT, Option.EXPAND);

    private final ManagedDeviceUseCases useCases;
    private final Shared shared;

    private ManagedDeviceEndpoints(ManagedDeviceUseCases useCases, Shared shared) {
        this.useCases = useCases;
        this.shared = shared;
    }

    public static Factory factory(ManagedDeviceUseCases useCases) {
        return shared -> new ManagedDeviceEndpoints(useCases, shared);
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        Expander<ManagedDevice> users = this::withUsers;
        new CollectionEndpoint<>(MANAGED_DEVICES, MANAGED_DEVICES_PATH, CONTEXT, useCases.list(), users,
                shared.pageSize(), shared.links()).register(routes);
        routes.post(MANAGED_DEVICES_PATH, ctx -> {
            throw GraphRequestException.noRoute("No OData route exists that match template "
                    + "~/singleton/navigation with http verb POST for request "
                    + "/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices.");
        });
        for (String keyForm : KEY_FORMS) {
            String device = MANAGED_DEVICES_PATH + keyForm;
            routes.get(device, this::get);
            routes.delete(device, this::delete);
            routes.get(device + "/" + ManagedDeviceCollection.USERS, this::primaryUser);
            String ofUser = GRAPH_ROOT + "/users" + keyForm.replace(KEY, USER_KEY) + "/managedDevices";
            CollectionEndpoint.navigation(MANAGED_DEVICES, ofUser, USERS_CONTEXT + "('{" + USER_KEY
                    + "}')/managedDevices", ofUser(), key -> users, shared.pageSize(), shared.links()).register(routes);
        }
    }

    private void get(Context ctx) {
        Projection projection = Projection.of(QueryOptions.of(ctx.queryParamMap(), ENTITY_OPTIONS), MANAGED_DEVICES);
        Caller caller = caller(ctx);
        ManagedDevice device = useCases.get().get(caller, deviceId(ctx));
        Expanded<ManagedDevice> expanded =
                withUsers(caller, new Page<>(List.of(device), Optional.empty()), null, projection);
        GraphJson.send(ctx, 200, CollectionJson.entity(CONTEXT, device, (item, json) -> {
            CollectionJson.writeProperties(MANAGED_DEVICES, item, projection, json);
            expanded.expansions().write(item, json);
        }));
    }

    private void delete(Context ctx) {
        useCases.delete().delete(caller(ctx), deviceId(ctx));
        ctx.status(204);
    }

    /** Graph lists a device's primary user as a collection of one, or none. */
    private void primaryUser(Context ctx) {
        QueryOptions.of(ctx.queryParamMap(), Set.of());
        List<User> users = useCases.get().primaryUser(caller(ctx), deviceId(ctx)).stream().toList();
        GraphJson.send(ctx, 200, CollectionJson.page(USERS_CONTEXT, users, OptionalLong.empty(), Optional.empty(),
                (user, json) -> CollectionJson.writeProperties(UserCollection.USERS, user, Projection.ALL, json)));
    }

    /** Writes each device's primary user inline when the projection expands {@code users}. */
    private Expanded<ManagedDevice> withUsers(Caller caller, Page<ManagedDevice> page, Query<ManagedDevice> query,
                                              Projection projection) {
        if (!projection.expands(ManagedDeviceCollection.USERS)) {
            return new Expanded<>(page, (device, json) -> { });
        }
        return new Expanded<>(page, (device, json) -> CollectionJson.writeItems(ManagedDeviceCollection.USERS,
                useCases.get().primaryUser(caller, device.id()).stream().toList(),
                (user, inline) -> CollectionJson.writeProperties(UserCollection.USERS, user, Projection.ALL, inline),
                json));
    }

    private NavigationListUseCase<ManagedDevice> ofUser() {
        return NavigationListUseCase.of((caller, userKey, query) -> useCases.ofUser().list(caller, userKey, query),
                (caller, userKey, filter) -> useCases.ofUser().count(caller, userKey, filter));
    }

    private static UUID deviceId(Context ctx) {
        return UUID.fromString(GraphPaths.guidKey(ctx.pathParam(KEY), "managedDevice", "managed device id"));
    }
}
