package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.ScriptListContractTest;
import dev.devicescripts.application.port.out.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class JdbcScriptListTest extends ScriptListContractTest {
    @TempDir
    Path dataDirectory;

    @Override
    protected Storage newStorage() {
        return TestDatabases.storage(dataDirectory);
    }
}
