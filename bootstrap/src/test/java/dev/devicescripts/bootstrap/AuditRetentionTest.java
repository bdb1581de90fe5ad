package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.persistence.jdbc.JdbcSettings;
import dev.devicescripts.adapter.persistence.jdbc.JdbcStore;
import dev.devicescripts.adapter.persistence.memory.InMemoryStore;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.collections.AuditEventCollection;
import dev.devicescripts.application.port.out.AuditLogRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.service.ScriptService;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention deletes the entries older than its period and keeps the others, batch after batch, in memory and in the
 * embedded database. Scripts are created through the use case, which stamps each entry with the test's clock, so that
 * no test waits for time to pass.
 */
class AuditRetentionTest {
    private static final TenantId TENANT = TenantId.of("7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5");
    private static final Caller WRITER = new Caller(TENANT, Actor.Kind.DELEGATED,
            Set.of("DeviceManagementScripts.ReadWrite.All"));
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration A_YEAR = Duration.ofDays(365);

    enum Store { MEMORY, H2 }

    private final AtomicReference<Instant> clock = new AtomicReference<>(START);
    @TempDir
    Path dataDirectory;
    private AuditLogRepository auditLog;
    private AutoCloseable opened = () -> { };

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void anEntryOlderThanTheRetentionPeriodGoesAndAYoungerOneStays(Store store) {
        ScriptService scripts = open(store);
        scripts.create(WRITER, properties("old"));
        clock.set(START.plus(Duration.ofDays(300)));
        String fresh = scripts.create(WRITER, properties("fresh")).id().toString();
        clock.set(START.plus(A_YEAR).plusSeconds(1));

        assertThat(retention().deleteExpired()).isEqualTo(1);

        assertThat(resourceIds()).containsExactly(fresh);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aRoundDeletesBatchAfterBatchUntilOneComesBackShort(Store store) {
        ScriptService scripts = open(store);
        int expired = 2 * AuditRetention.BATCH + 1;
        for (int i = 0; i < expired; i++) {
            scripts.create(WRITER, properties("old " + i));
        }
        clock.set(START.plus(A_YEAR));
        String fresh = scripts.create(WRITER, properties("fresh")).id().toString();
        clock.set(START.plus(A_YEAR).plusSeconds(1));

        assertThat(retention().deleteExpired()).isEqualTo(expired);

        assertThat(resourceIds()).containsExactly(fresh);
    }

    /** Opens the store and answers the use case that writes scripts into it, with the test's clock. */
    private ScriptService open(Store store) {
        ScriptRepository scripts;
        if (store == Store.MEMORY) {
            InMemoryStore memory = new InMemoryStore();
            scripts = memory;
            auditLog = memory.auditLog();
        } else {
            JdbcStore database = JdbcStore.open(JdbcSettings.embedded(dataDirectory, "sa", "", 2));
            opened = database;
            scripts = database.scripts();
            auditLog = database.auditLogs();
        }
        return new ScriptService(scripts, clock::get, () -> new ScriptId(UUID.randomUUID()));
    }

    private AuditRetention retention() {
        return new AuditRetention(auditLog, clock::get, A_YEAR);
    }

    private static ScriptProperties properties(String displayName) {
        return new ScriptProperties(displayName, null, null, null, RunAsAccount.SYSTEM, false, false, List.of());
    }

    /** The scripts the tenant's Intune log still names. */
    private List<String> resourceIds() {
        return auditLog.auditEvents(TENANT, Query.firstPage(AuditEventCollection.AUDIT_EVENTS, 999)).items().stream()
                .map(event -> event.resources().get(0).resourceId())
                .toList();
    }
}
