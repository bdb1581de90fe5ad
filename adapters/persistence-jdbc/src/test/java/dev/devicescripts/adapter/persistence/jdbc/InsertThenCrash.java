package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;

import dev.devicescripts.domain.ScriptId;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a second JVM: inserts a script with the given id into the database in the given folder, then ends the
 * process at once, as a crash or kill -9 would, without closing anything.
 */
public final class InsertThenCrash {
    private InsertThenCrash() {
    }

    public static void main(String[] args) {
        JdbcPersistence persistence = TestDatabases.open(Path.of(args[0]));
        persistence.scripts().insert(TENANT, script(ScriptId.of(args[1]), "Survivor", Instant.EPOCH));
        Runtime.getRuntime().halt(0);
    }
}
