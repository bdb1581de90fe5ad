package dev.devicescripts.adapter.http.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.auth.AuthenticationException;
import dev.devicescripts.adapter.http.auth.SigningKeysUnavailableException;
import dev.devicescripts.application.AccessDeniedException;
import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.application.RequestRefusedException;
import dev.devicescripts.application.StorageUnavailableException;
import dev.devicescripts.domain.InvalidInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where every failure becomes Graph's error shape; nothing else writes an error response. A request
 * under the directory's paths ({@link GraphPaths#serviceOf}) gets the directory's codes for 400, 403 and 404, with
 * the same messages: Intune and the directory name the same failures differently, and clients match those names.
 */
public final class GraphErrors {
    /** The directory's code for a query it serves only as an advanced query; kept on a directory path as it is. */
    static final String UNSUPPORTED_QUERY = "Request_UnsupportedQuery";
    private static final Logger LOG = LoggerFactory.getLogger(GraphErrors.class);
    private static final DateTimeFormatter INNER_ERROR_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final String RETRY_AFTER_SECONDS = "10";

    private record GraphError(int status, String code, String message) {
        /** The same error as the service that answers {@code path} codes it. */
        GraphError answeredAt(String path) {
            if (GraphPaths.serviceOf(path) != GraphService.DIRECTORY) {
                return this;
            }
            String directoryCode = switch (status) {
                case 400 -> code.equals(UNSUPPORTED_QUERY) ? code : "Request_BadRequest";
                case 403 -> "Authorization_RequestDenied";
                case 404 -> "Request_ResourceNotFound";
                default -> code;
            };
            return new GraphError(status, directoryCode, message);
        }
    }

    /** An Error a handler threw, carried as an Exception to the exception handler; it has no stack trace of its own. */
    private static final class ThrownError extends RuntimeException {
        ThrownError(Error error) {
            super(error.toString(), error, false, false);
        }
    }

    /** Notes the requests Jetty answers itself, which no route's after handler sees. */
    public interface Refusals {
        void refused(Request request, int status, String requestId, String clientRequestId);
    }

    private final ObjectMapper mapper;
    private final long maxBodyBytes;
    private final Refusals recorder;
    private final KnownSegments segments;
    private final Clock clock = Clock.systemUTC();
    private final UnexpectedFailureLog unexpected = new UnexpectedFailureLog(LOG, System::nanoTime);

    /** @param segments what the service serves under Graph's root, to name the segment of an unknown path */
    public GraphErrors(ObjectMapper mapper, long maxBodyBytes, Refusals recorder, KnownSegments segments) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
        this.recorder = recorder;
        this.segments = segments;
    }

    /** Javalin's own failures (no route, wrong method, body too large) are HttpResponseExceptions; all else below. */
    public void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, this::respond);
        routes.exception(Exception.class, this::respond);
    }

    /**
     * Wraps every handler (before, endpoint and after) so that an Error it throws, such as StackOverflowError or
     * OutOfMemoryError, is answered here too: Javalin hands exception handlers only Exceptions, and answers an Error
     * itself with an empty 500.
     */
    public Handler catchingErrors(Endpoint endpoint) {
        return ctx -> {
            try {
                endpoint.handler.handle(ctx);
            } catch (Error error) {
                throw new ThrownError(error);
            }
        };
    }

    /**
     * Answers what Jetty refuses before Javalin sees it (a malformed URI, headers too large) in Graph's shape too,
     * instead of Jetty's HTML page.
     */
    public Request.Handler jettyErrorHandler() {
        return new ErrorHandler() {
            /** Jetty writes a body only for GET, POST and HEAD by default; Graph's error has one for every method. */
            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }

            @Override
            protected void generateResponse(Request request, Response response, int status, String message,
                                            Throwable cause, Callback callback) throws IOException {
                String requestId = RequestIds.newRequestId();
                String clientRequestId = RequestIds.clientRequestId(
                        request.getHeaders().get(RequestIds.CLIENT_REQUEST_ID), requestId);
                GraphError error = jettyErrorOf(status, message, cause).answeredAt(request.getHttpURI().getPath());
                // Logged here, rate-limited, not by Jetty (see logback.xml); a 503 (queue full, timed out) is expected.
                if (status == 500 && cause != null) {
                    unexpected.error(cause, "Request {} {} failed in Jetty (request-id {})", request.getMethod(),
                            request.getHttpURI().getPath(), requestId);
                }
                if (status == 503) {
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
                }
                response.getHeaders().put(RequestIds.REQUEST_ID, requestId)
                        .put(RequestIds.CLIENT_REQUEST_ID, clientRequestId)
                        .put(HttpHeader.CONTENT_TYPE, GraphJson.CONTENT_TYPE);
                byte[] body = mapper.writeValueAsBytes(body(error, requestId, clientRequestId));
                recorder.refused(request, status, requestId, clientRequestId);
                response.write(true, ByteBuffer.wrap(body), callback);
            }
        };
    }

    /**
     * Jetty answers 503 itself to requests that find the request queue full or wait in it too long, and to those that
     * arrive while the server stops (graceful shutdown); those that find the body budget full carry their own message.
     * 408 is a client too slow to send its head or body.
     */
    private GraphError jettyErrorOf(int status, String message, Throwable cause) {
        if (status == 413) {
            return tooLarge();
        }
        if (status == 503) {
            boolean ownMessage = message != null && !message.equals(HttpStatus.getMessage(503));
            return new GraphError(503, "ServiceUnavailable", ownMessage ? message
                    : "The server is too busy or is stopping and cannot take this request now; retry after the time "
                            + "in Retry-After.");
        }
        if (status >= 500 && cause != null) {
            return internalError(); // Jetty's message is then the failure's own, which may reveal what it was doing
        }
        String reason = message == null ? HttpStatus.getMessage(status) : message;
        if (status == 408) {
            return new GraphError(408, "RequestTimeout", "The request timed out: " + reason
                    + "; send the whole request without pausing.");
        }
        return new GraphError(status, status >= 500 ? "InternalServerError" : "BadRequest",
                "The HTTP server refused the request: " + reason + ".");
    }

    private void respond(Exception failure, Context ctx) {
        // A path that no route serves is answered by Graph's router, before any service: in its codes on every path.
        GraphError error = failure instanceof HttpResponseException
                ? graphErrorOf(failure, ctx)
                : graphErrorOf(failure, ctx).answeredAt(ctx.path());
        LOG.debug("{} {} answered {} {} (request-id {}): {}", ctx.method(), ctx.path(), error.status(), error.code(),
                RequestIds.requestId(ctx), error.message());
        if (ctx.res().isCommitted()) {
            // Part of a response already left (a failure while it was written): nothing can replace it now.
            LOG.warn("{} {} failed after its response had begun (request-id {}): {}", ctx.method(), ctx.path(),
                    RequestIds.requestId(ctx), error.message());
            return;
        }
        ctx.res().resetBuffer(); // what a failing handler wrote but did not send
        if (error.status() == 503) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        GraphJson.send(ctx, error.status(),
                body(error, RequestIds.requestId(ctx), RequestIds.clientRequestId(ctx)));
    }

    /**
     * The body of a refusal that no handler throws, such as that of a request in a batch whose dependency failed.
     *
     * @param path the path of the refused request, whose service codes the error
     */
    public ObjectNode body(GraphRequestException refused, String path, String requestId, String clientRequestId) {
        return body(new GraphError(refused.status(), refused.code(), refused.getMessage()).answeredAt(path),
                requestId, clientRequestId);
    }

    private ObjectNode body(GraphError error, String requestId, String clientRequestId) {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("error")
                .put("code", error.code())
                .put("message", error.message())
                .putObject("innerError")
                .put("date", INNER_ERROR_DATE.format(clock.instant().atZone(clock.getZone())))
                .put(RequestIds.REQUEST_ID, requestId)
                .put(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
        return body;
    }

    private GraphError graphErrorOf(Exception failure, Context ctx) {
        if (failure instanceof GraphRequestException refused) {
            refused.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", Long.toString(seconds)));
            return new GraphError(refused.status(), refused.code(), refused.getMessage());
        }
        if (failure instanceof InvalidInputException || failure instanceof RequestRefusedException) {
            return new GraphError(400, "BadRequest", failure.getMessage());
        }
        if (failure instanceof AuthenticationException) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"devicescripts\"");
            return new GraphError(401, "InvalidAuthenticationToken", failure.getMessage());
        }
        if (failure instanceof SigningKeysUnavailableException) {
            LOG.warn("Token signing keys unavailable (request-id {})", RequestIds.requestId(ctx), failure);
            return new GraphError(503, "ServiceUnavailable", failure.getMessage());
        }
        if (failure instanceof StorageUnavailableException) {
            LOG.warn("Storage busy for {} {} (request-id {}): {}", ctx.method(), ctx.path(), RequestIds.requestId(ctx),
                    failure.getMessage());
            return new GraphError(503, "ServiceUnavailable", "The service is busy and did not do this request; "
                    + "retry after the time Retry-After gives.");
        }
        if (failure instanceof AccessDeniedException) {
            return new GraphError(403, "Forbidden", failure.getMessage());
        }
        if (failure instanceof NotFoundException) {
            return new GraphError(404, "ResourceNotFound", failure.getMessage());
        }
        if (failure instanceof HttpResponseException javalin) {
            return javalinErrorOf(javalin, ctx);
        }
        unexpected.error(failure instanceof ThrownError thrown ? thrown.getCause() : failure,
                "Request {} {} failed unexpectedly (request-id {})", ctx.method(), ctx.path(),
                RequestIds.requestId(ctx));
        return internalError();
    }

    private GraphError javalinErrorOf(HttpResponseException failure, Context ctx) {
        switch (failure.getStatus()) {
            case 404:
                // Graph answers an unknown path below its version segment as a bad request naming the segment.
                return GraphPaths.isGraphPath(ctx.path())
                        ? new GraphError(400, "BadRequest", "Resource not found for the segment '"
                                + segments.unknownSegment(ctx.path()) + "'.")
                        : new GraphError(404, "ResourceNotFound", "No resource exists at " + ctx.path() + ".");
            case 405:
                String allowed = failure.getDetails().getOrDefault("availableMethods", "");
                ctx.header("Allow", allowed.replace("\n", ", ").trim());
                return new GraphError(405, "MethodNotAllowed", "The method " + ctx.method() + " is not allowed on "
                        + ctx.path() + ".");
            case 413:
                return tooLarge();
            default:
                unexpected.error(failure, "Request {} {} failed in Javalin with status {} (request-id {})",
                        ctx.method(), ctx.path(), failure.getStatus(), RequestIds.requestId(ctx));
                return internalError();
        }
    }

    private GraphError tooLarge() {
        return new GraphError(413, "RequestEntityTooLarge",
                "The request body is larger than the limit of " + maxBodyBytes + " bytes.");
    }

    private static GraphError internalError() {
        return new GraphError(500, "InternalServerError",
                "An unexpected error occurred; quote the request-id to find it in the service log.");
    }
}
