package dev.devicescripts.application.service;

import dev.devicescripts.application.port.in.CheckHealthUseCase;
import dev.devicescripts.application.port.out.StorageStatus;

/** The service is healthy when its storage is. */
public final class HealthService implements CheckHealthUseCase {
    private final StorageStatus storage;

    public HealthService(StorageStatus storage) {
        this.storage = storage;
    }

    @Override
    public boolean isHealthy() {
        return storage.isReady();
    }
}
