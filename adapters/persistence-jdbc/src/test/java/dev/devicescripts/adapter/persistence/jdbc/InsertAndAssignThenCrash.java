package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;

import dev.devicescripts.application.port.out.AuditFixtures;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ScriptId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Run in a second JVM: inserts a script with the given id into the database in the given folder, assigns it
 * {@link #FIRST_SET} and then {@link #LAST_SET}, then ends the process at once, as a crash or kill -9 would, without
 * closing anything.
 */
public final class InsertAndAssignThenCrash {
    static final AssignmentSet FIRST_SET =
            AssignmentSet.of(List.of(new AllDevicesAssignmentTarget(AssignmentFilter.NONE)), 10);
    static final AssignmentSet LAST_SET =
            AssignmentSet.of(List.of(new AllLicensedUsersAssignmentTarget(AssignmentFilter.NONE)), 10);

    private InsertAndAssignThenCrash() {
    }

    public static void main(String[] args) {
        JdbcStore store = TestDatabases.open(Path.of(args[0]));
        ScriptId id = ScriptId.of(args[1]);
        store.scripts().insert(TENANT, script(id, "Survivor", Instant.EPOCH),
                AuditFixtures.created(script(id, "Survivor", Instant.EPOCH)));
        store.assignmentSets().replace(TENANT, id, FIRST_SET, AuditFixtures.assigned(id));
        store.assignmentSets().replace(TENANT, id, LAST_SET, AuditFixtures.assigned(id));
        Runtime.getRuntime().halt(0);
    }
}
