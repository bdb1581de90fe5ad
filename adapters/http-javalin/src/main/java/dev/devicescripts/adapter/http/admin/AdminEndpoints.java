package dev.devicescripts.adapter.http.admin;

import static dev.devicescripts.adapter.http.graph.RequestCaller.caller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.JsonObjectReader;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.odata.CollectionJson;
import dev.devicescripts.adapter.http.odata.Projection;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.port.in.SeedManagedDeviceUseCase;
import dev.devicescripts.application.port.in.SeedResult;
import dev.devicescripts.application.port.in.SeedUseCase;
import dev.devicescripts.domain.directory.ManagedDevice;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;

/**
 * devicescripts' own seeding routes, outside Graph's {@code /beta} so that no Graph client mistakes them for Graph:
 * {@code POST /admin/seed} loads a seed document into the token's tenant, and {@code /admin/managedDevices/{id}}
 * writes one managed device, which Graph itself never lets a client create. Both need {@code Devicescripts.Seed}.
 */
public final class AdminEndpoints implements GraphResource {
    public static final String ADMIN_ROOT = "/admin";
    public static final String SEED = ADMIN_ROOT + "/seed";
    private static final String MANAGED_DEVICE = ADMIN_ROOT + "/managedDevices/{key}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SeedUseCase seed;
    private final SeedManagedDeviceUseCase managedDevices;
    private final Shared shared;

    private AdminEndpoints(SeedUseCase seed, SeedManagedDeviceUseCase managedDevices, Shared shared) {
        this.seed = seed;
        this.managedDevices = managedDevices;
        this.shared = shared;
    }

    public static Factory factory(SeedUseCase seed, SeedManagedDeviceUseCase managedDevices) {
        return shared -> new AdminEndpoints(seed, managedDevices, shared);
    }

    /** Nothing under Graph's root. */
    @Override
    public KnownSegments segments() {
        return new KnownSegments(Set.of(), Set.of());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(SEED, this::seed);
        routes.put(MANAGED_DEVICE, this::put);
        routes.patch(MANAGED_DEVICE, this::patch);
        routes.delete(MANAGED_DEVICE, this::delete);
    }

    /** The body is already in memory, within the server's body limit; it is parsed as a stream all the same. */
    private void seed(Context ctx) {
        byte[] body = shared.bodies().jsonBytes(ctx);
        SeedResult result;
        try (SeedDocument document = SeedDocument.of(new ByteArrayInputStream(body))) {
            result = seed.seed(caller(ctx), document);
        }
        GraphJson.send(ctx, 200, json -> {
            json.writeStartObject();
            json.writeNumberField("created", result.created());
            json.writeNumberField("updated", result.updated());
            json.writeNumberField("unchanged", result.unchanged());
            json.writeEndObject();
        });
    }

    private void put(Context ctx) {
        UUID id = deviceId(ctx);
        write(ctx, id, shared.bodies().jsonNode(ctx));
    }

    /** The stored device with the body's properties over it, then written as a PUT writes it. */
    private void patch(Context ctx) {
        UUID id = deviceId(ctx);
        ObjectNode patch = shared.bodies().jsonNode(ctx);
        ManagedDevice stored = managedDevices.get(caller(ctx), id);
        ObjectNode device = asJson(stored);
        device.setAll(patch);
        write(ctx, id, device);
    }

    private void write(Context ctx, UUID id, ObjectNode body) {
        ManagedDevice device = managedDevices.put(caller(ctx),
                SeedDocument.managedDevice(JsonObjectReader.of(body), id));
        GraphJson.send(ctx, 200, json -> {
            json.writeStartObject();
            CollectionJson.writeProperties(ManagedDeviceCollection.MANAGED_DEVICES, device, Projection.ALL, json);
            json.writeEndObject();
        });
    }

    private void delete(Context ctx) {
        managedDevices.delete(caller(ctx), deviceId(ctx));
        ctx.status(204);
    }

    /** The device as a seed document gives one: Graph's properties, and isTpmAttested beside them. */
    private static ObjectNode asJson(ManagedDevice device) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            buffer.writeStartObject();
            CollectionJson.writeProperties(ManagedDeviceCollection.MANAGED_DEVICES, device, Projection.ALL, buffer);
            buffer.writeEndObject();
            ObjectNode json = MAPPER.readTree(buffer.asParser());
            json.put("isTpmAttested", device.isTpmAttested());
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID deviceId(Context ctx) {
        return UUID.fromString(GraphPaths.guidKey(ctx.pathParam("key"), "managedDevice", "managed device id"));
    }
}
