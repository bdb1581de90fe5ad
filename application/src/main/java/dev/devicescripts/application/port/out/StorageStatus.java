package dev.devicescripts.application.port.out;

import dev.devicescripts.application.Readiness;

/** Whether storage is ready: it answers now and its schema is the one this build needs. */
public interface StorageStatus {
    Readiness readiness();
}
