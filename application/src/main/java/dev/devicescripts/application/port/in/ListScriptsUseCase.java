package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.DeviceManagementScript;

/** Counts and pages through a tenant's scripts; lists carry no script content, as in Graph. */
public interface ListScriptsUseCase extends ListUseCase<DeviceManagementScript> {
}
