package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.DirectoryStorage;
import dev.devicescripts.application.port.out.TargetingDirectoryContractTest;

/** The contract on PostgreSQL, each test on a database of its own. */
class PostgresTargetingDirectoryTest extends TargetingDirectoryContractTest {
    @Override
    protected DirectoryStorage newDirectoryStorage() {
        TestPostgres database = TestPostgres.newDatabase();
        JdbcStore store = JdbcStore.open(database.settings());
        return new DirectoryStorage(store.scripts(), store.directory(), () -> {
            store.close();
            database.close();
        });
    }
}
