package dev.devicescripts.adapter.http;

import dev.devicescripts.adapter.http.graph.PublicUrl;
import dev.devicescripts.adapter.http.server.RequestLimits;
import dev.devicescripts.adapter.http.server.ThrottleLimits;
import dev.devicescripts.adapter.http.server.TlsFiles;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param host         the interface to bind, e.g. {@code 0.0.0.0}
 * @param port         the port to bind; 0 picks any free port
 * @param maxBodyBytes the largest request body accepted; larger ones are answered 413
 * @param pageSize     the most items one page of a list holds
 * @param tls          when present, the port speaks HTTPS with these files instead of HTTP
 * @param throttle     when present, requests over these limits are answered 429; absent, none is
 * @param limits       how many requests are worked on and queued at once, and how long idle clients are waited for
 * @param publicUrl    where the links in responses point
 */
public record HttpSettings(String host, int port, long maxBodyBytes, int pageSize, Optional<TlsFiles> tls,
                           Optional<ThrottleLimits> throttle, RequestLimits limits, PublicUrl publicUrl) {
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    public static final int DEFAULT_PAGE_SIZE = 100;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535: " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1: " + maxBodyBytes);
        }
        if (limits.bodyBudgetBytes() < 2 * maxBodyBytes) {
            throw new IllegalArgumentException("the body budget (" + limits.bodyBudgetBytes() + " bytes) must hold "
                    + "twice the largest body (" + maxBodyBytes + " bytes), so each tenant's half holds one");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
    }
}
