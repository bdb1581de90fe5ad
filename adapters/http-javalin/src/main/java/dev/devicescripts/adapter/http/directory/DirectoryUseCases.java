package dev.devicescripts.adapter.http.directory;

import dev.devicescripts.application.port.in.DeviceUseCases;
import dev.devicescripts.application.port.in.GroupUseCases;
import dev.devicescripts.application.port.in.UserUseCases;
import java.util.Objects;

/** The use cases the directory's routes call. */
public record DirectoryUseCases(GroupUseCases groups, UserUseCases users, DeviceUseCases devices) {
    public DirectoryUseCases {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(devices, "devices");
    }
}
