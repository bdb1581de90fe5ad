package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import java.util.Optional;

/** Counts and pages through one of a tenant's collections: what every Graph collection's list serves. */
public interface ListUseCase<T> {
    Page<T> list(Caller caller, Query<T> query);

    /** How many of the tenant's items match the filter (all of them when it is empty). */
    long count(Caller caller, Optional<Filter<T>> filter);
}
