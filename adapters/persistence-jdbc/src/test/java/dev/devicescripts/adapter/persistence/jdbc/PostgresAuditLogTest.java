package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.AuditLogContractTest;
import dev.devicescripts.application.port.out.AuditStorage;

/** The contract on PostgreSQL, whose assigns commit with their entries, each test on a database of its own. */
class PostgresAuditLogTest extends AuditLogContractTest {
    @Override
    protected AuditStorage newAuditStorage() {
        TestPostgres database = TestPostgres.newDatabase();
        JdbcStore store = JdbcStore.open(database.settings());
        return new AuditStorage(store.scripts(), store.assignmentSets(), store.directory(), store.auditLogs(), () -> {
            store.close();
            database.close();
        });
    }
}
