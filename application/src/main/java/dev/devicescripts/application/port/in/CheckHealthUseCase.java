package dev.devicescripts.application.port.in;

/** Whether the service can do its work: its storage is migrated and answers. */
public interface CheckHealthUseCase {
    boolean isHealthy();
}
