package dev.devicescripts.adapter.http.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests the service accepts per window before it answers 429, as Intune limits them. Writes are POST,
 * PATCH and DELETE (assign included); requests are all of them, writes too. "Per app" means per client app of the
 * token within its tenant.
 */
public record ThrottleLimits(int writesPerTenant, int writesPerApp, int requestsPerTenant, int requestsPerApp,
                             Duration window) {

    public ThrottleLimits {
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the throttling window must be at least 1 second: " + window);
        }
        requireRate("writesPerTenant", writesPerTenant, window);
        requireRate("writesPerApp", writesPerApp, window);
        requireRate("requestsPerTenant", requestsPerTenant, window);
        requireRate("requestsPerApp", requestsPerApp, window);
    }

    /** Intune's documented limits for device management scripts. */
    public static ThrottleLimits intune() {
        return new ThrottleLimits(400, 200, 4_000, 2_000, Duration.ofSeconds(20));
    }

    // A token bucket counts time in nanoseconds, so it refills at most one token per nanosecond.
    private static void requireRate(String name, int limit, Duration window) {
        if (limit < 1 || limit > window.toNanos()) {
            throw new IllegalArgumentException(name + " must be from 1 to one per nanosecond: " + limit);
        }
    }
}
