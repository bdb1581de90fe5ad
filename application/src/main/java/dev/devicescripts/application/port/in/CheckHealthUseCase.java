package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Readiness;

/** Whether the service can do its work: its storage answers and its schema is current. */
public interface CheckHealthUseCase {
    Readiness readiness();
}
