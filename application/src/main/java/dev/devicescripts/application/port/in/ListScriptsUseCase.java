package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.TenantId;

/** Counts and pages through a tenant's scripts, oldest first; lists carry no script content, as in Graph. */
public interface ListScriptsUseCase {
    ScriptPage list(TenantId tenant, PageRequest page);

    /** How many scripts the tenant has. */
    long count(TenantId tenant);
}
