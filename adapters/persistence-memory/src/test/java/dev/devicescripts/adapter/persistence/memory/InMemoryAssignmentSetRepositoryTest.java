package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.out.AssignmentSetRepositoryContractTest;
import dev.devicescripts.application.port.out.Storage;

class InMemoryAssignmentSetRepositoryTest extends AssignmentSetRepositoryContractTest {
    @Override
    protected Storage newStorage() {
        InMemoryStore store = new InMemoryStore();
        return new Storage(store, store);
    }
}
