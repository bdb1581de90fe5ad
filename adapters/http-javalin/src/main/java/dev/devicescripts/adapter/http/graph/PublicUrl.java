package dev.devicescripts.adapter.http.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the absolute links this server writes ({@code @odata.nextLink}, {@code Location}) point. Never the request's
 * own Host header: a client that forges it would send an SDK following the link, and its bearer token, elsewhere.
 *
 * @param url                   the base of every link, such as {@code https://graph.example.com} or
 *                              {@code https://example.com/intune}; empty: the URL the server is bound to
 * @param trustForwardedHeaders whether a request's {@code Forwarded} / {@code X-Forwarded-*} headers name the base
 *                              instead: only behind a proxy that sets them and strips them from its clients' requests
 */
public record PublicUrl(Optional<URI> url, boolean trustForwardedHeaders) {
    /** Links to the URL the server is bound to, whatever the request's headers say. */
    public static final PublicUrl AS_BOUND = new PublicUrl(Optional.empty(), false);
    private static final Set<String> SCHEMES = Set.of("http", "https");

    public PublicUrl {
        Objects.requireNonNull(url, "url");
        url.ifPresent(PublicUrl::check);
    }

    /**
     * The base that {@code text} names.
     *
     * @throws IllegalArgumentException saying what a public URL must be
     */
    public static URI parse(String text) {
        try {
            return check(new URI(text));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("must be an absolute http or https URL without user, query or "
                    + "fragment, such as https://graph.example.com or https://example.com/intune, not '" + text + "'.");
        }
    }

    private static URI check(URI url) {
        if (url.getScheme() == null || !SCHEMES.contains(url.getScheme().toLowerCase(Locale.ROOT))
                || url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null
                || url.getRawFragment() != null) {
            throw new IllegalArgumentException("not an absolute http or https URL without user, query or fragment: "
                    + url);
        }
        return url;
    }

    /** The configured base as links start with it, without a trailing slash. */
    Optional<String> base() {
        return url.map(uri -> uri.toString().replaceFirst("/+$", ""));
    }
}
