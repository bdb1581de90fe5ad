package dev.devicescripts.adapter.http.graph;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The path segments under Graph's version root that a resource serves, so that GraphErrors can name, as Graph does,
 * the first segment of an unknown path that names nothing: each resource declares its own, the server hands them to
 * GraphErrors.
 *
 * @param navigation navigation names in lower case, each collection's among them
 * @param keyed      the collections among them, which a key may follow as a segment of its own
 */
public record KnownSegments(Set<String> navigation, Set<String> keyed) {
    public KnownSegments {
        navigation = Set.copyOf(navigation);
        keyed = Set.copyOf(keyed);
    }

    /** The segments, and each under the {@code microsoft.graph.} prefix that SDKs write before a function's name. */
    public static Set<String> withPrefixes(Set<String> segments) {
        Set<String> all = new HashSet<>(segments);
        segments.forEach(segment -> all.add("microsoft.graph." + segment));
        return all;
    }

    /** The segments of this resource and of {@code other}. */
    public KnownSegments and(KnownSegments other) {
        Set<String> allNavigation = new HashSet<>(navigation);
        allNavigation.addAll(other.navigation);
        Set<String> allKeyed = new HashSet<>(keyed);
        allKeyed.addAll(other.keyed);
        return new KnownSegments(allNavigation, allKeyed);
    }

    /** The first segment of a Graph path that names nothing served here, as Graph's error names it. */
    String unknownSegment(String path) {
        String[] segments = path.substring(GraphPaths.GRAPH_ROOT.length()).replaceAll("^/+", "").split("/");
        boolean keyMayFollow = false;
        for (String segment : segments) {
            String name = segment.split("\\(", 2)[0].toLowerCase(Locale.ROOT);
            if (keyMayFollow) {
                keyMayFollow = false;
            } else if (!navigation.contains(name)) {
                return segment;
            } else {
                keyMayFollow = keyed.contains(name) && !segment.contains("(");
            }
        }
        return segments[segments.length - 1];
    }
}
