package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.out.DirectoryRepositoryContractTest;
import dev.devicescripts.application.port.out.DirectoryStorage;

class InMemoryDirectoryTest extends DirectoryRepositoryContractTest {
    @Override
    protected DirectoryStorage newDirectoryStorage() {
        InMemoryStore store = new InMemoryStore();
        return new DirectoryStorage(store, store.directory(), () -> { });
    }
}
