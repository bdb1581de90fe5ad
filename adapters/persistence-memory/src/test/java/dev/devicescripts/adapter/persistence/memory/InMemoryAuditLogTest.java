package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.out.AuditLogContractTest;
import dev.devicescripts.application.port.out.AuditStorage;

class InMemoryAuditLogTest extends AuditLogContractTest {
    @Override
    protected AuditStorage newAuditStorage() {
        InMemoryStore store = new InMemoryStore();
        return new AuditStorage(store, store, store.directory(), store.auditLog(), () -> { });
    }
}
