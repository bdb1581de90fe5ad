package dev.devicescripts.adapter.http.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;

/**
 * HTTP/1.1 connections whose clients must send a request's line and headers within a deadline from its first byte,
 * else are answered 408 and let go. Jetty's idle timeout alone never cuts off a client that sends its headers a byte
 * at a time, since each byte restarts it; so while a head is incomplete, the idle timeout is lowered to the time left.
 */
public final class HeaderDeadlineConnectionFactory extends HttpConnectionFactory {
    private final long headerTimeoutNanos;

    public HeaderDeadlineConnectionFactory(HttpConfiguration http, Duration headerTimeout) {
        super(http);
        this.headerTimeoutNanos = headerTimeout.toNanos();
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HeaderDeadlineConnection connection = new HeaderDeadlineConnection(getHttpConfiguration(), connector,
                endPoint, headerTimeoutNanos);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class HeaderDeadlineConnection extends HttpConnection {
        private final long headerTimeoutNanos;
        /** Set by the parent's constructor through newRequestHandler, hence not final. */
        private RequestHandler heads;
        /**
         * Once answered 408, the connection reads no more: it closes when the answer is written. The idle timeout
         * and a late byte may both find the deadline passed, on two threads; only one answers.
         */
        private final AtomicBoolean refused = new AtomicBoolean();

        HeaderDeadlineConnection(HttpConfiguration http, Connector connector, EndPoint endPoint,
                                 long headerTimeoutNanos) {
            super(http, connector, endPoint);
            this.headerTimeoutNanos = headerTimeoutNanos;
        }

        @Override
        protected RequestHandler newRequestHandler() {
            heads = new RequestHandler() {
                @Override
                public boolean headerComplete() {
                    // The head is whole: the connector's idle timeout again, which the body's deadline may lower.
                    getEndPoint().setIdleTimeout(getConnector().getIdleTimeout());
                    return super.headerComplete();
                }
            };
            return heads;
        }

        /** After each read of bytes while a head is incomplete, the idle timeout fires no later than its deadline. */
        @Override
        public void onFillable() {
            if (refused.get()) {
                return;
            }
            super.onFillable();
            if (isHeadIncomplete()) {
                long left = headerTimeoutNanos - NanoTime.since(getParser().getBeginNanoTime());
                if (left <= 0) {
                    refuseSlowHead();
                } else {
                    getEndPoint().setIdleTimeout(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1,
                            getConnector().getIdleTimeout()));
                }
            }
        }

        @Override
        public boolean onIdleExpired(TimeoutException timeout) {
            if (!refused.get() && isHeadIncomplete()) {
                refuseSlowHead();
                return false; // the 408 closes the connection once written
            }
            return super.onIdleExpired(timeout);
        }

        private boolean isHeadIncomplete() {
            HttpParser parser = getParser();
            return !parser.isStart() && parser.inHeaderState();
        }

        /** As Jetty refuses a malformed head: the server's error handler answers, and the connection closes. */
        private void refuseSlowHead() {
            if (refused.compareAndSet(false, true)) {
                getEndPoint().setIdleTimeout(getConnector().getIdleTimeout()); // time to write the answer
                heads.badMessage(new BadMessageException(408, "the request line and headers did not arrive within "
                        + TimeUnit.NANOSECONDS.toSeconds(headerTimeoutNanos) + " seconds of their first byte"));
            }
        }
    }
}
