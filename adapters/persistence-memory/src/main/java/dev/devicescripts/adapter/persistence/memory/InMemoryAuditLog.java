package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.out.AuditLogRepository;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Pages;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.DirectoryAudit;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Each tenant's two audit logs in memory. The stores add an entry in the same step as its change (the script's
 * per-key step, the directory's commit); readers page through the logs as they are, without copying them.
 */
public final class InMemoryAuditLog implements AuditLogRepository {

    /** One tenant's logs, each entry by its id. */
    private record Logs(ConcurrentMap<UUID, AuditEvent> events, ConcurrentMap<UUID, DirectoryAudit> audits) {
        Logs() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private final ConcurrentMap<TenantId, Logs> tenants = new ConcurrentHashMap<>();

    void add(TenantId tenant, AuditEvent entry) {
        logs(tenant).events().put(entry.id(), entry);
    }

    void add(TenantId tenant, DirectoryAudit entry) {
        logs(tenant).audits().put(entry.id(), entry);
    }

    private Logs logs(TenantId tenant) {
        return tenants.computeIfAbsent(tenant, key -> new Logs());
    }

    @Override
    public Page<AuditEvent> auditEvents(TenantId tenant, Query<AuditEvent> query) {
        return Pages.page(entries(tenant, Logs::events), query);
    }

    @Override
    public long countAuditEvents(TenantId tenant, Optional<Filter<AuditEvent>> filter) {
        return Pages.count(entries(tenant, Logs::events), filter);
    }

    @Override
    public Optional<AuditEvent> auditEvent(TenantId tenant, UUID id) {
        return Optional.ofNullable(tenants.get(tenant)).map(logs -> logs.events().get(id));
    }

    @Override
    public Page<DirectoryAudit> directoryAudits(TenantId tenant, Query<DirectoryAudit> query) {
        return Pages.page(entries(tenant, Logs::audits), query);
    }

    @Override
    public long countDirectoryAudits(TenantId tenant, Optional<Filter<DirectoryAudit>> filter) {
        return Pages.count(entries(tenant, Logs::audits), filter);
    }

    @Override
    public Optional<DirectoryAudit> directoryAudit(TenantId tenant, UUID id) {
        return Optional.ofNullable(tenants.get(tenant)).map(logs -> logs.audits().get(id));
    }

    private <T> Stream<T> entries(TenantId tenant, Function<Logs, Map<UUID, T>> log) {
        return Optional.ofNullable(tenants.get(tenant)).stream().flatMap(logs -> log.apply(logs).values().stream());
    }

    /** Finds the oldest expired entries of every log, then removes them; each removal is atomic on its own. */
    @Override
    public int deleteExpired(Instant cutoff, int limit) {
        record Expired(Map<UUID, ?> log, UUID id, Instant at) {
        }
        Stream<Expired> expired = tenants.values().stream().flatMap(logs -> Stream.concat(
                logs.events().values().stream().map(entry -> new Expired(logs.events(), entry.id(),
                        entry.activityDateTime())),
                logs.audits().values().stream().map(entry -> new Expired(logs.audits(), entry.id(),
                        entry.activityDateTime()))));
        int deleted = 0;
        for (Expired entry : expired.filter(entry -> entry.at().isBefore(cutoff))
                .sorted(Comparator.comparing(Expired::at)).limit(limit).toList()) {
            if (entry.log().remove(entry.id()) != null) {
                deleted++;
            }
        }
        return deleted;
    }
}
