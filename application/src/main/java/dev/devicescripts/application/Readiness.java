package dev.devicescripts.application;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the service can do its work now and, when it cannot, why, in words an operator can act on.
 *
 * @param problem empty when ready
 */
public record Readiness(Optional<String> problem) {
    private static final Readiness READY = new Readiness(Optional.empty());

    public Readiness {
        Objects.requireNonNull(problem, "problem");
    }

    public static Readiness ready() {
        return READY;
    }

    public static Readiness notReady(String problem) {
        return new Readiness(Optional.of(problem));
    }

    public boolean isReady() {
        return problem.isEmpty();
    }
}
