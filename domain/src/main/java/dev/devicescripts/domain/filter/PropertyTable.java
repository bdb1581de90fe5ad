package dev.devicescripts.domain.filter;

import java.util.List;
import java.util.Optional;

/** The properties a platform's device filters may name (targeting.md 2.3): the one table parser and Graph serve. */
public record PropertyTable(FilterPlatform platform, List<FilterProperty> properties) {
    public PropertyTable {
        properties = List.copyOf(properties);
    }

    /** The table of the platform's filters of this management type; empty when devicescripts has none. */
    public static Optional<PropertyTable> of(FilterPlatform platform, FilterManagementType managementType) {
        throw new UnsupportedOperationException("helper A");
    }

    /** The property a rule names as {@code name} (after {@code device.}), ignoring case. */
    public Optional<FilterProperty> property(String name) {
        return properties.stream().filter(property -> property.name().equalsIgnoreCase(name)).findFirst();
    }
}
