package dev.devicescripts.application.query;

import java.util.Objects;

/** One key of an {@code $orderby}: ascending puts null first, descending last. */
public record SortKey(ScriptProperty property, boolean descending) {
    public SortKey {
        Objects.requireNonNull(property, "property");
    }

    public static SortKey ascending(ScriptProperty property) {
        return new SortKey(property, false);
    }
}
