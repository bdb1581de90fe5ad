package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.DirectoryStorage;
import dev.devicescripts.application.port.out.TargetingDirectoryContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class JdbcTargetingDirectoryTest extends TargetingDirectoryContractTest {
    @TempDir
    Path dataDirectory;

    @Override
    protected DirectoryStorage newDirectoryStorage() {
        JdbcStore store = TestDatabases.open(dataDirectory);
        return new DirectoryStorage(store.scripts(), store.directory(), store);
    }
}
