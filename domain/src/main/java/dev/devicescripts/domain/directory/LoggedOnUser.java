package dev.devicescripts.domain.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A user who signed in on a managed device, and when last. */
public record LoggedOnUser(UUID userId, Instant lastLogOnDateTime) {
    public LoggedOnUser {
        Objects.requireNonNull(userId, "userId");
    }
}
