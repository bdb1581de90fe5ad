package dev.devicescripts.adapter.http;

import dev.devicescripts.adapter.http.auth.AuthenticatedCaller;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, for operators: who (tenant and client app, never the token), what, how it ended and how
 * long it took, with the request-id a client quotes.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("devicescripts.access");

    private AccessLog() {
    }

    static void record(Context ctx, Float milliseconds) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Optional<AuthenticatedCaller> caller = RequestCaller.authenticated(ctx);
        String tenant = caller.map(known -> known.caller().tenant().toString()).orElse("-");
        String app = caller.map(AuthenticatedCaller::clientAppId).orElse("-");
        LOG.info("request-id={} method={} path={} status={} duration_ms={} tenant={} app={}",
                RequestIds.requestId(ctx), ctx.method(), ctx.path(), ctx.statusCode(),
                String.format(Locale.ROOT, "%.1f", milliseconds), tenant, app);
    }
}
