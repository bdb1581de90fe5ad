package dev.devicescripts.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work the server takes on at once, and how long it waits for clients, so that a burst of requests or a
 * stalled client is answered or cut off instead of tying up threads without bound.
 *
 * @param maxConcurrent requests worked on at once; more wait in the queue without holding a thread
 * @param maxQueued     requests that may wait; one more is answered 503 with Retry-After at once
 * @param maxQueueWait  how long a request may wait in the queue before it is answered 503 with Retry-After
 * @param idleTimeout   how long a connection may send nothing, between requests or in the middle of one, before the
 *                      server gives up on it
 */
public record RequestLimits(int maxConcurrent, int maxQueued, Duration maxQueueWait, Duration idleTimeout) {
    public static final RequestLimits DEFAULTS = new RequestLimits(64, 1_000, Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    public RequestLimits {
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative: " + maxQueued);
        }
        if (maxQueueWait.isNegative() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("maxQueueWait must not be negative and idleTimeout must be positive");
        }
    }
}
