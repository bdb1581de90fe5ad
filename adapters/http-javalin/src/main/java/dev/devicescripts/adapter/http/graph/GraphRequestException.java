package dev.devicescripts.adapter.http.graph;

import java.util.Optional;

/** A request the adapter refuses before any use case runs, with the Graph status and error code to answer. */
public final class GraphRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    /** Null when the answer carries no Retry-After of its own. */
    private final Long retryAfterSeconds;

    private GraphRequestException(int status, String code, String message) {
        this(status, code, message, null);
    }

    private GraphRequestException(int status, String code, String message, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static GraphRequestException badRequest(String message) {
        return new GraphRequestException(400, "BadRequest", message);
    }

    /**
     * A directory query that the directory serves only as an advanced query (with {@code ConsistencyLevel: eventual}
     * and {@code $count=true}), or not at all.
     */
    public static GraphRequestException unsupportedQuery(String message) {
        return new GraphRequestException(400, GraphErrors.UNSUPPORTED_QUERY, message);
    }

    /** Graph's answer to POST or DELETE on assignment collections, whose changes go through assign only. */
    public static GraphRequestException noMethodMatch(String method) {
        return new GraphRequestException(400, "No method match route template",
                "No OData route exists that match template for " + method + " on this resource; change assignments "
                        + "with the assign action.");
    }

    /** A request in a batch that depends on another request of the batch, which failed. */
    public static GraphRequestException failedDependency(String message) {
        return new GraphRequestException(424, "FailedDependency", message);
    }

    static GraphRequestException unsupportedMediaType(String contentType) {
        return new GraphRequestException(415, "UnsupportedMediaType",
                "The Content-Type '" + contentType + "' is not supported; send application/json.");
    }

    /** A client that stopped sending its request before it was whole. */
    static GraphRequestException requestTimeout(String message) {
        return new GraphRequestException(408, "RequestTimeout", message);
    }

    public static GraphRequestException serviceUnavailable(String message) {
        return new GraphRequestException(503, "ServiceUnavailable", message);
    }

    /** A request over a throttling limit; it may be sent again after {@code retryAfterSeconds}. */
    public static GraphRequestException tooManyRequests(String message, long retryAfterSeconds) {
        return new GraphRequestException(429, "TooManyRequests", message, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }
}
