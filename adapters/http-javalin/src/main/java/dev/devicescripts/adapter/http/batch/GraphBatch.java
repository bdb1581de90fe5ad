package dev.devicescripts.adapter.http.batch;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.devicescripts.adapter.http.graph.GraphErrors;
import dev.devicescripts.adapter.http.graph.GraphJson;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.graph.RequestBodies;
import dev.devicescripts.adapter.http.graph.RequestIds;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpTester;

/**
 * {@code POST /beta/$batch}, Graph's JSON batching: up to 20 requests in one, each answered with the status, headers
 * and body it would have got alone, in one 200 response. Each runs as if sent alone with the batch's own token;
 * a request runs after those it depends on, and answers 424 when one of them failed.
 */
public final class GraphBatch {
    public static final String PATH = GRAPH_ROOT + "/$batch";
    /**
     * Headers of a request in the batch that the batch sets itself: its token, its host, links and client address, the
     * framing.
     */
    private static final Set<String> BATCH_HEADERS = Set.of("authorization", "host", "forwarded",
            LinkBase.BATCH_HEADER.toLowerCase(Locale.ROOT),
            LocalDispatch.CLIENT_ADDRESS_HEADER.toLowerCase(Locale.ROOT), "content-length", "transfer-encoding",
            "connection", "keep-alive", "te", "upgrade", "expect",
            // The batch response is compressed as a whole; a compressed body could not be embedded as JSON.
            "accept-encoding");
    /** Framing of a response, which means nothing inside the batch's JSON. */
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private final ObjectMapper mapper;
    private final RequestBodies bodies;
    private final GraphErrors errors;
    private final LocalDispatch dispatch;
    private final LinkBase links;

    public GraphBatch(ObjectMapper mapper, RequestBodies bodies, GraphErrors errors, LocalDispatch dispatch,
                      LinkBase links) {
        this.mapper = mapper;
        this.bodies = bodies;
        this.errors = errors;
        this.dispatch = dispatch;
        this.links = links;
    }

    /** Whether the request is a batch, its path matched as the router does: in any case, trailing slashes or not. */
    public static boolean isBatch(Context ctx) {
        return ctx.method() == HandlerType.POST && ctx.path().replaceFirst("/+$", "").equalsIgnoreCase(PATH);
    }

    /**
     * Writes each request's response as soon as it has run, in the order they run (Graph's batch responses may come
     * in any order), and keeps only its status: a batch holds one response in memory at a time, not twenty.
     */
    public void handle(Context ctx) {
        if (dispatch.isDispatched(ctx)) {
            throw GraphRequestException.badRequest("A request in a batch cannot be a batch itself.");
        }
        List<BatchStep> steps = BatchRequests.executionOrder(BatchRequests.read(bodies.jsonObject(ctx)));
        String linkBase = links.of(ctx);
        Map<String, Integer> statuses = new HashMap<>();
        GraphJson.send(ctx, 200, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("responses");
            for (BatchStep step : steps) {
                ObjectNode answer = answer(step, ctx, linkBase, statuses);
                statuses.put(step.id(), answer.get("status").intValue());
                json.writeTree(answer);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** @param linkBase the base of the batch's own links, which its requests' links start with too */
    private ObjectNode answer(BatchStep step, Context outer, String linkBase, Map<String, Integer> earlierStatuses) {
        String path = PATH; // until the step's url is read: a refusal of it is the batch's own
        try {
            for (String dependency : step.dependsOn()) {
                int status = earlierStatuses.get(dependency);
                if (status >= 400) {
                    throw GraphRequestException.failedDependency("The request '" + step.id() + "' depends on the "
                            + "request '" + dependency + "', which failed with status " + status + ".");
                }
            }
            String pathAndQuery = BatchUrls.pathAndQuery(step.url());
            path = pathAndQuery;
            if (step.body() != null && step.header("Content-Type") == null) {
                throw GraphRequestException.badRequest("The request '" + step.id() + "' has a body but no "
                        + "Content-Type header; write \"headers\":{\"Content-Type\":\"application/json\"}.");
            }
            return dispatched(step, dispatch.send(step.method(), pathAndQuery, innerHeaders(step, outer),
                    linkBase, outer.req().getRemoteAddr(),
                    step.body() == null ? null : mapper.writeValueAsBytes(step.body())));
        } catch (GraphRequestException refused) {
            return refused(step, path, refused);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing a JSON body already parsed failed", e);
        }
    }

    /** The request's own headers, and the batch's token and host: it is authorised exactly as the batch is. */
    private static Map<String, String> innerHeaders(BatchStep step, Context outer) {
        Map<String, String> headers = new LinkedHashMap<>();
        step.headers().forEach((name, value) -> {
            if (!BATCH_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, value);
            }
        });
        headers.put("Host", Objects.requireNonNullElse(outer.header("Host"), "localhost"));
        String authorization = outer.header("Authorization");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }

    private ObjectNode dispatched(BatchStep step, HttpTester.Response response) {
        ObjectNode answer = mapper.createObjectNode().put("id", step.id()).put("status", response.getStatus());
        ObjectNode headers = answer.putObject("headers");
        for (HttpField field : response) {
            if (!FRAMING_HEADERS.contains(field.getLowerCaseName())) {
                JsonNode earlier = headers.get(field.getName());
                headers.put(field.getName(), earlier == null ? field.getValue() : earlier.asText() + ", "
                        + field.getValue());
            }
        }
        byte[] body = response.getContentBytes();
        if (body != null && body.length > 0 && isJson(response.get("Content-Type"))) {
            // This server's own JSON, embedded as it is rather than parsed into a tree, which would take several times
            // its size in memory.
            answer.putRawValue("body", new RawValue(new String(body, StandardCharsets.UTF_8)));
        } else if (body != null && body.length > 0) {
            answer.set("body", mapper.valueToTree(body));
        }
        return answer;
    }

    /**
     * What the batch answers for a request it refuses itself, in Graph's error shape with a request-id of its own,
     * coded as the service of the request's path codes errors.
     */
    private ObjectNode refused(BatchStep step, String path, GraphRequestException refused) {
        String requestId = RequestIds.newRequestId();
        String clientRequestId = RequestIds.clientRequestId(step.header(RequestIds.CLIENT_REQUEST_ID), requestId);
        ObjectNode answer = mapper.createObjectNode().put("id", step.id()).put("status", refused.status());
        answer.putObject("headers")
                .put("Content-Type", GraphJson.CONTENT_TYPE)
                .put(RequestIds.REQUEST_ID, requestId)
                .put(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
        answer.set("body", errors.body(refused, path, requestId, clientRequestId));
        return answer;
    }

    /** Graph embeds JSON bodies as JSON, and others (such as the text of $count) as base64. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

}
