package dev.devicescripts.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.devicescripts.adapter.http.GraphHttpServer;
import dev.devicescripts.adapter.http.GraphUseCases;
import dev.devicescripts.adapter.http.HttpSettings;
import dev.devicescripts.adapter.http.admin.AdminEndpoints;
import dev.devicescripts.adapter.http.audit.AuditLogEndpoints;
import dev.devicescripts.adapter.http.auth.Authenticator;
import dev.devicescripts.adapter.http.auth.Authenticators;
import dev.devicescripts.adapter.http.auth.LocalSigningKey;
import dev.devicescripts.adapter.http.auth.TokenRules;
import dev.devicescripts.adapter.http.directory.DirectoryEndpoints;
import dev.devicescripts.adapter.http.directory.DirectoryUseCases;
import dev.devicescripts.adapter.http.filter.AssignmentFilterEndpoints;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.managed.ManagedDeviceEndpoints;
import dev.devicescripts.adapter.http.managed.ManagedDeviceUseCases;
import dev.devicescripts.adapter.http.script.RunStateEndpoints;
import dev.devicescripts.adapter.http.server.ServerMetrics;
import dev.devicescripts.adapter.http.targeting.TargetingEndpoints;
import dev.devicescripts.adapter.persistence.jdbc.JdbcSettings;
import dev.devicescripts.adapter.persistence.jdbc.JdbcStore;
import dev.devicescripts.adapter.persistence.memory.InMemoryStore;
import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.AuditLogRepository;
import dev.devicescripts.application.port.out.DirectoryIdGenerator;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.IdGenerator;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.port.out.StorageStatus;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.service.AssignmentFilterService;
import dev.devicescripts.application.service.AssignmentService;
import dev.devicescripts.application.service.AuditLogService;
import dev.devicescripts.application.service.DeviceService;
import dev.devicescripts.application.service.GroupService;
import dev.devicescripts.application.service.HealthService;
import dev.devicescripts.application.service.ManagedDeviceService;
import dev.devicescripts.application.service.RunStateService;
import dev.devicescripts.application.service.ScriptService;
import dev.devicescripts.application.service.SeedService;
import dev.devicescripts.application.service.TargetingService;
import dev.devicescripts.application.service.UserService;
import dev.devicescripts.domain.ScriptId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Builds the application from its configuration: one {@code @Provides} method per part, no annotations elsewhere. */
final class DeviceScriptsModule extends AbstractModule {
    /** Enough connections for the request threads on a small machine; assigns hold one only briefly. */
    private static final int POOL_SIZE = 10;
    /** H2 creates its file database with this administrator. */
    private static final String H2_USER = "sa";

    private final Configuration configuration;

    DeviceScriptsModule(Configuration configuration) {
        this.configuration = configuration;
    }

    /** Shown by GET /metrics; the connection pool reports to it too. */
    @Provides
    @Singleton
    ServerMetrics serverMetrics() {
        return new ServerMetrics();
    }

    @Provides
    @Singleton
    Storage storage(ServerMetrics metrics) {
        if (configuration.persistence() == Configuration.Persistence.MEMORY) {
            InMemoryStore store = new InMemoryStore();
            return new Storage(store, store, store.directory(), store.auditLog(), store, () -> { });
        }
        JdbcStore database = JdbcStore.open(configuration.database()
                .map(DeviceScriptsModule::jdbcSettings)
                .orElseGet(() -> JdbcSettings.embedded(DataFolder.prepare(configuration.dataDirectory()),
                        H2_USER, "", POOL_SIZE)));
        database.recordPoolMetrics(new MicrometerMetricsTrackerFactory(metrics.registry()));
        return new Storage(database.scripts(), database.assignmentSets(), database.directory(), database.auditLogs(),
                database.status(), database);
    }

    /** An H2 database given by URL logs in as the embedded file's administrator unless told otherwise. */
    private static JdbcSettings jdbcSettings(Configuration.Database database) {
        boolean h2 = database.url().startsWith("jdbc:h2:");
        return new JdbcSettings(database.url(), database.user().orElse(h2 ? H2_USER : null),
                database.password().orElse(h2 ? "" : null), POOL_SIZE);
    }

    @Provides
    ScriptRepository scriptRepository(Storage storage) {
        return storage.scripts();
    }

    @Provides
    AssignmentSetRepository assignmentSetRepository(Storage storage) {
        return storage.assignmentSets();
    }

    @Provides
    DirectoryRepository directoryRepository(Storage storage) {
        return storage.directory();
    }

    @Provides
    AuditLogRepository auditLogRepository(Storage storage) {
        return storage.auditLog();
    }

    @Provides
    StorageStatus storageStatus(Storage storage) {
        return storage.status();
    }

    /** Started by the server once it serves, stopped before the store closes. */
    @Provides
    @Singleton
    AuditRetention auditRetention(AuditLogRepository auditLog, TimeSource time) {
        return new AuditRetention(auditLog, time, configuration.auditRetention());
    }

    @Provides
    TimeSource timeSource() {
        return Instant::now;
    }

    @Provides
    IdGenerator idGenerator() {
        return () -> new ScriptId(UUID.randomUUID());
    }

    @Provides
    @Singleton
    ScriptService scriptService(ScriptRepository scripts, TimeSource time, IdGenerator ids) {
        return new ScriptService(scripts, time, ids);
    }

    @Provides
    @Singleton
    AssignmentService assignmentService(AssignmentSetRepository assignmentSets, TimeSource time) {
        return new AssignmentService(assignmentSets, configuration.maxTargets(), time);
    }

    @Provides
    @Singleton
    HealthService healthService(StorageStatus status) {
        return new HealthService(status);
    }

    @Provides
    DirectoryIdGenerator directoryIdGenerator() {
        return UUID::randomUUID;
    }

    @Provides
    @Singleton
    DirectoryUseCases directoryUseCases(DirectoryRepository directory, TimeSource time, DirectoryIdGenerator ids) {
        return new DirectoryUseCases(new GroupService(directory, time, ids), new UserService(directory, time, ids),
                new DeviceService(directory, time, ids));
    }

    @Provides
    GraphUseCases graphUseCases(ScriptService scripts, AssignmentService assignments, HealthService health) {
        return new GraphUseCases(scripts, scripts, scripts, scripts, scripts, assignments, assignments, health);
    }

    @Provides
    @Singleton
    ManagedDeviceService managedDeviceService(DirectoryRepository directory) {
        return new ManagedDeviceService(directory);
    }

    @Provides
    @Singleton
    SeedService seedService(DirectoryRepository directory, TimeSource time) {
        return new SeedService(directory, time);
    }

    @Provides
    @Singleton
    AssignmentFilterService assignmentFilterService(DirectoryRepository directory,
                                                    AssignmentSetRepository assignmentSets, ScriptRepository scripts,
                                                    TimeSource time, DirectoryIdGenerator ids) {
        return new AssignmentFilterService(directory, assignmentSets, scripts, time, ids);
    }

    @Provides
    @Singleton
    TargetingService targetingService(ScriptRepository scripts, AssignmentSetRepository assignmentSets,
                                      DirectoryRepository directory) {
        return new TargetingService(scripts, assignmentSets, directory);
    }

    /** The resources served beside the scripts. */
    @Provides
    List<GraphResource.Factory> resources(DirectoryUseCases directoryUseCases, ManagedDeviceService devices,
                                          ScriptRepository scripts, DirectoryRepository directory, SeedService seed,
                                          AssignmentFilterService filters, TargetingService targeting,
                                          AuditLogRepository auditLog) {
        List<GraphResource.Factory> resources = new ArrayList<>(DirectoryEndpoints.factories(directoryUseCases));
        resources.add(ManagedDeviceEndpoints.factory(new ManagedDeviceUseCases(devices, devices, devices, devices)));
        resources.add(RunStateEndpoints.factory(new RunStateService(scripts, directory)));
        resources.add(AdminEndpoints.factory(seed, seed));
        resources.add(AssignmentFilterEndpoints.factory(filters));
        resources.add(TargetingEndpoints.factory(targeting));
        resources.add(AuditLogEndpoints.factory(new AuditLogService(auditLog)));
        return resources;
    }

    @Provides
    @Singleton
    Authenticator authenticator() {
        Configuration.Authentication authentication = configuration.authentication();
        TokenRules local = TokenRules.local();
        TokenRules external = new TokenRules(authentication.issuer().orElse(null),
                authentication.audiences().isEmpty()
                        ? local.audiences()
                        : new LinkedHashSet<>(authentication.audiences()),
                local.clockSkew());
        if (authentication.mode() == Configuration.AuthMode.UNVERIFIED_SIGNATURES) {
            return Authenticators.unverifiedSignatures(external);
        }
        if (authentication.jwksFile().isPresent()) {
            return Authenticators.jwksFile(authentication.jwksFile().get(), external);
        }
        if (authentication.jwksUrl().isPresent()) {
            return Authenticators.jwksUrl(authentication.jwksUrl().get(), external);
        }
        LocalSigningKey key = LocalSigningKey.loadOrCreate(DataFolder.prepare(configuration.dataDirectory()));
        return Authenticators.localKey(key, local);
    }

    @Provides
    @Singleton
    GraphHttpServer graphHttpServer(GraphUseCases useCases, Authenticator authenticator, ServerMetrics metrics,
                                    List<GraphResource.Factory> resources) {
        return new GraphHttpServer(useCases, new HttpSettings(configuration.host(), configuration.port(),
                configuration.maxBodyBytes(), configuration.pageSize(), configuration.tls(), configuration.throttle(),
                configuration.requestLimits(), configuration.publicUrl()),
                authenticator, metrics, resources);
    }
}
