package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.ScriptListContractTest;
import dev.devicescripts.application.port.out.Storage;

/** The contract on PostgreSQL, each test on a database of its own. */
class PostgresScriptListTest extends ScriptListContractTest {
    @Override
    protected Storage newStorage() {
        return TestPostgres.newStorage();
    }
}
