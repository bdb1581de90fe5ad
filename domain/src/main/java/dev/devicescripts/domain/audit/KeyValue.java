package dev.devicescripts.domain.audit;

import java.util.Objects;

/** One of a directory audit's additionalDetails. */
public record KeyValue(String key, String value) {
    public KeyValue {
        Objects.requireNonNull(key, "key");
    }
}
