package dev.devicescripts.adapter.http.directory;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects that {@code @odata.id} and {@code @odata.bind} name: absolute URLs of Graph's directory objects, on
 * graph.microsoft.com (beta or v1.0, as clients written for either send them) or on this server's own base URL.
 */
final class DirectoryReferences {
    private static final String GRAPH = "https://graph.microsoft.com";
    private static final Pattern URL = Pattern.compile(
            "(.+)/(?:beta|v1\\.0)/(?:directoryObjects|users|groups|devices)/([^/?#]+)", Pattern.CASE_INSENSITIVE);

    private DirectoryReferences() {
    }

    /**
     * The object key at the end of {@code url}, for the use case to judge.
     *
     * @param ownBase this server's base URL, as its own links start
     * @param where   what held the URL, for the refusal: {@code @odata.id} or {@code @odata.bind for members}
     */
    static String key(String url, String ownBase, String where) {
        Matcher matcher = URL.matcher(url == null ? "" : url);
        if (!matcher.matches() || !(matcher.group(1).equalsIgnoreCase(GRAPH)
                || matcher.group(1).toLowerCase(Locale.ROOT).equals(ownBase.toLowerCase(Locale.ROOT)))) {
            throw GraphRequestException.badRequest("Invalid URL format specified in " + where + ".");
        }
        return matcher.group(2);
    }

    /** The keys of a {@code navigation@odata.bind} array; none when the body has none. */
    static List<String> keys(List<String> urls, String ownBase, String navigation) {
        List<String> keys = new ArrayList<>();
        for (String url : urls == null ? List.<String>of() : urls) {
            keys.add(key(url, ownBase, "@odata.bind for " + navigation));
        }
        return keys;
    }
}
