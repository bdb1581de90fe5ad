package dev.devicescripts.adapter.persistence.jdbc;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a second JVM: opens the database in the given folder, prints {@value #OPEN}, and keeps it open until its
 * standard input closes. H2 lets threads of one JVM share an open database, so only another process shows the lock.
 */
public final class HoldDatabaseOpen {
    static final String OPEN = "open";

    private HoldDatabaseOpen() {
    }

    public static void main(String[] args) throws IOException {
        JdbcStore store = TestDatabases.open(Path.of(args[0]));
        System.out.println(OPEN);
        System.out.flush();
        System.in.readAllBytes();
        store.close();
    }
}
