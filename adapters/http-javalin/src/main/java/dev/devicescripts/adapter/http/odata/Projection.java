package dev.devicescripts.adapter.http.odata;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.odata.QueryOptions.Option;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a response writes of each script: the properties {@code $select} names (all when it is absent, id always) and
 * the navigation properties {@code $expand} names, written inline.
 *
 * @param select the selected properties as Graph spells them, in the client's order; empty for all
 */
public record Projection(List<String> select, Set<Navigation> expand) {
    public static final Projection ALL = new Projection(List.of(), EnumSet.noneOf(Navigation.class));
    /** A script's properties in the order Graph writes them, which {@code $select} may name. */
    static final List<String> SCRIPT_PROPERTIES = List.of("id", "displayName", "description", "scriptContent",
            "createdDateTime", "lastModifiedDateTime", "runAsAccount", "enforceSignatureCheck", "fileName",
            "roleScopeTagIds", "runAs32Bit");

    public enum Navigation {
        ASSIGNMENTS("assignments"), GROUP_ASSIGNMENTS("groupAssignments");

        private final String graphName;

        Navigation(String graphName) {
            this.graphName = graphName;
        }

        public String graphName() {
            return graphName;
        }
    }

    public Projection {
        select = List.copyOf(select);
        expand = expand.isEmpty() ? EnumSet.noneOf(Navigation.class) : EnumSet.copyOf(expand);
    }

    public static Projection of(QueryOptions options) {
        List<String> select = names(options, Option.SELECT, "a property of deviceManagementScript",
                SCRIPT_PROPERTIES, Function.identity());
        List<Navigation> expand = names(options, Option.EXPAND, "a navigation property of deviceManagementScript",
                List.of(Navigation.values()), Navigation::graphName);
        return new Projection(select, Set.copyOf(expand));
    }

    /** The option's comma-separated names, each one of {@code known} ignoring case; empty when the option is absent. */
    private static <T> List<T> names(QueryOptions options, Option option, String kind, List<T> known,
                                     Function<T, String> nameOf) {
        List<T> named = new ArrayList<>();
        Optional<String> value = options.value(option);
        if (value.isEmpty()) {
            return named;
        }
        for (String name : QueryLimits.items(option, value.get())) {
            T item = known.stream().filter(candidate -> nameOf.apply(candidate).equalsIgnoreCase(name.trim()))
                    .findFirst()
                    .orElseThrow(() -> GraphRequestException.badRequest("The query option '" + option.graphName()
                            + "' names '" + name.trim() + "', which is not " + kind + "; use "
                            + String.join(", ", known.stream().map(nameOf).toList()) + "."));
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

    public boolean expands(Navigation navigation) {
        return expand.contains(navigation);
    }
}
