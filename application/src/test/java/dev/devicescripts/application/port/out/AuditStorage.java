package dev.devicescripts.application.port.out;

/**
 * The stores that write audit entries with their changes, and the log that reads them, as an adapter under test
 * supplies them: all over the same data.
 *
 * @param resources what to close when the test is done, such as a connection pool
 */
public record AuditStorage(ScriptRepository scripts, AssignmentSetRepository assignmentSets,
                           DirectoryRepository directory, AuditLogRepository auditLog, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
