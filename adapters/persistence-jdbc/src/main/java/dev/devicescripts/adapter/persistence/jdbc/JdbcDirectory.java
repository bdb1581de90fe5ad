package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.adapter.persistence.jdbc.Sql.prepare;

import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.DirectoryWrites;
import dev.devicescripts.domain.TenantId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The directory in the tables of V9. A write is one transaction that first counts up the revision in the tenant's row
 * of directory_tenant, which locks that row: writes of one tenant run one after the other, also across servers sharing
 * the database.
 */
final class JdbcDirectory implements DirectoryRepository {
    private static final String DUPLICATE_KEY = "23505";
    private static final String ADD_TENANT = """
            INSERT INTO directory_tenant (tenant_id)
            SELECT ? WHERE NOT EXISTS (SELECT 1 FROM directory_tenant WHERE tenant_id = ?)""";
    /** Counts up the tenant's revision, and so locks its row until the write's transaction ends. */
    private static final String LOCK_TENANT = "UPDATE directory_tenant SET revision = revision + 1 WHERE tenant_id = ?";

    private final Sql sql;
    private final Vendor vendor;

    JdbcDirectory(Sql sql, Vendor vendor) {
        this.sql = sql;
        this.vendor = vendor;
    }

    @Override
    public DirectoryReads reads(TenantId tenant) {
        return new JdbcDirectoryView(sql, vendor, tenant, null, false);
    }

    @Override
    public <R> R write(TenantId tenant, Function<DirectoryWrites, R> work) {
        addTenant(tenant);
        return sql.inTransaction(tenant, connection -> {
            try (PreparedStatement lock = prepare(connection, LOCK_TENANT, tenant.value())) {
                lock.executeUpdate();
            }
            JdbcDirectoryView writes = new JdbcDirectoryView(sql, vendor, tenant, connection, true);
            try {
                R result = work.apply(writes);
                writes.flush();
                return result;
            } finally {
                writes.end();
            }
        });
    }

    /** The tenant's lock row, made once; two servers that make it at once both go on, one having failed to. */
    private void addTenant(TenantId tenant) {
        sql.withConnection(tenant, connection -> {
            try (PreparedStatement add = prepare(connection, ADD_TENANT, tenant.value(), tenant.value())) {
                add.executeUpdate();
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** One transaction that reads (a walk's rows of directory_walk aside, which go with it) and is rolled back. */
    @Override
    public <R> R snapshot(TenantId tenant, Function<DirectoryReads, R> work) {
        return sql.inReadSnapshot(tenant, connection -> {
            JdbcDirectoryView reads = new JdbcDirectoryView(sql, vendor, tenant, connection, false);
            try {
                return work.apply(reads);
            } finally {
                reads.end();
            }
        });
    }
}
