package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.AssignmentSetRepositoryContractTest;
import dev.devicescripts.application.port.out.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Sets of an H2 database opened by URL, without the assign journal: each assign commits before it returns. */
class CommittingAssignmentSetRepositoryTest extends AssignmentSetRepositoryContractTest {
    @TempDir
    Path dataDirectory;

    @Override
    protected Storage newStorage() {
        JdbcStore store = JdbcStore.open(
                new JdbcSettings(JdbcStore.h2FileUrl(dataDirectory), "sa", "", 10));
        return new Storage(store.scripts(), store.assignmentSets(), store);
    }
}
