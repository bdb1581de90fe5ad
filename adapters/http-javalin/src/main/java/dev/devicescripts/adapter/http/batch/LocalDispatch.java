package dev.devicescripts.adapter.http.batch;

import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.LinkBase;
import io.javalin.http.Context;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends the requests of a batch through this server's own Jetty handlers, in memory, so that each is authenticated,
 * authorised, validated and answered exactly as if a client had sent it alone. Jetty's {@link LocalConnector} takes
 * raw HTTP/1.1 from a buffer instead of a socket, so no port is opened and no other process can reach it (see
 * docs/adr/0004-batch-through-local-connector.md).
 *
 * <p>The connector has threads of its own: a batch holds a server thread while it waits for its requests, and if
 * these needed server threads too, enough concurrent batches would wait forever for each other. They never wait on
 * anything themselves, since a batch is refused inside a batch, so their pool always drains.
 */
public final class LocalDispatch {
    /** Longer than any request takes; only a stopping server leaves a request unanswered. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_THREADS = 32;
    /** Set on each request of a batch: the address of the batch's client, which the request comes from. */
    static final String CLIENT_ADDRESS_HEADER = "X-Devicescripts-Batch-Client-Address";

    private volatile LocalConnector connector;

    /**
     * Adds the in-memory connector as the server starts, after Javalin has made its public one: Javalin adds its
     * default connector only to a server without connectors, and reads the bound port from the first.
     */
    public void attachTo(Server server) {
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                // The public connector's settings (header sizes, URI rules). Not its trust in a proxy's headers:
                // those of a batch's requests are its client's, and their links are the batch's.
                HttpConfiguration http = new HttpConfiguration(server.getConnectors()[0]
                        .getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration());
                http.getCustomizers().removeIf(ForwardedRequestCustomizer.class::isInstance);
                http.addCustomizer(LocalDispatch::fromBatchClient);
                QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS);
                threads.setName("graph-batch");
                connector = new LocalConnector(server, threads, null, null, 1, new HttpConnectionFactory(http));
                server.addConnector(connector);
            }
        });
    }

    /** Whether this request came from a batch rather than from a client. */
    public boolean isDispatched(Request request) {
        return request.getConnectionMetaData().getConnector() == connector;
    }

    public boolean isDispatched(Context ctx) {
        return isDispatched(ServletContextRequest.getServletContextRequest(ctx.req()));
    }

    /**
     * Sends one request and waits for its whole response.
     *
     * @param headers  every header but the framing ones (Content-Length, Connection), which this sets
     * @param linkBase      the base of the batch's own links, so that those in the response (Location, nextLink)
     *                      match
     * @param clientAddress where the batch came from, which the request is seen to come from too
     * @param body          null for none
     */
    HttpTester.Response send(String method, String pathAndQuery, Map<String, String> headers, String linkBase,
                             String clientAddress, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(LinkBase.BATCH_HEADER, linkBase);
        all.put(CLIENT_ADDRESS_HEADER, clientAddress);
        ByteBuffer response;
        try {
            response = connector.getResponse(request(method, pathAndQuery, all, body), TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dispatching " + method + " " + pathAndQuery, e);
        } catch (Exception e) {
            throw new IllegalStateException("Dispatching " + method + " " + pathAndQuery + " in memory failed", e);
        }
        if (response == null) {
            throw GraphRequestException.serviceUnavailable("The request " + method + " " + pathAndQuery
                    + " of the batch got no answer; the service may be stopping. Retry later.");
        }
        return HttpTester.parseResponse(response);
    }

    /**
     * The request as coming from the batch's client, whose address the batch names: so the audit logs, which record
     * where each change came from, see a batch's requests as the batch. Only the batch sets the header here (it drops
     * the one a client writes in a request), and no client reaches this connector.
     */
    private static Request fromBatchClient(Request request, HttpFields.Mutable responseHeaders) {
        String address = request.getHeaders().get(CLIENT_ADDRESS_HEADER);
        if (address == null) {
            return request;
        }
        SocketAddress client = InetSocketAddress.createUnresolved(address, 0);
        ConnectionMetaData connection = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return client;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return connection;
            }
        };
    }

    /**
     * The request in HTTP/1.1, written here rather than by HttpTester, which refuses, as an exception, what the server
     * answers a client with a status: a URL longer than its buffer (414), an escape such as %00 that Jetty's URI rules
     * reject (400). So each is answered as it would be alone. Nothing here can end a line early: BatchRequests allows
     * no CR or LF in a method or header, BatchUrls encodes every character a URL may not hold.
     */
    private static ByteBuffer request(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate(headBytes.length + (body == null ? 0 : body.length)).put(headBytes);
        if (body != null) {
            request.put(body);
        }
        return request.flip();
    }
}
