package dev.devicescripts.bootstrap;

import com.google.inject.ProvisionException;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar devicescripts.jar [options]}: parses the configuration and serves until SIGTERM. */
public final class Main {
    static final int EXIT_USAGE = 2;
    static final int EXIT_START_FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(Configuration.usage());
            return;
        }
        Configuration configuration;
        try {
            configuration = Configuration.parse(arguments, System.getenv());
        } catch (UsageException e) {
            System.err.println("devicescripts: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(EXIT_USAGE);
            return;
        }
        DeviceScriptsServer server;
        try {
            server = DeviceScriptsServer.start(configuration);
        } catch (RuntimeException e) {
            LOG.error("devicescripts could not start: {}", reason(e), e);
            System.exit(EXIT_START_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "devicescripts-shutdown"));
        LOG.info("devicescripts serving on http://{}:{}/beta ({})", displayHost(configuration.host()), server.port(),
                storageDescription(configuration));
    }

    /** A wildcard address is where the server listens, not an address to browse to. */
    private static String displayHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    }

    private static String storageDescription(Configuration configuration) {
        if (configuration.persistence() == Configuration.Persistence.MEMORY) {
            return "in memory: data is lost at exit";
        }
        return configuration.dbUrl()
                .map(url -> "database " + url)
                .orElseGet(() -> "data in " + configuration.dataDirectory().toAbsolutePath().normalize());
    }

    /**
     * Runs on SIGTERM (and SIGINT): finishes the requests in flight, closes the store, and exits 0, since a requested
     * stop that went well is a success, not the 143 the JVM would report.
     */
    private static void stop(DeviceScriptsServer server) {
        LOG.info("devicescripts stopping: finishing requests in flight");
        try {
            server.close();
            LOG.info("devicescripts stopped");
        } catch (RuntimeException e) {
            LOG.error("devicescripts did not stop cleanly", e);
            Runtime.getRuntime().halt(EXIT_START_FAILED);
        }
        Runtime.getRuntime().halt(0);
    }

    /** The message a person can act on, not Guice's wrapping of it. */
    private static String reason(Throwable e) {
        Throwable cause = e instanceof ProvisionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
