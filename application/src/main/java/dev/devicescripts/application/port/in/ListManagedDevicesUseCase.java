package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.directory.ManagedDevice;

/** Counts and pages through a tenant's Intune managed devices. */
public interface ListManagedDevicesUseCase extends ListUseCase<ManagedDevice> {
}
