package dev.devicescripts.application.service;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.domain.audit.Stamp;
import java.time.Instant;
import java.util.UUID;

/** The stamp of an audit entry of the caller's request: a new id, a time, the caller's actor and correlation id. */
final class Stamps {
    private Stamps() {
    }

    static Stamp of(Caller caller, TimeSource time) {
        return of(caller, time.now());
    }

    /** Stamped at the time the change itself took, such as a script's new lastModifiedDateTime. */
    static Stamp of(Caller caller, Instant at) {
        return new Stamp(UUID.randomUUID(), at, caller.actor(), caller.correlationId());
    }
}
