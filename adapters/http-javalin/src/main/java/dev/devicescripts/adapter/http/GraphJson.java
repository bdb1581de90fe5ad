package dev.devicescripts.adapter.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/** How JSON goes over the wire: one strict mapper, and Graph's content type on every JSON response. */
final class GraphJson {
    static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private GraphJson() {
    }

    /** Refuses duplicate properties and anything after the JSON value, which a lenient parser would drop silently. */
    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).json(body).contentType(CONTENT_TYPE);
    }
}
