package dev.devicescripts.adapter.http.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** How JSON goes over the wire: one strict mapper, and Graph's content type on every JSON response. */
public final class GraphJson {
    public static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    /** Writes responses; closing its generator closes the response, which completes it. */
    private static final JsonFactory OUTPUT = newMapper().getFactory();

    /** A response body, written straight to the client: a large body never waits in memory whole. */
    @FunctionalInterface
    public interface JsonBody {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private GraphJson() {
    }

    /** Refuses duplicate properties and anything after the JSON value, which a lenient parser would drop silently. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public static void send(Context ctx, int status, JsonNode body) {
        send(ctx, status, json -> json.writeTree(body));
    }

    /**
     * Writes the body as it is generated. Everything it writes must already be loaded: once the first bytes have left,
     * a failure can no longer become an error response.
     */
    public static void send(Context ctx, int status, JsonBody body) {
        ctx.status(status).contentType(CONTENT_TYPE);
        try {
            JsonGenerator json = OUTPUT.createGenerator(ctx.outputStream());
            body.writeTo(json);
            json.close(); // only once whole: a body that failed halfway is not flushed, so an error can replace it
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the response failed", e);
        }
    }
}
