package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.ScriptFilter;
import dev.devicescripts.application.query.ScriptQuery;
import java.util.Optional;

/** Counts and pages through a tenant's scripts; lists carry no script content, as in Graph. */
public interface ListScriptsUseCase {
    ScriptPage list(Caller caller, ScriptQuery query);

    /** How many of the tenant's scripts match the filter (all of them when it is empty). */
    long count(Caller caller, Optional<ScriptFilter> filter);
}
