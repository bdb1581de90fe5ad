package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.DeviceManagementScript;
import java.util.Optional;

/** Counts and pages through a tenant's scripts; lists carry no script content, as in Graph. */
public interface ListScriptsUseCase {
    Page<DeviceManagementScript> list(Caller caller, Query<DeviceManagementScript> query);

    /** How many of the tenant's scripts match the filter (all of them when it is empty). */
    long count(Caller caller, Optional<Filter<DeviceManagementScript>> filter);
}
