package dev.devicescripts.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.devicescripts.application.port.in.SeedResult;
import dev.devicescripts.application.service.SeedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar devicescripts.jar seed FILE [--tenant GUID] [storage options]}: loads a seed document into the
 * storage a server with the same options uses (the H2 data folder, or --db-url), without serving, so that a tenant
 * is ready before the first start.
 */
final class SeedCommand {
    static final String NAME = "seed";

    private SeedCommand() {
    }

    /** What the seed did, as POST /admin/seed answers it. */
    static String load(List<String> args, Map<String, String> environment) throws UsageException {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new UsageException("seed needs the seed document's file first: seed FILE [--tenant GUID] ...");
        }
        List<String> options = new ArrayList<>(List.of(ServerOption.SEED.flag(), args.get(0)));
        for (String arg : args.subList(1, args.size())) {
            options.add(arg.equals("--tenant") || arg.startsWith("--tenant=")
                    ? arg.replace("--tenant", ServerOption.SEED_TENANT.flag()) : arg);
        }
        Configuration configuration = Configuration.parse(options, environment);
        if (configuration.persistence() == Configuration.Persistence.MEMORY) {
            throw new UsageException("seed loads into a database; with --persistence memory it would be lost at exit.");
        }
        Injector injector = Guice.createInjector(new DeviceScriptsModule(configuration));
        try (Storage storage = injector.getInstance(Storage.class)) {
            SeedResult result =
                    SeedFile.load(injector.getInstance(SeedService.class), configuration.seed().orElseThrow());
            return "{\"created\": " + result.created() + ", \"updated\": " + result.updated() + ", \"unchanged\": "
                    + result.unchanged() + "}";
        } catch (UsageException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not close the store: " + e.getMessage(), e);
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "Seed (java -jar devicescripts.jar seed FILE ...): loads a seed document into the server's storage",
                "without serving; one transaction, nothing applied when the document is refused.",
                "  --tenant GUID                            the tenant to load into (default: the document's tenantId)",
                "  and the server's storage options: --data-dir, --db-url, --db-user, --db-password",
                "");
    }
}
