package dev.devicescripts.application.port.out;

/** Whether storage is ready: its schema is current and it answers now. */
public interface StorageStatus {
    boolean isReady();
}
