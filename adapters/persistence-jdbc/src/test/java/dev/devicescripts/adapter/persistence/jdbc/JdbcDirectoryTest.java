package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.DirectoryRepositoryContractTest;
import dev.devicescripts.application.port.out.DirectoryStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class JdbcDirectoryTest extends DirectoryRepositoryContractTest {
    @TempDir
    Path dataDirectory;

    @Override
    protected DirectoryStorage newDirectoryStorage() {
        JdbcStore store = TestDatabases.open(dataDirectory);
        return new DirectoryStorage(store.scripts(), store.directory(), store);
    }
}
