package dev.devicescripts.adapter.http.graph;

import dev.devicescripts.domain.Guids;
import java.util.Locale;
import java.util.regex.Pattern;

/** Paths under Graph's version root, and the keys in them, as every resource writes and reads them. */
public final class GraphPaths {
    public static final String GRAPH_ROOT = "/beta";
    /** Graph's action that replaces a resource's assignments; its routes end with this segment. */
    public static final String ASSIGN = "/assign";
    /** The directory's collections under either version root, with whatever follows them (a key, a navigation). */
    private static final Pattern DIRECTORY_PATH =
            Pattern.compile("(?i)/(beta|v1\\.0)/(groups|users|devices|directoryObjects)([/(?].*)?");

    private GraphPaths() {
    }

    public static boolean isGraphPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals(GRAPH_ROOT) || lower.startsWith(GRAPH_ROOT + "/");
    }

    /** The service that answers a request for {@code path}: the directory for its own collections, else Intune. */
    public static GraphService serviceOf(String path) {
        return path != null && DIRECTORY_PATH.matcher(path).matches() ? GraphService.DIRECTORY : GraphService.INTUNE;
    }

    /** OData writes string keys in quotes inside parentheses: ('{id}'). */
    public static String unquoted(String key) {
        return key.length() >= 2 && key.startsWith("'") && key.endsWith("'") ? key.substring(1, key.length() - 1) : key;
    }

    /**
     * A key that must be a GUID, unquoted.
     *
     * @param entityType the entity the key names, as Graph's schema spells it, such as deviceManagementScript
     * @param idName     what the id is called in the refusal, such as "script id"
     * @throws GraphRequestException 400 when the key is no GUID
     */
    public static String guidKey(String key, String entityType, String idName) {
        String unquoted = unquoted(key);
        if (!Guids.isGuid(unquoted)) {
            throw GraphRequestException.badRequest("The " + entityType + " key '" + unquoted + "' is not valid: a "
                    + idName + " is a GUID such as 00000000-0000-0000-0000-000000000000.");
        }
        return unquoted;
    }
}
