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
import dev.devicescripts.application.collections.DeviceCollection;
import dev.devicescripts.application.port.in.DeviceUseCases;
import dev.devicescripts.domain.directory.Device;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's {@code /devices} (spec 1.3.1): the directory's devices by object id, and by their alternate key in
 * {@code /devices(deviceId='...')}.
 */
public final class DeviceEndpoints implements GraphResource {
    static final String DEVICES = GRAPH_ROOT + "/devices";
    private static final String COLLECTION = "devices";
    private static final Pattern ALTERNATE_KEY = Pattern.compile("deviceId=(.*)", Pattern.CASE_INSENSITIVE);
    private static final KnownSegments SEGMENTS = new KnownSegments(Set.of("devices", "memberof",
            "transitivememberof", "$count"), Set.of("devices"));

    private final DeviceUseCases devices;
    private final RequestBodies bodies;
    private final LinkBase links;

    public DeviceEndpoints(DeviceUseCases devices, Shared shared) {
        this.devices = devices;
        this.bodies = shared.bodies();
        this.links = shared.links();
    }

    @Override
    public KnownSegments segments() {
        return SEGMENTS;
    }

    @Override
    public void register(RoutesConfig routes) {
        CollectionEndpoint.directory(DeviceCollection.DEVICES, DEVICES, DirectoryJson.CONTEXT_BASE + COLLECTION,
                devices, links).register(routes);
        routes.post(DEVICES, this::create);
        List<String> items = DirectoryJson.KEY_FORMS.stream().map(keyForm -> DEVICES + keyForm).toList();
        DirectoryLists.registerMemberOf(routes, items, devices, links);
        for (String device : items) {
            routes.get(device, this::get);
            routes.patch(device, this::update);
            routes.delete(device, this::delete);
        }
    }

    private void create(Context ctx) {
        String base = links.of(ctx);
        Device device = devices.create(caller(ctx), DirectoryRequests.newDevice(bodies.jsonObject(ctx)));
        ctx.header("Location", base + DEVICES + "/" + device.id());
        DirectoryJson.send(ctx, 201, DeviceCollection.DEVICES, COLLECTION, device, Projection.ALL);
    }

    private void get(Context ctx) {
        Matcher alternate = ALTERNATE_KEY.matcher(ctx.pathParam("key"));
        Device device = alternate.matches()
                ? devices.getByDeviceId(caller(ctx), GraphPaths.unquoted(alternate.group(1)))
                : devices.get(caller(ctx), DirectoryJson.key(ctx));
        DirectoryJson.sendSelected(ctx, DeviceCollection.DEVICES, COLLECTION, device);
    }

    private void update(Context ctx) {
        devices.update(caller(ctx), DirectoryJson.key(ctx), DirectoryRequests.devicePatch(bodies.jsonObject(ctx)));
        ctx.status(204);
    }

    private void delete(Context ctx) {
        devices.delete(caller(ctx), DirectoryJson.key(ctx));
        ctx.status(204);
    }
}
