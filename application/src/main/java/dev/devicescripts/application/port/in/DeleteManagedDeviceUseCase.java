package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import java.util.UUID;

/** Removes Intune's record of a device and its run states; its Entra device stays. NotFoundException if none. */
public interface DeleteManagedDeviceUseCase {
    void delete(Caller caller, UUID id);
}
