package dev.devicescripts.application.port.out;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives every contract test a fresh, empty store from the adapter under test, and closes it afterwards. */
public abstract class StorageContractTest {
    private Storage storage;
    ScriptRepository scripts;
    AssignmentSetRepository assignmentSets;

    /** A new store that holds nothing yet. */
    protected abstract Storage newStorage();

    @BeforeEach
    void openStorage() {
        storage = newStorage();
        scripts = storage.scripts();
        assignmentSets = storage.assignmentSets();
    }

    /** Also runs when opening failed or was skipped (a store a test cannot have): then there is nothing to close. */
    @AfterEach
    void closeStorage() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }
}
