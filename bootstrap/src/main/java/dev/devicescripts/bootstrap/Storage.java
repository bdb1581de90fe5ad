package dev.devicescripts.bootstrap;

import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.AuditLogRepository;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.port.out.StorageStatus;

/** The outbound persistence ports of one store, and how to release it. */
record Storage(ScriptRepository scripts, AssignmentSetRepository assignmentSets, DirectoryRepository directory,
               AuditLogRepository auditLog, StorageStatus status, AutoCloseable resources) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
