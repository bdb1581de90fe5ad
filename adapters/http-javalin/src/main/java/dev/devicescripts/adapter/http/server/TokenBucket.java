package dev.devicescripts.adapter.http.server;

import java.time.Duration;

/**
 * A token bucket that holds at most {@code capacity} tokens and refills continuously, {@code capacity} per
 * {@code window}. Its whole state is the instant it will be full again: each token taken pushes that instant one
 * token's refill time later. Times are {@link System#nanoTime()} readings, passed in so that tests choose them.
 * Not thread-safe: its owner serialises calls.
 */
final class TokenBucket {
    private final long nanosPerToken;
    /** How far in the future the full instant may lie: the time an empty bucket takes to fill. */
    private final long nanosToFill;
    private long fullAtNanos;

    /** A full bucket at {@code nowNanos}; {@code capacity} is from 1 to the window's nanoseconds. */
    TokenBucket(int capacity, Duration window, long nowNanos) {
        nanosPerToken = window.toNanos() / capacity;
        nanosToFill = nanosPerToken * capacity;
        fullAtNanos = nowNanos;
    }

    /** How long until a token can be taken; 0 when one can be now. */
    long nanosUntilToken(long nowNanos) {
        return Math.max(0, nanosUntilFull(nowNanos) + nanosPerToken - nanosToFill);
    }

    /** Takes one token; the caller has checked that {@link #nanosUntilToken} is 0. */
    void take(long nowNanos) {
        fullAtNanos = nowNanos + nanosUntilFull(nowNanos) + nanosPerToken;
    }

    /** A full bucket is the same as a new one, so its owner may forget it. */
    boolean isFull(long nowNanos) {
        return nanosUntilFull(nowNanos) == 0;
    }

    /** A difference of nanoTime readings, never a comparison, which would break when they wrap. */
    private long nanosUntilFull(long nowNanos) {
        return Math.max(0, fullAtNanos - nowNanos);
    }
}
