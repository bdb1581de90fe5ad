package dev.devicescripts.adapter.http.batch;

import static dev.devicescripts.adapter.http.graph.GraphPaths.GRAPH_ROOT;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Where the url of a request in a batch points: Graph takes it relative to the version root, /beta here. */
final class BatchUrls {
    /** What may stand unencoded in a URL besides letters and digits. */
    private static final String URL_PUNCTUATION = "-._~:/?#[]@!$&'()*+,;=%";

    private BatchUrls() {
    }

    /**
     * The path and query under /beta that {@code url} names, with or without its leading slash.
     *
     * @throws GraphRequestException 400 when the url is absolute or would leave /beta
     */
    static String pathAndQuery(String url) {
        URI uri;
        try {
            // Clients write queries as Graph's examples do, with raw spaces and quotes: encode what a URL cannot hold.
            uri = new URI(encodeIllegalCharacters(url));
        } catch (URISyntaxException e) {
            throw GraphRequestException.badRequest("The url '" + url + "' is not a valid URL: " + e.getReason() + ".");
        }
        if (uri.isAbsolute() || uri.getRawAuthority() != null) {
            throw GraphRequestException.badRequest("The url '" + url
                    + "' is absolute; in a batch, a url is relative to " + GRAPH_ROOT
                    + ", such as /deviceManagement/deviceManagementScripts.");
        }
        String path = uri.getRawPath().replaceFirst("^/+", "");
        // A dot segment, even percent-encoded, could climb out of /beta past its authentication.
        if (Arrays.stream(uri.getPath().split("/")).anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
            throw GraphRequestException.badRequest("The url '" + url + "' leaves " + GRAPH_ROOT
                    + "; in a batch, a url names a resource under it.");
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return GRAPH_ROOT + "/" + path + query;
    }

    private static String encodeIllegalCharacters(String url) {
        StringBuilder encoded = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean allowed = c < 0x80 && (Character.isLetterOrDigit(c) || URL_PUNCTUATION.indexOf(c) >= 0);
            encoded.append(allowed ? String.valueOf(c) : String.format("%%%02X", b & 0xFF));
        }
        return encoded.toString();
    }
}
