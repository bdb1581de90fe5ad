package dev.devicescripts.adapter.http.odata;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a response writes of each item: the properties {@code $select} names (all when it is absent, the key always)
 * and the navigation properties {@code $expand} names, written inline.
 *
 * @param select the selected properties as Graph spells them, in the client's order; empty for all
 * @param expand the expanded navigation properties, as the collection declares them
 */
public record Projection(List<String> select, Set<String> expand) {
    public static final Projection ALL = new Projection(List.of(), Set.of());

    public Projection {
        select = List.copyOf(select);
        expand = Set.copyOf(expand);
    }

    /** The projection the request's $select and $expand name, each name one the collection declares. */
    public static Projection of(QueryOptions options, EntitySet<?> set) {
        return of(options, set, List.of());
    }

    /**
     * The projection the request's $select and $expand name, each name one the collection declares, or, for $select,
     * one that a set of its items declares.
     *
     * @param itemSets the sets of a mixed collection's items, such as a group's members: users, groups and devices
     */
    public static Projection of(QueryOptions options, EntitySet<?> set, List<EntitySet<?>> itemSets) {
        List<String> properties = Stream.concat(Stream.of(set), itemSets.stream())
                .flatMap(declared -> declared.properties().stream()).filter(property -> !property.isFilterOnly())
                .map(Property::name).distinct().toList();
        List<String> select = names(options, Option.SELECT, "a property of " + set.typeName(), properties);
        List<String> expand = names(options, Option.EXPAND, "a navigation property of " + set.typeName(),
                set.navigations());
        return new Projection(select, Set.copyOf(expand));
    }

    /** The option's comma-separated names, each one of {@code known} ignoring case; empty when the option is absent. */
    private static List<String> names(QueryOptions options, Option option, String kind, List<String> known) {
        List<String> named = new ArrayList<>();
        Optional<String> value = options.value(option);
        if (value.isEmpty()) {
            return named;
        }
        for (String name : QueryLimits.items(option, value.get())) {
            String item = known.stream().filter(candidate -> candidate.equalsIgnoreCase(name.trim()))
                    .findFirst()
                    .orElseThrow(() -> GraphRequestException.badRequest("The query option '" + option.graphName()
                            + "' names '" + name.trim() + "', which is not " + kind + "; use "
                            + String.join(", ", known) + "."));
            if (!named.contains(item)) {
                named.add(item);
            }
        }
        return named;
    }

    /** The @odata.context suffix Graph writes for a selection, e.g. {@code (displayName,id)}. */
    public String contextSuffix() {
        return select.isEmpty() ? "" : "(" + String.join(",", select) + ")";
    }

    /** Whether a response writes this property: every one when there is no {@code $select}. */
    public boolean selects(String property) {
        return select.isEmpty() || select.contains(property);
    }

    public boolean expands(String navigation) {
        return expand.contains(navigation);
    }
}
