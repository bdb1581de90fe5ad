package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.out.ScriptRepositoryContractTest;
import dev.devicescripts.application.port.out.Storage;

class InMemoryScriptRepositoryTest extends ScriptRepositoryContractTest {
    @Override
    protected Storage newStorage() {
        InMemoryStore store = new InMemoryStore();
        return new Storage(store, store);
    }
}
