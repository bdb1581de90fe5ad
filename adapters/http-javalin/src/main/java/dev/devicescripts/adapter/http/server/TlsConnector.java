package dev.devicescripts.adapter.http.server;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The connector of a server that speaks HTTPS: TLS 1.2 or 1.3, then HTTP/1.1. */
public final class TlsConnector {
    private TlsConnector() {
    }

    /** @throws IllegalArgumentException naming the file, when a PEM file cannot be served from */
    public static ServerConnector create(Server server, HttpConnectionFactory http, TlsFiles files) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(PemTls.keyStore(files));
        tls.setKeyStorePassword(PemTls.KEY_STORE_PASSWORD);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // Marks requests secure, so the URLs the server writes (Location, nextLink) say https.
        http.getHttpConfiguration().addCustomizer(new SecureRequestCustomizer());
        return new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), http);
    }
}
