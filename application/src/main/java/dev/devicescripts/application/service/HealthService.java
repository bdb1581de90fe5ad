package dev.devicescripts.application.service;

import dev.devicescripts.application.Readiness;
import dev.devicescripts.application.port.in.CheckHealthUseCase;
import dev.devicescripts.application.port.out.StorageStatus;
import java.util.Optional;

/** The service is ready when its storage is, and broken for good when its storage is. */
public final class HealthService implements CheckHealthUseCase {
    private final StorageStatus storage;

    public HealthService(StorageStatus storage) {
        this.storage = storage;
    }

    @Override
    public Readiness readiness() {
        return storage.readiness();
    }

    @Override
    public Optional<String> broken() {
        return storage.broken();
    }
}
