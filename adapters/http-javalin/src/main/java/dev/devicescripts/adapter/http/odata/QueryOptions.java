package dev.devicescripts.adapter.http.odata;

import dev.devicescripts.adapter.http.graph.GraphPaths;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.GraphService;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OData system query options of one request. Graph beta accepts each name in any case and with or without its
 * '$'; an option this service does not serve is refused by name rather than ignored, so that a client never mistakes
 * an unfiltered answer for a filtered one. Other query parameters are ignored, as Graph does. Only the directory
 * serves {@code $search}; to Intune's resources it is an option like any other this service does not serve.
 */
public final class QueryOptions {
    public enum Option {
        FILTER, ORDERBY, TOP, SKIP, COUNT, SELECT, EXPAND, SKIPTOKEN, SEARCH;

        /** The name as Graph writes it, e.g. {@code $filter}. */
        String graphName() {
            return "$" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Options of OData that Graph knows but this service does not serve; with '$', every unknown name is one. */
    private static final Set<String> REFUSED_WITHOUT_DOLLAR = Set.of("format");
    private static final Set<Option> SERVED_BY_INTUNE = EnumSet.complementOf(EnumSet.of(Option.SEARCH));

    private final Map<Option, String> values;

    private QueryOptions(Map<Option, String> values) {
        this.values = values;
    }

    /**
     * The options of a request that may carry those in {@code applicable}; any other option, an option given twice,
     * or an unknown $-option is a bad request naming it.
     */
    public static QueryOptions of(Map<String, List<String>> queryParameters, Set<Option> applicable) {
        return of(queryParameters, applicable, GraphService.INTUNE);
    }

    /** The options of a request to {@code service} that may carry those in {@code applicable}. */
    public static QueryOptions of(Map<String, List<String>> queryParameters, Set<Option> applicable,
                                  GraphService service) {
        Set<Option> served = served(service);
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (Map.Entry<String, List<String>> parameter : queryParameters.entrySet()) {
            String name = parameter.getKey();
            Optional<Option> option = optionNamed(name, served);
            if (option.isEmpty()) {
                continue;
            }
            if (!applicable.contains(option.get())) {
                throw GraphRequestException.badRequest("The query option '" + name + "' does not apply to this "
                        + "resource, which takes " + describe(applicable) + ".");
            }
            if (parameter.getValue().isEmpty()) { // Javalin keeps no value it cannot URL-decode, such as %zz
                throw GraphRequestException.badRequest("The query option '" + name + "' has a value that is not "
                        + "validly URL-encoded.");
            }
            if (parameter.getValue().size() > 1 || values.containsKey(option.get())) {
                throw GraphRequestException.badRequest("The query option '" + option.get().graphName()
                        + "' is given more than once; give each query option at most once.");
            }
            values.put(option.get(), parameter.getValue().get(0));
        }
        return new QueryOptions(values);
    }

    /**
     * For every Graph request: refuses unknown $-options, those the service of {@code path} does not serve, and
     * repeated options, whatever the resource.
     */
    public static void rejectUnknownOptions(Map<String, List<String>> queryParameters, String path) {
        GraphService service = GraphPaths.serviceOf(path);
        of(queryParameters, served(service), service);
    }

    /** The options {@code service} serves on some resource. */
    public static Set<Option> served(GraphService service) {
        return service == GraphService.DIRECTORY ? EnumSet.allOf(Option.class) : SERVED_BY_INTUNE;
    }

    /** The value as the client sent it, decoded from the URL; empty when the request does not give the option. */
    public Optional<String> value(Option option) {
        return Optional.ofNullable(values.get(option));
    }

    private static Optional<Option> optionNamed(String name, Set<Option> served) {
        boolean dollar = name.startsWith("$");
        String bare = (dollar ? name.substring(1) : name).toLowerCase(Locale.ROOT);
        for (Option option : served) {
            if (option.graphName().equals("$" + bare)) {
                return Optional.of(option);
            }
        }
        if (dollar || REFUSED_WITHOUT_DOLLAR.contains(bare) || Option.SEARCH.graphName().equals("$" + bare)) {
            throw GraphRequestException.badRequest("The query option '" + name + "' is not supported; this service "
                    + "serves " + describe(served) + ".");
        }
        return Optional.empty();
    }

    private static String describe(Set<Option> options) {
        return options.isEmpty()
                ? "no query options"
                : options.stream().map(Option::graphName).collect(Collectors.joining(", "));
    }
}
