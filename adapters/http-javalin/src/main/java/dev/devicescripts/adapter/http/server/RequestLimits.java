package dev.devicescripts.adapter.http.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How much work the server takes on at once, and how long it waits for clients, so that a burst of requests or a
 * stalled client is answered or cut off instead of tying up threads or memory without bound.
 *
 * <p>A request's line and headers, then its body, must arrive before the request takes a place among the
 * maxConcurrent, so a slow client holds a connection and its buffered bytes, never a place or a thread. The deadlines
 * are those of Apache's mod_reqtimeout: {@code header=20 body=20,MinRate=500}.
 *
 * @param maxConcurrent         requests worked on at once; more wait in the queue without holding a thread
 * @param maxQueued             requests that may wait; one more is answered 503 with Retry-After at once
 * @param maxQueueWait          how long a request may wait in the queue before it is answered 503 with Retry-After
 * @param idleTimeout           how long a connection may send nothing, between requests or in the middle of one,
 *                              before the server gives up on it
 * @param headerTimeout         how long a request's line and headers may take from their first byte; later, 408
 * @param bodyTimeout           how long a request body may take, before each byte received extends it; later, 408
 * @param bodyMinBytesPerSecond the bytes of body that extend bodyTimeout by one second
 * @param bodyBudgetBytes       the request bodies held in memory at once, counted by their length, from before they
 *                              are read until they are answered; a body that does not fit, or would take its tenant
 *                              past half, is answered 503 with Retry-After unread
 */
public record RequestLimits(int maxConcurrent, int maxQueued, Duration maxQueueWait, Duration idleTimeout,
                            Duration headerTimeout, Duration bodyTimeout, int bodyMinBytesPerSecond,
                            long bodyBudgetBytes) {
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_BODY_MIN_BYTES_PER_SECOND = 500;
    public static final RequestLimits DEFAULTS = new RequestLimits(64, 1_000, Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    public RequestLimits {
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative: " + maxQueued);
        }
        if (maxQueueWait.isNegative() || !isPositive(idleTimeout) || !isPositive(headerTimeout)
                || !isPositive(bodyTimeout)) {
            throw new IllegalArgumentException("maxQueueWait must not be negative, and idleTimeout, headerTimeout "
                    + "and bodyTimeout must be positive");
        }
        if (bodyMinBytesPerSecond < 1 || bodyBudgetBytes < 1) {
            throw new IllegalArgumentException("bodyMinBytesPerSecond and bodyBudgetBytes must be at least 1");
        }
    }

    /** The usual deadlines for headers and bodies, and a body budget of an eighth of the heap. */
    public RequestLimits(int maxConcurrent, int maxQueued, Duration maxQueueWait, Duration idleTimeout) {
        this(maxConcurrent, maxQueued, maxQueueWait, idleTimeout, DEFAULT_HEADER_TIMEOUT, DEFAULT_BODY_TIMEOUT,
                DEFAULT_BODY_MIN_BYTES_PER_SECOND, defaultBodyBudgetBytes());
    }

    /**
     * An eighth of the most heap this JVM may use: request bodies and their parsed JSON take a few times their
     * length, which leaves most of the heap to responses and storage.
     */
    public static long defaultBodyBudgetBytes() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
