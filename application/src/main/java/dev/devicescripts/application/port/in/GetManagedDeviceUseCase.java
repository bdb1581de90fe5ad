package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.util.Optional;
import java.util.UUID;

/** Reads one managed device, or its primary user; both throw NotFoundException for an unknown device. */
public interface GetManagedDeviceUseCase {
    ManagedDevice get(Caller caller, UUID id);

    /** The device's primary user; empty when it has none, or names a user that is gone. */
    Optional<User> primaryUser(Caller caller, UUID id);
}
