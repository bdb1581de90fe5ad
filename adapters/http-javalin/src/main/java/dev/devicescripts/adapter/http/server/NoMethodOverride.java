package dev.devicescripts.adapter.http.server;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Removes the headers that ask a server to take a request for another method: Javalin's {@code Context.method()}
 * honours {@code X-HTTP-Method-Override}, so a GET carrying {@code X-HTTP-Method-Override: DELETE} would be routed as
 * a DELETE, past any proxy rule that lets only GETs through. Graph ignores these headers, and so does this server: a
 * GET is a GET. The other spellings that frameworks honour go too, so that no later version can bring one back.
 */
public final class NoMethodOverride extends Handler.Wrapper {
    private static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (OVERRIDE_HEADERS.stream().noneMatch(headers::contains)) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable withoutOverrides = HttpFields.build(headers);
        OVERRIDE_HEADERS.forEach(withoutOverrides::remove);
        HttpFields filtered = withoutOverrides.asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return filtered;
            }
        }, response, callback);
    }
}
