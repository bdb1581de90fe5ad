package dev.devicescripts.adapter.http.graph;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.URIUtil;

/**
 * The start of the absolute links of a response, such as {@code https://graph.example.com}: the public URL, else the
 * URL the server is bound to. Behind a trusted proxy, a request that carries its Forwarded or X-Forwarded-* headers
 * is answered with links to the scheme, host and port Jetty's ForwardedRequestCustomizer read from them, under the
 * path of X-Forwarded-Prefix. A request of a batch links where the batch does.
 */
public final class LinkBase {
    /** Set by the batch on each of its requests: the base of the batch's own links. */
    public static final String BATCH_HEADER = "X-Devicescripts-Batch-Link-Base";
    private static final String PREFIX_HEADER = "X-Forwarded-Prefix";
    /** Path segments of characters a URL path holds as they are. */
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*/?");

    private final PublicUrl publicUrl;
    private final Supplier<String> boundUrl;
    private final Predicate<Context> dispatched;

    /**
     * @param boundUrl   the URL the server is bound to, known once it started
     * @param dispatched whether a request is one of a batch's
     */
    public LinkBase(PublicUrl publicUrl, Supplier<String> boundUrl, Predicate<Context> dispatched) {
        this.publicUrl = publicUrl;
        this.boundUrl = boundUrl;
        this.dispatched = dispatched;
    }

    /** The base of {@code ctx}'s links, without a trailing slash. */
    public String of(Context ctx) {
        if (dispatched.test(ctx)) {
            return ctx.header(BATCH_HEADER);
        }
        if (publicUrl.trustForwardedHeaders() && isForwarded(ctx)) {
            return forwarded(ctx);
        }
        return publicUrl.base().orElseGet(boundUrl);
    }

    private static boolean isForwarded(Context ctx) {
        return ctx.headerMap().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .anyMatch(name -> name.equals("forwarded") || name.startsWith("x-forwarded-"));
    }

    /** The request's scheme, host and port as the proxy's headers named them, and the proxy's path prefix. */
    private static String forwarded(Context ctx) {
        String prefix = ctx.header(PREFIX_HEADER) == null ? "" : ctx.header(PREFIX_HEADER).split(",", 2)[0].trim();
        if (!PATH.matcher(prefix).matches()) {
            throw GraphRequestException.badRequest("The " + PREFIX_HEADER + " header '" + prefix + "' is not a URL "
                    + "path such as /intune.");
        }
        return URIUtil.newURI(ctx.scheme(), ctx.req().getServerName(), ctx.req().getServerPort())
                + prefix.replaceFirst("/$", "");
    }
}
