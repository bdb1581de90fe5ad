package dev.devicescripts.application.port.out;

import java.time.Instant;

/** The current time, for createdDateTime and lastModifiedDateTime. */
public interface TimeSource {
    Instant now();
}
