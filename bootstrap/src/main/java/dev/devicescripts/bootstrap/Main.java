package dev.devicescripts.bootstrap;

import com.google.inject.ProvisionException;
import dev.devicescripts.adapter.http.graph.PublicUrl;
import dev.devicescripts.adapter.persistence.jdbc.JdbcSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar devicescripts.jar [options]}: parses the configuration and serves until SIGTERM. */
public final class Main {
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;
    /** How often the process looks whether its store broke for good, beside the failures that say so at once. */
    private static final Duration STORE_CHECK_INTERVAL = Duration.ofSeconds(1);

    static {
        // Java keeps, for each thread, a temporary direct buffer as large as the largest read or write from a heap
        // buffer the thread made. H2 reads and writes its file from the threads that use it, and a commit of a group
        // of large assigns is megabytes, so such buffers together could outgrow direct memory (as large as the heap
        // by default), after which H2 closes the database. Larger temporary buffers are freed after each use instead.
        if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
            System.setProperty("jdk.nio.maxCachedBufferSize", String.valueOf(1 << 20));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(Configuration.usage());
            return;
        }
        if (!arguments.isEmpty() && arguments.get(0).equals(TokenCommand.NAME)) {
            printToken(arguments.subList(1, arguments.size()));
            return;
        }
        if (!arguments.isEmpty() && arguments.get(0).equals(SeedCommand.NAME)) {
            seed(arguments.subList(1, arguments.size()));
            return;
        }
        Configuration configuration;
        try {
            configuration = Configuration.parse(arguments, System.getenv());
        } catch (UsageException e) {
            exitWithUsageError(e);
            return;
        }
        Logs.apply(configuration.logging());
        if (configuration.authentication().mode() == Configuration.AuthMode.UNVERIFIED_SIGNATURES) {
            // At ERROR, the level that no --log-level hides: this mode must be seen, whatever the level.
            LOG.error("*** --auth unverified-signatures: token SIGNATURES ARE NOT CHECKED. Anyone who can reach {} can "
                    + "act as any tenant with any permission. Use it only to point code holding real Microsoft Graph "
                    + "tokens at this local server. ***", configuration.host());
        }
        DeviceScriptsServer server;
        try {
            server = DeviceScriptsServer.start(configuration);
        } catch (RuntimeException e) {
            LOG.error("devicescripts could not start: {}", reason(e), e);
            System.exit(EXIT_FAILURE);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, 0), "devicescripts-shutdown"));
        exitWhenTheStoreBreaks(server);
        LOG.info("devicescripts serving on {}/beta ({}){}", server.url(), storageDescription(configuration),
                linkDescription(configuration.publicUrl()));
    }

    /** Links point where the server serves unless the operator said otherwise. */
    private static String linkDescription(PublicUrl publicUrl) {
        String base = publicUrl.url().map(url -> ", links to " + url).orElse("");
        return publicUrl.trustForwardedHeaders() ? base + ", or where a proxy's Forwarded headers say" : base;
    }

    private static String storageDescription(Configuration configuration) {
        if (configuration.persistence() == Configuration.Persistence.MEMORY) {
            return "in memory: data is lost at exit";
        }
        return configuration.database()
                .map(database -> "database " + JdbcSettings.redacted(database.url()))
                .orElseGet(() -> "data in " + configuration.dataDirectory().toAbsolutePath().normalize());
    }

    /** The token alone on stdout, so that scripts can capture it: {@code token=$(java -jar ... token ...)}. */
    private static void printToken(List<String> arguments) {
        try {
            System.out.println(TokenCommand.mint(arguments, System.getenv()));
        } catch (UsageException e) {
            exitWithUsageError(e);
        } catch (RuntimeException e) {
            System.err.println("devicescripts: could not mint a token: " + e.getMessage());
            System.exit(EXIT_FAILURE);
        }
    }

    /** What the seed did on stdout; a refused document's reason on stderr, and exit status 1. */
    private static void seed(List<String> arguments) {
        try {
            System.out.println(SeedCommand.load(arguments, System.getenv()));
        } catch (UsageException e) {
            exitWithUsageError(e);
        } catch (RuntimeException e) {
            System.err.println("devicescripts: could not seed: " + reason(e));
            System.exit(EXIT_FAILURE);
        }
    }

    private static void exitWithUsageError(UsageException e) {
        System.err.println("devicescripts: " + e.getMessage());
        System.err.println("Run with --help for the options.");
        System.exit(EXIT_USAGE);
    }

    /**
     * Crash-only: once the store is broken for good (see StorageStatus#broken), the process stops as on SIGTERM and
     * exits 1 with the cause in the log, so that whatever supervises it starts it again, and the start replays the
     * journal. Going on would only answer every request 503 until someone noticed, and a restart is the one cure; an
     * exit reaches every supervisor, where /healthz (503 meanwhile) reaches only one that probes it.
     */
    private static void exitWhenTheStoreBreaks(DeviceScriptsServer server) {
        Thread watch = new Thread(() -> {
            Optional<String> cause = server.broken();
            while (cause.isEmpty()) {
                try {
                    Thread.sleep(STORE_CHECK_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                cause = server.broken();
            }
            LOG.error("devicescripts exits with status {} to be started again: its store is broken: {}", EXIT_FAILURE,
                    cause.get());
            stop(server, EXIT_FAILURE);
        }, "devicescripts-store-watch");
        // Not a daemon: once the server's threads stop, the JVM would otherwise run the SIGTERM hook and exit 0.
        watch.start();
    }

    /**
     * Finishes the requests in flight, closes the store, writes out the log, and exits with {@code status}. On SIGTERM
     * (and SIGINT) that is 0, since a requested stop that went well is a success, not the 143 the JVM would report.
     */
    private static void stop(DeviceScriptsServer server, int status) {
        LOG.info("devicescripts stopping: finishing requests in flight");
        int exitStatus = status;
        try {
            server.close();
            LOG.info("devicescripts stopped");
        } catch (RuntimeException e) {
            LOG.error("devicescripts did not stop cleanly", e);
            exitStatus = EXIT_FAILURE;
        }
        Logs.flush();
        Runtime.getRuntime().halt(exitStatus);
    }

    /** The message a person can act on, not Guice's wrapping of it. */
    private static String reason(Throwable e) {
        Throwable cause = e instanceof ProvisionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
