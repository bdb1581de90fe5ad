package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.AuditLogContractTest;
import dev.devicescripts.application.port.out.AuditStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded database, whose assigns and their entries go through the journal. */
class JdbcAuditLogTest extends AuditLogContractTest {
    @TempDir
    Path dataDirectory;

    @Override
    protected AuditStorage newAuditStorage() {
        JdbcStore store = TestDatabases.open(dataDirectory);
        return new AuditStorage(store.scripts(), store.assignmentSets(), store.directory(), store.auditLogs(), store);
    }
}
