package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts and pages through the managed devices whose primary user is this user. Both throw NotFoundException (the
 * directory's) when the user does not exist.
 */
public interface ListUserManagedDevicesUseCase {
    Page<ManagedDevice> list(Caller caller, UUID userId, Query<ManagedDevice> query);

    long count(Caller caller, UUID userId, Optional<Filter<ManagedDevice>> filter);
}
