package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.adapter.persistence.jdbc.SqlTable.SideTable;
import dev.devicescripts.application.collections.AuditEventCollection;
import dev.devicescripts.application.collections.DirectoryAuditCollection;
import dev.devicescripts.application.port.out.AuditLogRepository;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.DirectoryAudit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Both audit logs in audit_event and directory_audit (V19), written by the repositories of the changes they record
 * ({@link AuditRows}); answers read each entry's JSON. Intune's entries of assigns on the embedded database may wait in
 * the assign journal, so reads of them {@link SetWriter#flush} first.
 */
final class JdbcAuditLogRepository implements AuditLogRepository {
    static final SqlCollection<AuditEvent> EVENTS = new SqlCollection<>(
            new SqlTable<>(AuditEventCollection.AUDIT_EVENTS, "audit_event", "e")
                    .sharing(AuditEventCollection.DISPLAY_NAME, AuditEventCollection.ACTIVITY)
                    .sharing(AuditEventCollection.ACTIVITY_TYPE, AuditEventCollection.ACTIVITY)
                    .sharing(AuditEventCollection.COMPONENT_NAME, AuditEventCollection.CATEGORY)
                    .withSideTable(AuditEventCollection.RESOURCE_IDS,
                            new SideTable("audit_event_resource", "resource_id")), "e.entry");
    static final SqlCollection<DirectoryAudit> DIRECTORY_AUDITS = new SqlCollection<>(
            new SqlTable<>(DirectoryAuditCollection.DIRECTORY_AUDITS, "directory_audit", "d")
                    .withSideTable(DirectoryAuditCollection.TARGET_RESOURCE_IDS,
                            new SideTable("directory_audit_target", "target_id")), "d.entry");
    private static final String EVENT = "SELECT entry FROM audit_event WHERE tenant_id = ? AND id = ?";
    private static final String DIRECTORY_AUDIT = "SELECT entry FROM directory_audit WHERE tenant_id = ? AND id = ?";
    /** The oldest expired entries of a log, through its index by time; %s is the log's table. */
    private static final String EXPIRED = """
            SELECT tenant_id, id, activity_date_time FROM %s WHERE activity_date_time < ?
            ORDER BY activity_date_time FETCH FIRST ? ROWS ONLY""";
    /** The foreign keys delete the side rows with it. */
    private static final String DELETE = "DELETE FROM %s WHERE tenant_id = ? AND id = ?";

    private final Sql sql;
    private final SetWriter setWriter;

    /** @param setWriter flushed before each read of Intune's log, so that it holds every assign acknowledged */
    JdbcAuditLogRepository(Sql sql, SetWriter setWriter) {
        this.sql = sql;
        this.setWriter = setWriter;
    }

    @Override
    public Page<AuditEvent> auditEvents(TenantId tenant, Query<AuditEvent> query) {
        setWriter.flush();
        return sql.withConnection(tenant, connection -> EVENTS.page(connection, tenant, query,
                row -> AuditRows.auditEvent(row.getString("entry"))));
    }

    @Override
    public long countAuditEvents(TenantId tenant, Optional<Filter<AuditEvent>> filter) {
        setWriter.flush();
        return sql.withConnection(tenant, connection -> EVENTS.count(connection, tenant, filter));
    }

    @Override
    public Optional<AuditEvent> auditEvent(TenantId tenant, UUID id) {
        setWriter.flush();
        return entry(EVENT, tenant, id).map(AuditRows::auditEvent);
    }

    @Override
    public Page<DirectoryAudit> directoryAudits(TenantId tenant, Query<DirectoryAudit> query) {
        return sql.withConnection(tenant, connection -> DIRECTORY_AUDITS.page(connection, tenant, query,
                row -> AuditRows.directoryAudit(row.getString("entry"))));
    }

    @Override
    public long countDirectoryAudits(TenantId tenant, Optional<Filter<DirectoryAudit>> filter) {
        return sql.withConnection(tenant, connection -> DIRECTORY_AUDITS.count(connection, tenant, filter));
    }

    @Override
    public Optional<DirectoryAudit> directoryAudit(TenantId tenant, UUID id) {
        return entry(DIRECTORY_AUDIT, tenant, id).map(AuditRows::directoryAudit);
    }

    private Optional<String> entry(String statement, TenantId tenant, UUID id) {
        return sql.withConnection(tenant, connection -> {
            try (PreparedStatement find = prepare(connection, statement, tenant.value(), id);
                 ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(row.getString("entry")) : Optional.empty();
            }
        });
    }

    /**
     * One transaction: the oldest {@code limit} expired entries of each log, of which the oldest {@code limit} of both
     * go. It locks only rows no write touches again, so writes never wait for it; a small limit keeps it short.
     */
    @Override
    public int deleteExpired(Instant cutoff, int limit) {
        return sql.inTransaction(null, connection -> { // retention serves no one tenant
            List<Expired> expired = new ArrayList<>(expired(connection, "audit_event", cutoff, limit));
            expired.addAll(expired(connection, "directory_audit", cutoff, limit));
            expired.sort(Comparator.comparing(Expired::at));
            List<Expired> oldest = expired.subList(0, Math.min(limit, expired.size()));
            for (String table : List.of("audit_event", "directory_audit")) {
                try (PreparedStatement delete = connection.prepareStatement(DELETE.formatted(table))) {
                    for (Expired entry : oldest) {
                        if (entry.table().equals(table)) {
                            Sql.bind(delete, entry.tenant(), entry.id());
                            delete.addBatch();
                        }
                    }
                    delete.executeBatch();
                }
            }
            return oldest.size();
        });
    }

    private static List<Expired> expired(Connection connection, String table, Instant cutoff, int limit)
            throws SQLException {
        List<Expired> expired = new ArrayList<>();
        try (PreparedStatement find = prepare(connection, EXPIRED.formatted(table), cutoff, limit);
             ResultSet rows = find.executeQuery()) {
            while (rows.next()) {
                expired.add(new Expired(table, rows.getObject("tenant_id", UUID.class),
                        rows.getObject("id", UUID.class), Sql.instant(rows, "activity_date_time")));
            }
        }
        return expired;
    }

    private record Expired(String table, UUID tenant, UUID id, Instant at) {
    }
}
