package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.AssignmentSetRepositoryContractTest;
import dev.devicescripts.application.port.out.Storage;

/** The contract on PostgreSQL, each test on a database of its own. */
class PostgresAssignmentSetRepositoryTest extends AssignmentSetRepositoryContractTest {
    @Override
    protected Storage newStorage() {
        return TestPostgres.newStorage();
    }
}
