package dev.devicescripts.adapter.http.graph;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Turns a request body into a JSON object, refusing what is not JSON. The server's BodyIntake has read a client's
 * body, within its size limit; a batch's requests are read here, within Javalin's maxRequestSize.
 */
public final class RequestBodies {
    private final ObjectMapper mapper;
    private final Function<Context, byte[]> readBodies;

    /** @param readBodies the body the server read of a request before it was routed, null when it read none */
    public RequestBodies(ObjectMapper mapper, Function<Context, byte[]> readBodies) {
        this.mapper = mapper;
        this.readBodies = readBodies;
    }

    public JsonObjectReader jsonObject(Context ctx) {
        return new JsonObjectReader(jsonNode(ctx));
    }

    /** The body as a JSON object, for a resource that reads it as something other than a request's properties. */
    public ObjectNode jsonNode(Context ctx) {
        JsonNode json = parse(jsonBytes(ctx));
        if (!json.isObject()) {
            throw GraphRequestException.badRequest("The request body must be a JSON object, not " + json.getNodeType()
                    .name().toLowerCase(Locale.ROOT) + ".");
        }
        return (ObjectNode) json;
    }

    /** The body's bytes, declared JSON, for a reader that parses them as a stream. */
    public byte[] jsonBytes(Context ctx) {
        // the raw header: Jetty's contentType() throws on an unknown charset
        requireJsonContentType(ctx.header("Content-Type"));
        byte[] body = readBodies.apply(ctx);
        try {
            if (body == null) { // a request of a batch, whose body is in memory already
                body = ctx.bodyAsBytes(); // throws 413 beyond maxRequestSize, chunked bodies included
            }
        } catch (Exception e) { // Javalin, written in Kotlin, throws Jetty's IOExceptions undeclared
            if (e.getCause() instanceof TimeoutException) {
                throw GraphRequestException.requestTimeout("The client stopped sending the request body before it "
                        + "was whole; send the whole body without pausing.");
            }
            throw e; // a client that went away: Javalin answers nobody and logs nothing
        }
        return body;
    }

    private JsonNode parse(byte[] body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw GraphRequestException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage()
                    + where(e.getLocation()) + ".");
        } catch (IOException e) {
            throw new IllegalStateException("Reading a request body held in memory failed.", e);
        }
        if (json.isMissingNode()) {
            throw GraphRequestException.badRequest("The request body is empty; it must be a JSON object.");
        }
        return json;
    }

    /** Jackson gives no location for some refusals, such as nesting deeper than it reads. */
    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A missing Content-Type is taken for JSON, as clients that send bodies without one mean JSON. */
    private static void requireJsonContentType(String contentType) {
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim();
        if (!mediaType.equalsIgnoreCase("application/json")) {
            throw GraphRequestException.unsupportedMediaType(contentType);
        }
    }
}
