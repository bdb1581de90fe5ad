package dev.devicescripts.adapter.http.server;

import dev.devicescripts.adapter.http.auth.Authenticator;
import dev.devicescripts.adapter.http.batch.LocalDispatch;
import dev.devicescripts.adapter.http.graph.RequestCaller;
import dev.devicescripts.domain.TenantId;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads each request body whole before the request goes on to the queue, demand by demand, so a client that sends its
 * body slowly holds neither a place among the requests worked on nor a thread; one later than the deadline of
 * {@link RequestLimits} is answered 408. A body that does not fit the {@link BodyBudget}, which it holds until the
 * request is answered, is answered 503 with Retry-After: at once when the client waits for a 100 Continue, else once
 * the body has arrived, read and dropped as it comes, since a client still sending would miss an earlier answer.
 *
 * <p>The budget is kept per tenant, so the bearer token of a request with a body is verified here, before it waits
 * for a place; the routes reuse the caller. A request whose token fails, whose body is declared larger than the
 * limit, or that comes from a batch, goes on unread: the routes refuse the first two before reading any body, and
 * the third's body is its batch's.
 */
public final class BodyIntake extends Handler.Wrapper {
    private static final String BODY = "devicescripts.body";
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    /** Where a body of unknown length (chunked) starts; it doubles as it grows. */
    private static final int FIRST_CHUNKED_CAPACITY = 8 * 1024;

    private final Authenticator authenticator;
    private final LocalDispatch dispatch;
    private final long maxBodyBytes;
    private final long bodyTimeoutNanos;
    private final int minBytesPerSecond;
    private final BodyBudget budget;
    private final String budgetFull;

    public BodyIntake(Authenticator authenticator, LocalDispatch dispatch, long maxBodyBytes, RequestLimits limits) {
        this.authenticator = authenticator;
        this.dispatch = dispatch;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyTimeoutNanos = limits.bodyTimeout().toNanos();
        this.minBytesPerSecond = limits.bodyMinBytesPerSecond();
        this.budget = new BodyBudget(limits.bodyBudgetBytes());
        this.budgetFull = "The server holds as many request bodies as its budget of " + limits.bodyBudgetBytes()
                + " bytes allows, at most half of them for one tenant; retry after the time in Retry-After.";
    }

    /** The body this handler read, whole; null when it read none, as for a request of a batch. */
    public static byte[] body(Context ctx) {
        return (byte[]) ServletContextRequest.getServletContextRequest(ctx.req()).getAttribute(BODY);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if ((length <= 0 && !chunked) || length > maxBodyBytes || dispatch.isDispatched(request)) {
            return super.handle(request, response, callback);
        }
        TenantId tenant;
        try {
            tenant = RequestCaller.authenticateEarly(request, authenticator).caller().tenant();
        } catch (RuntimeException refusedByTheRoutes) {
            return super.handle(request, response, callback);
        }
        long declared = Math.max(length, 0);
        if (budget.reserve(tenant, declared)) {
            new Intake(request, response, callback, tenant, declared, chunked).read(false);
        } else if (request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString())) {
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, budgetFull);
        } else {
            new Intake(request, response, callback, tenant, 0, chunked).dropping().read(false);
        }
        return true;
    }

    /**
     * One body being read: its bytes so far, what it holds of the budget, and its deadline. A body that does not fit
     * the budget is dropped as it arrives instead, and answered 503 once whole.
     */
    private final class Intake implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final TenantId tenant;
        private final boolean chunked;
        private final long startNanos = NanoTime.now();
        private long reserved;
        /** Null while the body is dropped. */
        private byte[] body;
        private int received;

        Intake(Request request, Response response, Callback callback, TenantId tenant, long declared,
               boolean chunked) {
            this.request = request;
            this.response = response;
            this.callback = Callback.from(callback, () -> budget.release(tenant, reserved));
            this.tenant = tenant;
            this.chunked = chunked;
            this.reserved = declared;
            this.body = new byte[chunked ? (int) Math.min(FIRST_CHUNKED_CAPACITY, maxBodyBytes) : (int) declared];
        }

        /** From now on the body is read and dropped, and what it held of the budget is given back. */
        private Intake dropping() {
            budget.release(tenant, reserved);
            reserved = 0;
            body = null;
            return this;
        }

        /** Called again by Jetty when more of the body has arrived, on whichever thread received it. */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean demanded) {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    long left = deadlineNanos() - NanoTime.now();
                    if (left <= 0) {
                        end(demanded, () -> refuse(HttpStatus.REQUEST_TIMEOUT_408, tooSlow()));
                        return;
                    }
                    // Lowered so that a client sending nothing more is cut off at the deadline, not after idling.
                    endPoint().setIdleTimeout(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, idleTimeout()));
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    end(demanded, () -> failed(failure));
                    return;
                }
                Runnable refusal = take(chunk);
                chunk.release();
                if (refusal != null) {
                    end(demanded, refusal);
                    return;
                }
                if (chunk.isLast()) {
                    end(demanded, body == null
                            ? () -> refuse(HttpStatus.SERVICE_UNAVAILABLE_503, budgetFull) : this::handOn);
                    return;
                }
            }
        }

        /**
         * Copies the chunk's bytes, or drops them once the budget is out; a refusal when they pass the largest body.
         */
        private Runnable take(Content.Chunk chunk) {
            int size = chunk.remaining();
            if (received + (long) size > maxBodyBytes) {
                return () -> refuse(HttpStatus.PAYLOAD_TOO_LARGE_413, null);
            }
            if (chunked && body != null && !budget.reserve(tenant, size)) {
                dropping();
            }
            if (body == null) {
                received += size;
                return null;
            }
            if (chunked) {
                reserved += size;
                if (received + size > body.length) {
                    body = Arrays.copyOf(body, (int) Math.min(maxBodyBytes, Math.max(received + size,
                            2L * body.length)));
                }
            }
            chunk.getByteBuffer().get(body, received, size);
            received += size;
            return null;
        }

        /** Runs what ends the intake on a thread of the server's pool when Jetty called back, as it may not block. */
        private void end(boolean demanded, Runnable ending) {
            endPoint().setIdleTimeout(idleTimeout());
            if (demanded) {
                request.getContext().execute(ending);
            } else {
                ending.run();
            }
        }

        private void handOn() {
            request.setAttribute(BODY, body.length == received ? body : Arrays.copyOf(body, received));
            try {
                if (!getHandler().handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                Response.writeError(request, response, callback, failure);
            }
        }

        /**
         * The idle timeout fired (408), Jetty refused the framing, such as a chunk size that is not hexadecimal (its
         * status, 400), or the client went away, which Jetty notes at debug level only.
         */
        private void failed(Throwable failure) {
            if (failure instanceof TimeoutException) {
                refuse(HttpStatus.REQUEST_TIMEOUT_408, tooSlow());
            } else if (failure instanceof HttpException refused) {
                refuse(refused.getCode(), refused.getReason());
            } else {
                callback.failed(failure);
            }
        }

        private void refuse(int status, String message) {
            Response.writeError(request, response, callback, status, message);
        }

        private String tooSlow() {
            return "the client stopped sending the request body, or sent it slower than the server waits for: "
                    + TimeUnit.NANOSECONDS.toSeconds(bodyTimeoutNanos) + " seconds, plus one per "
                    + minBytesPerSecond + " bytes received";
        }

        private long deadlineNanos() {
            return startNanos + bodyTimeoutNanos + received * NANOS_PER_SECOND / minBytesPerSecond;
        }

        private EndPoint endPoint() {
            return request.getConnectionMetaData().getConnection().getEndPoint();
        }

        private long idleTimeout() {
            return request.getConnectionMetaData().getConnector().getIdleTimeout();
        }
    }
}
