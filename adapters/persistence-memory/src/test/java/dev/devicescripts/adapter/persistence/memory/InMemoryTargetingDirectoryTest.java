package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.out.DirectoryStorage;
import dev.devicescripts.application.port.out.TargetingDirectoryContractTest;

class InMemoryTargetingDirectoryTest extends TargetingDirectoryContractTest {
    @Override
    protected DirectoryStorage newDirectoryStorage() {
        InMemoryStore store = new InMemoryStore();
        return new DirectoryStorage(store, store.directory(), () -> { });
    }
}
