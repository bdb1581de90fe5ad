package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.Values;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptContent;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Scripts in the device_management_script table, their role scope tags in script_role_scope_tag. */
final class JdbcScriptRepository implements ScriptRepository {

    // Insert and update name the columns in one order, so that one method binds both. The *_folded columns hold the
    // strings as lists order and filter by them, folded here (see V4).
    private static final String INSERT = """
            INSERT INTO device_management_script (display_name, display_name_folded, description, description_folded,
                script_content, file_name, file_name_folded, run_as_account, enforce_signature_check, run_as_32_bit,
                created_date_time, last_modified_date_time, tenant_id, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = """
            UPDATE device_management_script SET display_name = ?, display_name_folded = ?, description = ?,
                description_folded = ?, script_content = ?, file_name = ?, file_name_folded = ?, run_as_account = ?,
                enforce_signature_check = ?, run_as_32_bit = ?, created_date_time = ?, last_modified_date_time = ?
            WHERE tenant_id = ? AND id = ?""";
    // One statement reads a script with its tags, so it never mixes two versions of them.
    private static final String FIND = """
            SELECT s.id, s.display_name, s.description, s.script_content, s.file_name, s.run_as_account,
                s.enforce_signature_check, s.run_as_32_bit, s.created_date_time, s.last_modified_date_time, t.tag_id
            FROM device_management_script s
            LEFT JOIN script_role_scope_tag t ON t.tenant_id = s.tenant_id AND t.script_id = s.id
            WHERE s.tenant_id = ? AND s.id = ?
            ORDER BY t.position""";
    // Lists carry no content, so none is read. The tags of the page's scripts come in a second statement of the same
    // snapshot: a join under the paged query would make it a derived table, whose results H2 keeps in its statement
    // cache for every set of parameters it sees.
    private static final SqlCollection<DeviceManagementScript> LISTED = new SqlCollection<>(
            new SqlTable<>(ScriptCollection.SCRIPTS, "device_management_script", "s"), """
            s.id, s.display_name, s.description, s.file_name, s.run_as_account, s.enforce_signature_check,
                s.run_as_32_bit, s.created_date_time, s.last_modified_date_time""");
    // By an IN list over the index that starts with script_id (see Sql.in): the primary key starts with the tenant.
    private static final String TAGS_OF_SCRIPTS = """
            SELECT script_id, tag_id FROM %s
            WHERE %s AND tenant_id = ?
            ORDER BY script_id, position""";
    private static final String DELETE = "DELETE FROM device_management_script WHERE tenant_id = ? AND id = ?";
    private static final String DELETE_RUN_STATES =
            "DELETE FROM device_run_state WHERE tenant_id = ? AND script_id = ?";
    private static final String LOCK =
            "SELECT id FROM device_management_script WHERE tenant_id = ? AND id = ? FOR UPDATE";
    private static final String INSERT_TAG =
            "INSERT INTO script_role_scope_tag (tenant_id, script_id, position, tag_id) VALUES (?, ?, ?, ?)";
    private static final String DELETE_TAGS = "DELETE FROM script_role_scope_tag WHERE tenant_id = ? AND script_id = ?";

    private final Sql sql;
    private final Vendor vendor;
    private final SetWriter setWriter;

    /** @param setWriter told of each script inserted or deleted, once committed */
    JdbcScriptRepository(Sql sql, Vendor vendor, SetWriter setWriter) {
        this.sql = sql;
        this.vendor = vendor;
        this.setWriter = setWriter;
    }

    @Override
    public void insert(TenantId tenant, DeviceManagementScript script, AuditEvent entry) {
        sql.inTransaction(connection -> {
            write(connection, INSERT, tenant, script);
            insertTags(connection, tenant, script);
            AssignmentSetRows.insert(connection, tenant.value(), script.id().value(),
                    PackedTargets.parts(List.of())); // a script starts with an empty assignment set
            AuditRows.insert(connection, tenant.value(), entry);
            return null;
        });
        setWriter.insertedOrDeleted(tenant, script.id());
    }

    @Override
    public Optional<DeviceManagementScript> find(TenantId tenant, ScriptId id) {
        return sql.withConnection(connection -> find(connection, tenant, id));
    }

    @Override
    public Page<DeviceManagementScript> list(TenantId tenant, Query<DeviceManagementScript> query) {
        return sql.inSnapshot(connection -> {
            Page<DeviceManagementScript> untagged = LISTED.page(connection, tenant, query,
                    row -> readScript(row, false).apply(List.of()));
            Map<UUID, List<String>> tags = tagsOf(connection, tenant,
                    untagged.items().stream().map(script -> script.id().value()).toList());
            List<DeviceManagementScript> tagged = untagged.items().stream()
                    .map(script -> script.withRoleScopeTagIds(tags.getOrDefault(script.id().value(), List.of())))
                    .toList();
            return new Page<>(tagged, untagged.next());
        });
    }

    @Override
    public long count(TenantId tenant, Optional<Filter<DeviceManagementScript>> filter) {
        return sql.withConnection(connection -> LISTED.count(connection, tenant, filter));
    }

    @Override
    public Optional<DeviceManagementScript> update(TenantId tenant, ScriptId id,
            UnaryOperator<DeviceManagementScript> change,
            BiFunction<DeviceManagementScript, DeviceManagementScript, AuditEvent> audit) {
        return sql.inTransaction(connection -> {
            if (!lock(connection, tenant, id)) {
                return Optional.empty();
            }
            DeviceManagementScript before = find(connection, tenant, id).orElseThrow();
            DeviceManagementScript changed = change.apply(before);
            write(connection, UPDATE, tenant, changed);
            try (PreparedStatement deleteTags = prepare(connection, DELETE_TAGS, tenant.value(), id.value())) {
                deleteTags.executeUpdate();
            }
            insertTags(connection, tenant, changed);
            AuditRows.insert(connection, tenant.value(), audit.apply(before, changed));
            return Optional.of(changed);
        });
    }

    @Override
    public boolean delete(TenantId tenant, ScriptId id, Function<DeviceManagementScript, AuditEvent> audit) {
        // The foreign keys delete the script's tags and assignment set with it. Its run states have none (a seed
        // writes them before it checks what they name), so they go in the same transaction. The entry records the
        // script as it was, read under its lock.
        boolean deleted = sql.inTransaction(connection -> {
            if (!lock(connection, tenant, id)) {
                return false;
            }
            AuditEvent entry = audit.apply(find(connection, tenant, id).orElseThrow());
            try (PreparedStatement delete = prepare(connection, DELETE, tenant.value(), id.value());
                 PreparedStatement deleteRunStates = prepare(connection, DELETE_RUN_STATES, tenant.value(),
                         id.value())) {
                deleteRunStates.executeUpdate();
                delete.executeUpdate();
            }
            AuditRows.insert(connection, tenant.value(), entry);
            return true;
        });
        if (deleted) {
            setWriter.insertedOrDeleted(tenant, id);
        }
        return deleted;
    }

    /**
     * Locks the script's row until the transaction ends, so that changes of one script run one after the other.
     *
     * @return false when the tenant has no such script
     */
    private static boolean lock(Connection connection, TenantId tenant, ScriptId id) throws SQLException {
        try (PreparedStatement lock = prepare(connection, LOCK, tenant.value(), id.value());
             ResultSet row = lock.executeQuery()) {
            return row.next();
        }
    }

    private static Optional<DeviceManagementScript> find(Connection connection, TenantId tenant, ScriptId id)
            throws SQLException {
        try (PreparedStatement find = prepare(connection, FIND, tenant.value(), id.value());
             ResultSet rows = find.executeQuery()) {
            return readScripts(rows, true).stream().findFirst();
        }
    }

    private static void write(Connection connection, String insertOrUpdate, TenantId tenant,
                              DeviceManagementScript script) throws SQLException {
        ScriptProperties p = script.properties();
        byte[] content = p.scriptContent() == null ? null : p.scriptContent().bytes();
        try (PreparedStatement write = prepare(connection, insertOrUpdate, p.displayName(), folded(p.displayName()),
                p.description(), folded(p.description()), content, p.fileName(), folded(p.fileName()),
                p.runAsAccount().graphName(), p.enforceSignatureCheck(), p.runAs32Bit(), script.createdDateTime(),
                script.lastModifiedDateTime(), tenant.value(), script.id().value())) {
            write.executeUpdate();
        }
    }

    private static String folded(String text) {
        return text == null ? null : Values.folded(text);
    }

    private static void insertTags(Connection connection, TenantId tenant, DeviceManagementScript script)
            throws SQLException {
        List<String> tags = script.properties().roleScopeTagIds();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TAG)) {
            for (int position = 0; position < tags.size(); position++) {
                Sql.bind(insert, tenant.value(), script.id().value(), position, tags.get(position));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Map<UUID, List<String>> tagsOf(Connection connection, TenantId tenant, List<UUID> scriptIds)
            throws SQLException {
        Map<UUID, List<String>> tags = new HashMap<>();
        if (scriptIds.isEmpty()) {
            return tags;
        }
        Condition ofScripts = Sql.in("script_id", scriptIds);
        List<Object> parameters = new ArrayList<>(ofScripts.parameters());
        parameters.add(tenant.value());
        String statement = TAGS_OF_SCRIPTS.formatted(
                vendor.through("script_role_scope_tag", "script_role_scope_tag_by_script"), ofScripts.sql());
        try (PreparedStatement read = prepare(connection, statement, parameters.toArray());
             ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                tags.computeIfAbsent(rows.getObject("script_id", UUID.class), id -> new ArrayList<>())
                        .add(rows.getString("tag_id"));
            }
        }
        return tags;
    }

    /** Rows of one script per tag, in the order of the query. */
    private static List<DeviceManagementScript> readScripts(ResultSet rows, boolean withContent) throws SQLException {
        Map<UUID, TaggedScript> scripts = new LinkedHashMap<>();
        while (rows.next()) {
            UUID id = rows.getObject("id", UUID.class);
            TaggedScript script = scripts.get(id);
            if (script == null) {
                script = new TaggedScript(readScript(rows, withContent), new ArrayList<>());
                scripts.put(id, script);
            }
            String tag = rows.getString("tag_id");
            if (tag != null) {
                script.tags().add(tag);
            }
        }
        return scripts.values().stream().map(script -> script.withTags().apply(script.tags())).toList();
    }

    /** The script of this row, once its tags have been read from the rows that follow. */
    private static Function<List<String>, DeviceManagementScript> readScript(ResultSet row, boolean withContent)
            throws SQLException {
        ScriptId id = new ScriptId(row.getObject("id", UUID.class));
        String displayName = row.getString("display_name");
        String description = row.getString("description");
        byte[] content = withContent ? row.getBytes("script_content") : null;
        String fileName = row.getString("file_name");
        RunAsAccount runAsAccount = RunAsAccount.fromGraphName(row.getString("run_as_account"));
        boolean enforceSignatureCheck = row.getBoolean("enforce_signature_check");
        boolean runAs32Bit = row.getBoolean("run_as_32_bit");
        Instant created = Sql.instant(row, "created_date_time");
        Instant lastModified = Sql.instant(row, "last_modified_date_time");
        return tags -> new DeviceManagementScript(id, new ScriptProperties(displayName, description,
                content == null ? null : ScriptContent.of(content), fileName, runAsAccount, enforceSignatureCheck,
                runAs32Bit, tags), created, lastModified);
    }

    private record TaggedScript(Function<List<String>, DeviceManagementScript> withTags, List<String> tags) {
    }
}
