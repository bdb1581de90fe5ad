package dev.devicescripts.adapter.http.managed;

import dev.devicescripts.application.port.in.DeleteManagedDeviceUseCase;
import dev.devicescripts.application.port.in.GetManagedDeviceUseCase;
import dev.devicescripts.application.port.in.ListManagedDevicesUseCase;
import dev.devicescripts.application.port.in.ListUserManagedDevicesUseCase;
import java.util.Objects;

/** The use cases the managed device routes call. */
public record ManagedDeviceUseCases(ListManagedDevicesUseCase list, GetManagedDeviceUseCase get,
                                    DeleteManagedDeviceUseCase delete, ListUserManagedDevicesUseCase ofUser) {
    public ManagedDeviceUseCases {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(ofUser, "ofUser");
    }
}
