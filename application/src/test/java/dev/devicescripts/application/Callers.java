package dev.devicescripts.application;

import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.util.Set;

/** Callers for use-case tests: who may do what is {@link Access}'s business, tested in AccessTest. */
public final class Callers {
    private Callers() {
    }

    /** A signed-in admin who may read and write the tenant's scripts. */
    public static Caller admin(TenantId tenant) {
        return new Caller(tenant, Actor.Kind.DELEGATED, Set.of("DeviceManagementScripts.ReadWrite.All"));
    }

    /** A signed-in user who may only read the tenant's scripts. */
    public static Caller reader(TenantId tenant) {
        return new Caller(tenant, Actor.Kind.DELEGATED, Set.of("DeviceManagementScripts.Read.All"));
    }
}
