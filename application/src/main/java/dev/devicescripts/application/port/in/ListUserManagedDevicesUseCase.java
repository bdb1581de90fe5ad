package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.Optional;

/**
 * Counts and pages through the managed devices whose primary user is the user {@code userKey} names: its object id
 * or its userPrincipalName, as {@code /users/{key}} takes it. Both throw NotFoundException (the directory's) when the
 * user does not exist.
 */
public interface ListUserManagedDevicesUseCase {
    Page<ManagedDevice> list(Caller caller, String userKey, Query<ManagedDevice> query);

    long count(Caller caller, String userKey, Optional<Filter<ManagedDevice>> filter);
}
