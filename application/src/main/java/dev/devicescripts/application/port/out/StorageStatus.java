package dev.devicescripts.application.port.out;

import dev.devicescripts.application.Readiness;
import java.util.Optional;

/** Whether storage is ready (it answers now and its schema is the one this build needs), or broken for good. */
public interface StorageStatus {
    Readiness readiness();

    /**
     * Why storage can never work again in this process (its database closed after an error, its file gone), or empty
     * while it can. Unlike a busy or unreachable database, which may come back, only a restart cures this. Storage
     * that cannot break this way, such as memory, keeps the default.
     */
    default Optional<String> broken() {
        return Optional.empty();
    }
}
