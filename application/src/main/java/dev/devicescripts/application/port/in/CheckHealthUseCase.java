package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Readiness;
import java.util.Optional;

/** Whether the service can do its work (its storage answers and its schema is current), or never can again. */
public interface CheckHealthUseCase {
    Readiness readiness();

    /** Why the service can never work again until it restarts, or empty while it can (see StorageStatus#broken). */
    default Optional<String> broken() {
        return Optional.empty();
    }
}
