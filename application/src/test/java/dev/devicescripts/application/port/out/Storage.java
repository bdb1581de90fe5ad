package dev.devicescripts.application.port.out;

/**
 * The two outbound ports of one store, as an adapter under test supplies them: both over the same data.
 *
 * @param resources what to close when the test is done, such as a connection pool
 */
public record Storage(ScriptRepository scripts, AssignmentSetRepository assignmentSets, AutoCloseable resources)
        implements AutoCloseable {

    /** A store that holds nothing to close. */
    public Storage(ScriptRepository scripts, AssignmentSetRepository assignmentSets) {
        this(scripts, assignmentSets, () -> { });
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
