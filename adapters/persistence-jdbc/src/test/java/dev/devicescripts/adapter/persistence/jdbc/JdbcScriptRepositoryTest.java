package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.ScriptRepositoryContractTest;
import dev.devicescripts.application.port.out.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class JdbcScriptRepositoryTest extends ScriptRepositoryContractTest {
    @TempDir
    Path dataDirectory;
    private JdbcPersistence persistence;

    @Override
    protected Storage newStorage() {
        persistence = TestDatabases.open(dataDirectory);
        return TestDatabases.storage(persistence);
    }

    @AfterEach
    void closeDatabase() {
        persistence.close();
    }
}
