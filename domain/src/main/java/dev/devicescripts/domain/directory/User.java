package dev.devicescripts.domain.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A directory user. An enabled user holding at least one license is among "All licensed users" (targeting.md open
 * question 14).
 */
public record User(UUID id, String displayName, String userPrincipalName, boolean accountEnabled, String mail,
                   String mailNickname, Instant createdDateTime, List<AssignedLicense> assignedLicenses)
        implements DirectoryObject {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        assignedLicenses = List.copyOf(assignedLicenses);
    }

    public User withCreatedDateTime(Instant created) {
        return new User(id, displayName, userPrincipalName, accountEnabled, mail, mailNickname, created,
                assignedLicenses);
    }

    public boolean isLicensed() {
        return accountEnabled && !assignedLicenses.isEmpty();
    }

    @Override
    public Kind kind() {
        return Kind.USER;
    }
}
