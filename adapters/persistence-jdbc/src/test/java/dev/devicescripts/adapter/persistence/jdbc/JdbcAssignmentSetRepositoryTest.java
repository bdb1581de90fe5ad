package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.AssignmentSetRepositoryContractTest;
import dev.devicescripts.application.port.out.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Sets of the embedded database, as the server keeps them: through the assign journal. */
class JdbcAssignmentSetRepositoryTest extends AssignmentSetRepositoryContractTest {
    @TempDir
    Path dataDirectory;

    @Override
    protected Storage newStorage() {
        return TestDatabases.storage(dataDirectory);
    }
}
