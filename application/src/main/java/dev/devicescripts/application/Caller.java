package dev.devicescripts.application;

import dev.devicescripts.domain.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the tenant the token was issued for, whether a user signed in (delegated) or an app acts for
 * itself (application), and the permissions the token grants. Inbound adapters build it from a verified token; the
 * use cases decide what it may do.
 */
public record Caller(TenantId tenant, Kind kind, Set<String> permissions) {

    public enum Kind {
        /** A user signed in through an app; permissions come from the token's scp claim. */
        DELEGATED,
        /** An app acting as itself; permissions come from the token's roles claim. */
        APPLICATION
    }

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        permissions = Set.copyOf(permissions);
    }
}
