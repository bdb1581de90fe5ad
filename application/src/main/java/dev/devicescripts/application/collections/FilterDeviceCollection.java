package dev.devicescripts.application.collections;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.FilterRule;

/**
 * Managed devices as assignment filter rules and their preview see them: the stored properties rules read, under
 * the names of {@link ManagedDeviceCollection}, and the ones Graph does not serve (isTpmAttested, the parts of the
 * osVersion). Not a Graph collection: queries over it come from rules, never from a client's $filter.
 */
public final class FilterDeviceCollection {
    public static final EntitySet<ManagedDevice> FILTER_DEVICES = null; // helper B

    private FilterDeviceCollection() {
    }

    /** The condition that holds for exactly the devices {@code rule} matches ({@link FilterRule#matches}). */
    public static Filter<ManagedDevice> matching(FilterRule rule) {
        throw new UnsupportedOperationException("helper B");
    }

    /** The condition that holds for the managed devices of the platform (their operatingSystem). */
    public static Filter<ManagedDevice> ofPlatform(FilterPlatform platform) {
        throw new UnsupportedOperationException("helper B");
    }
}
