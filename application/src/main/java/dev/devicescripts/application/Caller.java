package dev.devicescripts.application;

import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling and in which request: the tenant the token was issued for, the permissions it grants, the actor the
 * audit logs name (a user signed in through an app, or an app acting as itself) and the request's correlation id.
 * Inbound adapters build it from a verified token and the request; the use cases decide what it may do.
 */
public record Caller(TenantId tenant, Set<String> permissions, Actor actor, UUID correlationId) {

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        permissions = Set.copyOf(permissions);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A caller of no known request (tests, tools): an actor without names, from nowhere, and a new correlation id. */
    public Caller(TenantId tenant, Actor.Kind kind, Set<String> permissions) {
        this(tenant, permissions, new Actor(kind, null, null, null, null, null, null), UUID.randomUUID());
    }

    /** Delegated (scp permissions) or application (roles permissions). */
    public Actor.Kind kind() {
        return actor.kind();
    }
}
