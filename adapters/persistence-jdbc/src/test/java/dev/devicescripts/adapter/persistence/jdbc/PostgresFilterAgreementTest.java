package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.DirectoryStorage;
import dev.devicescripts.application.port.out.FilterAgreementContractTest;

/** The agreement on PostgreSQL, on a database of its own. */
class PostgresFilterAgreementTest extends FilterAgreementContractTest {
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
