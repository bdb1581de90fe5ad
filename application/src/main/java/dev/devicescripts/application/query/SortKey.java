package dev.devicescripts.application.query;

import java.util.Objects;

/** One key of an {@code $orderby}: ascending puts null first, descending last. */
public record SortKey<T>(Property<T> property, boolean descending) {
    public SortKey {
        Objects.requireNonNull(property, "property");
    }

    public static <T> SortKey<T> ascending(Property<T> property) {
        return new SortKey<>(property, false);
    }
}
