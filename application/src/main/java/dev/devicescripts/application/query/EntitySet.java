package dev.devicescripts.application.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Graph collection, declared once: its item type's name, its properties in the order Graph writes them, the key
 * that identifies an item and breaks ties between pages, the order lists take unless the client orders them, and the
 * navigation properties {@code $expand} may name. The OData machinery of every adapter serves a collection from this
 * declaration alone (see docs/adding-a-collection.md).
 *
 * @param typeName     the entity type as Graph names it, e.g. {@code deviceManagementScript}
 * @param properties   in Graph's order; the key among them
 * @param key          a GUID or string property that no two items share and no item lacks
 * @param defaultOrder the order of a list the client does not order
 * @param navigations  the names of the navigation properties {@code $expand} may name
 */
public record EntitySet<T>(String typeName, List<Property<T>> properties, Property<T> key,
                           List<SortKey<T>> defaultOrder, List<String> navigations) {
    public EntitySet {
        Objects.requireNonNull(typeName, "typeName");
        properties = List.copyOf(properties);
        Objects.requireNonNull(key, "key");
        defaultOrder = List.copyOf(defaultOrder);
        navigations = List.copyOf(navigations);
        if (!properties.contains(key) || key.isNullable()
                || key.type() != ValueType.GUID && key.type() != ValueType.STRING) {
            throw new IllegalArgumentException("The key must be one of the properties, a GUID or string never null");
        }
        List<Property<T>> declared = properties;
        if (defaultOrder.stream().anyMatch(sortKey -> !declared.contains(sortKey.property()))) {
            throw new IllegalArgumentException("The default order names a property of another collection");
        }
    }

    /** The property Graph calls {@code name}; Graph's property names are case-insensitive in query options. */
    public Optional<Property<T>> property(String name) {
        return properties.stream().filter(property -> property.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<Property<T>> filterable() {
        return properties.stream().filter(Property::isFilterable).toList();
    }

    public List<Property<T>> sortable() {
        return properties.stream().filter(Property::isSortable).toList();
    }

    /** The order a query with these sort keys lists in: the default when the client gave none. */
    public List<SortKey<T>> orderOrDefault(List<SortKey<T>> orderBy) {
        return orderBy.isEmpty() ? defaultOrder : List.copyOf(orderBy);
    }
}
