package dev.devicescripts.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.devicescripts.adapter.http.GraphHttpServer;

/** A running devicescripts: its HTTP server and the store behind it, started and stopped together. */
public final class DeviceScriptsServer implements AutoCloseable {
    private final GraphHttpServer http;
    private final Storage storage;

    private DeviceScriptsServer(GraphHttpServer http, Storage storage) {
        this.http = http;
        this.storage = storage;
    }

    /** Opens (and migrates) the store, then starts serving; nothing is left open when either fails. */
    public static DeviceScriptsServer start(Configuration configuration) {
        Injector injector = Guice.createInjector(new DeviceScriptsModule(configuration));
        Storage storage = injector.getInstance(Storage.class);
        try {
            return new DeviceScriptsServer(injector.getInstance(GraphHttpServer.class).start(), storage);
        } catch (RuntimeException e) {
            closeQuietly(storage, e);
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    /** Stops taking requests, lets those in flight finish, then closes the store. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            closeQuietly(storage, null);
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
