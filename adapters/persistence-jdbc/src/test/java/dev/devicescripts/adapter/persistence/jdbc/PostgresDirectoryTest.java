package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.DirectoryRepositoryContractTest;
import dev.devicescripts.application.port.out.DirectoryStorage;

/** The contract on PostgreSQL, each test on a database of its own. */
class PostgresDirectoryTest extends DirectoryRepositoryContractTest {
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
