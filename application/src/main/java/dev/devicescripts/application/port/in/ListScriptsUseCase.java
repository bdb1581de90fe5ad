package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;

/** Counts and pages through a tenant's scripts, oldest first; lists carry no script content, as in Graph. */
public interface ListScriptsUseCase {
    ScriptPage list(Caller caller, PageRequest page);

    /** How many scripts the tenant has. */
    long count(Caller caller);
}
