package dev.devicescripts.adapter.persistence.memory;

import dev.devicescripts.application.port.out.ScriptListContractTest;
import dev.devicescripts.application.port.out.Storage;

class InMemoryScriptListTest extends ScriptListContractTest {
    @Override
    protected Storage newStorage() {
        InMemoryStore store = new InMemoryStore();
        return new Storage(store, store);
    }
}
