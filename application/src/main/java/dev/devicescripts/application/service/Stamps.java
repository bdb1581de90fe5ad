package dev.devicescripts.application.service;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.domain.audit.Stamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The stamp of an audit entry of the caller's request: a new id, a time, the caller's actor and correlation id. */
final class Stamps {
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC_4122 = 0x8000_0000_0000_0000L;

    private Stamps() {
    }

    static Stamp of(Caller caller, TimeSource time) {
        return of(caller, time.now());
    }

    /** Stamped at the time the change itself took, such as a script's new lastModifiedDateTime. */
    static Stamp of(Caller caller, Instant at) {
        return new Stamp(newId(at), at, caller.actor(), caller.correlationId());
    }

    /**
     * A GUID that starts with its entry's time in milliseconds (RFC 9562's version 7), then random bits: new entries
     * go to the end of the stores' indexes by id instead of anywhere in them, so a commit rewrites a few index pages
     * rather than one per entry (H2 writes every page a commit changed anew).
     */
    static UUID newId(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = at.toEpochMilli() << 16 | VERSION_7 | random.nextLong() & 0x0FFFL;
        long leastSignificant = VARIANT_RFC_4122 | random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        return new UUID(mostSignificant, leastSignificant);
    }
}
