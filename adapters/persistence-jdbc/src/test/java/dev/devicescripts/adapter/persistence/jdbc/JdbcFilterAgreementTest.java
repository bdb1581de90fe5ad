package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.port.out.DirectoryStorage;
import dev.devicescripts.application.port.out.FilterAgreementContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The agreement on the embedded H2 database, in a folder of its own (jqwik has no @TempDir). */
class JdbcFilterAgreementTest extends FilterAgreementContractTest {
    @Override
    protected DirectoryStorage newDirectoryStorage() {
        try {
            Path dataDirectory = Files.createTempDirectory("devicescripts-filter-agreement");
            JdbcStore store = TestDatabases.open(dataDirectory);
            return new DirectoryStorage(store.scripts(), store.directory(), () -> {
                store.close();
                try (Stream<Path> files = Files.walk(dataDirectory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
