package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.application.query.Values;
import dev.devicescripts.domain.audit.Actor;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.AuditResource;
import dev.devicescripts.domain.audit.DirectoryAudit;
import dev.devicescripts.domain.audit.KeyValue;
import dev.devicescripts.domain.audit.ModifiedProperty;
import dev.devicescripts.domain.audit.TargetResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statements that write both audit logs (V19), each entry in the transaction of its change, and an entry's JSON
 * form, which the {@code entry} column and the assign journal hold: {@link JsonLists#records}, the entry's own fields
 * first, then its actor, then a record per resource ({@code R}), target ({@code T}), modified property of the one
 * before ({@code M}) and additional detail ({@code D}).
 */
final class AuditRows {
    private static final String INSERT_EVENT = """
            INSERT INTO audit_event (tenant_id, id, activity_date_time, activity_folded,
                activity_operation_type_folded, category_folded, correlation_id, entry)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_RESOURCE =
            "INSERT INTO audit_event_resource (tenant_id, resource_id, id, activity_date_time) VALUES (?, ?, ?, ?)";
    private static final String EVENT_EXISTS = "SELECT 1 FROM audit_event WHERE tenant_id = ? AND id = ?";
    private static final String INSERT_DIRECTORY_AUDIT = """
            INSERT INTO directory_audit (tenant_id, id, activity_date_time, activity_display_name_folded,
                category_folded, correlation_id, logged_by_service_folded, operation_type_folded,
                initiated_by_user_id, initiated_by_user_id_folded, initiated_by_user_user_principal_name,
                initiated_by_user_user_principal_name_folded, initiated_by_app_app_id, initiated_by_app_app_id_folded,
                entry)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_TARGET =
            "INSERT INTO directory_audit_target (tenant_id, target_id, id, activity_date_time) VALUES (?, ?, ?, ?)";
    private static final String RESOURCE = "R";
    private static final String TARGET = "T";
    private static final String MODIFIED = "M";
    private static final String DETAIL = "D";

    private AuditRows() {
    }

    static void insert(Connection connection, UUID tenant, AuditEvent entry) throws SQLException {
        insert(connection, tenant, entry, json(entry));
    }

    /** As above, with the entry encoded already ({@link #json(AuditEvent)}), as the assign journal has it. */
    static void insert(Connection connection, UUID tenant, AuditEvent entry, String json) throws SQLException {
        insertAll(connection, List.of(new Encoded(tenant, entry, json)));
    }

    /** An entry of a tenant's Intune log with its JSON, ready to insert. */
    record Encoded(UUID tenant, AuditEvent entry, String json) {
    }

    /**
     * Inserts the entries in two batches, one of their rows and one of their side rows: the assign journal's writer
     * inserts many at a time, and a statement per row would cost it more than the rows themselves.
     */
    static void insertAll(Connection connection, List<Encoded> entries) throws SQLException {
        try (PreparedStatement events = connection.prepareStatement(INSERT_EVENT);
             PreparedStatement resources = connection.prepareStatement(INSERT_RESOURCE)) {
            for (Encoded encoded : entries) {
                AuditEvent entry = encoded.entry();
                Sql.bind(events, encoded.tenant(), entry.id(), entry.activityDateTime(),
                        Values.folded(entry.activity()), Values.folded(entry.operationType()),
                        Values.folded(entry.category()), entry.correlationId(), encoded.json());
                events.addBatch();
                for (String id : entry.resources().stream().map(AuditResource::resourceId).map(Values::folded)
                        .distinct().toList()) {
                    Sql.bind(resources, encoded.tenant(), id, entry.id(), entry.activityDateTime());
                    resources.addBatch();
                }
            }
            events.executeBatch();
            resources.executeBatch();
        }
    }

    /**
     * Inserts the entry unless the tenant's log has it already: a replayed journal holds entries that the database
     * may have been given before the process died.
     */
    static void insertUnlessThere(Connection connection, UUID tenant, AuditEvent entry, String json)
            throws SQLException {
        try (PreparedStatement find = prepare(connection, EVENT_EXISTS, tenant, entry.id());
             ResultSet row = find.executeQuery()) {
            if (row.next()) {
                return;
            }
        }
        insert(connection, tenant, entry, json);
    }

    static void insert(Connection connection, UUID tenant, DirectoryAudit entry) throws SQLException {
        Actor actor = entry.initiatedBy();
        boolean user = actor.kind() == Actor.Kind.DELEGATED;
        String userId = user ? actor.userId() : null;
        String userPrincipalName = user ? actor.userPrincipalName() : null;
        String appId = user ? null : actor.appId();
        try (PreparedStatement insert = prepare(connection, INSERT_DIRECTORY_AUDIT, tenant, entry.id(),
                entry.activityDateTime(), Values.folded(entry.activityDisplayName()), Values.folded(entry.category()),
                entry.correlationId(), Values.folded(entry.loggedByService()), Values.folded(entry.operationType()),
                userId, folded(userId), userPrincipalName, folded(userPrincipalName), appId, folded(appId),
                json(entry))) {
            insert.executeUpdate();
        }
        insertIds(connection, INSERT_TARGET, tenant, entry.id(), entry.activityDateTime(),
                entry.targetResources().stream().map(TargetResource::id).toList());
    }

    /**
     * The rows of a side table (the ids {@code any} tests), each id once and folded as filters compare it, with the
     * entry's time, by which lists of one id's entries are ordered.
     */
    private static void insertIds(Connection connection, String insertId, UUID tenant, UUID entryId, Instant at,
                                  List<String> ids) throws SQLException {
        List<String> distinct = ids.stream().map(Values::folded).distinct().toList();
        try (PreparedStatement insert = connection.prepareStatement(insertId)) {
            for (String id : distinct) {
                Sql.bind(insert, tenant, id, entryId, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String folded(String text) {
        return text == null ? null : Values.folded(text);
    }

    static String json(AuditEvent entry) {
        List<List<String>> records = new ArrayList<>();
        records.add(List.of(entry.id().toString(), entry.activity(), entry.operationType(), entry.category(),
                entry.activityDateTime().toString(), entry.correlationId().toString()));
        records.add(actor(entry.actor()));
        for (AuditResource resource : entry.resources()) {
            records.add(nullable(RESOURCE, resource.displayName(), resource.type(), resource.resourceId()));
            modified(resource.modifiedProperties(), records);
        }
        return JsonLists.records(records);
    }

    static AuditEvent auditEvent(String json) {
        List<List<String>> records = JsonLists.records(json);
        List<String> own = records.get(0);
        List<AuditResource> resources = new ArrayList<>();
        for (int i = 2; i < records.size(); i++) {
            List<String> resource = records.get(i);
            List<ModifiedProperty> modified = new ArrayList<>();
            i = modified(records, i, modified);
            resources.add(new AuditResource(resource.get(1), resource.get(2), resource.get(3), modified));
        }
        return new AuditEvent(UUID.fromString(own.get(0)), own.get(1), own.get(2), own.get(3),
                Instant.parse(own.get(4)), UUID.fromString(own.get(5)), actor(records.get(1)), resources);
    }

    static String json(DirectoryAudit entry) {
        List<List<String>> records = new ArrayList<>();
        records.add(List.of(entry.id().toString(), entry.category(), entry.correlationId().toString(),
                entry.activityDisplayName(), entry.activityDateTime().toString(), entry.loggedByService(),
                entry.operationType()));
        records.add(actor(entry.initiatedBy()));
        for (TargetResource target : entry.targetResources()) {
            records.add(nullable(TARGET, target.id(), target.displayName(), target.type(), target.userPrincipalName()));
            modified(target.modifiedProperties(), records);
        }
        entry.additionalDetails().forEach(detail -> records.add(nullable(DETAIL, detail.key(), detail.value())));
        return JsonLists.records(records);
    }

    static DirectoryAudit directoryAudit(String json) {
        List<List<String>> records = JsonLists.records(json);
        List<String> own = records.get(0);
        List<TargetResource> targets = new ArrayList<>();
        List<KeyValue> details = new ArrayList<>();
        for (int i = 2; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.get(0).equals(DETAIL)) {
                details.add(new KeyValue(record.get(1), record.get(2)));
            } else {
                List<ModifiedProperty> modified = new ArrayList<>();
                i = modified(records, i, modified);
                targets.add(new TargetResource(record.get(1), record.get(2), record.get(3), record.get(4), modified));
            }
        }
        return new DirectoryAudit(UUID.fromString(own.get(0)), own.get(1), UUID.fromString(own.get(2)), own.get(3),
                Instant.parse(own.get(4)), own.get(5), own.get(6), actor(records.get(1)), targets, details);
    }

    private static List<String> actor(Actor actor) {
        return nullable(actor.kind().name(), actor.userId(), actor.userPrincipalName(), actor.userDisplayName(),
                actor.appId(), actor.appDisplayName(), actor.ipAddress());
    }

    private static Actor actor(List<String> record) {
        return new Actor(Actor.Kind.valueOf(record.get(0)), record.get(1), record.get(2), record.get(3),
                record.get(4), record.get(5), record.get(6));
    }

    private static void modified(List<ModifiedProperty> properties, List<List<String>> records) {
        properties.forEach(property -> records.add(
                nullable(MODIFIED, property.displayName(), property.oldValue(), property.newValue())));
    }

    /** Adds the modified properties that follow record {@code i}, and returns the index of the last of them. */
    private static int modified(List<List<String>> records, int i, List<ModifiedProperty> modified) {
        while (i + 1 < records.size() && records.get(i + 1).get(0).equals(MODIFIED)) {
            List<String> property = records.get(++i);
            modified.add(new ModifiedProperty(property.get(1), property.get(2), property.get(3)));
        }
        return i;
    }

    /** A record whose strings may be null, which List.of refuses. */
    private static List<String> nullable(String... values) {
        return Arrays.asList(values);
    }
}
