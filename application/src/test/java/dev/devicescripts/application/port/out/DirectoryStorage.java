package dev.devicescripts.application.port.out;

/**
 * The directory of one store and its scripts, which run states name, as an adapter under test supplies them.
 *
 * @param resources what to close when the test is done, such as a connection pool
 */
public record DirectoryStorage(ScriptRepository scripts, DirectoryRepository directory, AutoCloseable resources)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
