package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.UUID;

/** Writes one managed device as a seed document would, for a caller allowed to seed. */
public interface SeedManagedDeviceUseCase {
    /** Creates or replaces the device, as the seed applies one, and returns it as stored. */
    ManagedDevice put(Caller caller, SeedItem.SeedManagedDevice device);

    /** The device as stored, for a change to it; NotFoundException when there is none. */
    ManagedDevice get(Caller caller, UUID id);

    /** As DeleteManagedDeviceUseCase, with the seed's permission. */
    void delete(Caller caller, UUID id);
}
