package dev.devicescripts.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.devicescripts.adapter.http.GraphHttpServer;
import dev.devicescripts.adapter.http.server.ServerMetrics;
import dev.devicescripts.application.port.in.SeedResult;
import dev.devicescripts.application.service.SeedService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running devicescripts: its HTTP server, the store behind it, the deletion of expired audit entries and its
 * metrics, started and stopped together.
 */
public final class DeviceScriptsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceScriptsServer.class);
    private final GraphHttpServer http;
    private final Storage storage;
    private final AuditRetention retention;
    private final ServerMetrics metrics;

    private DeviceScriptsServer(GraphHttpServer http, Storage storage, AuditRetention retention,
                                ServerMetrics metrics) {
        this.http = http;
        this.storage = storage;
        this.retention = retention;
        this.metrics = metrics;
    }

    /**
     * Opens (and migrates) the store, loads the seed document if there is one, then starts serving; nothing is left
     * open when any of them fails.
     */
    public static DeviceScriptsServer start(Configuration configuration) {
        Injector injector = Guice.createInjector(new DeviceScriptsModule(configuration));
        ServerMetrics metrics = injector.getInstance(ServerMetrics.class);
        Storage storage;
        try {
            storage = injector.getInstance(Storage.class);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        try {
            configuration.seed().ifPresent(seed -> {
                SeedResult result = SeedFile.load(injector.getInstance(SeedService.class), seed);
                LOG.info("Seeded {}: {} created, {} updated, {} unchanged", seed.file(), result.created(),
                        result.updated(), result.unchanged());
            });
            AuditRetention retention = injector.getInstance(AuditRetention.class);
            GraphHttpServer http = injector.getInstance(GraphHttpServer.class).start();
            return new DeviceScriptsServer(http, storage, retention.start(), metrics);
        } catch (RuntimeException e) {
            closeQuietly(storage, e);
            metrics.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    /** Where it serves, as bound: {@code http://localhost:8080}. */
    public String url() {
        return http.url();
    }

    /** Why the store can never work again in this process, or empty while it can (see StorageStatus#broken). */
    public Optional<String> broken() {
        return storage.status().broken();
    }

    /** Stops taking requests, lets those in flight finish, stops retention, then closes the store and the metrics. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            try {
                retention.close();
                closeQuietly(storage, null);
            } finally {
                metrics.close();
            }
        }
    }

    private static void closeQuietly(Storage storage, RuntimeException cause) {
        try {
            storage.close();
        } catch (Exception e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                throw new IllegalStateException("Could not close the store", e);
            }
        }
    }
}
