package dev.devicescripts.application.service;

import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counts of recent filter previews, reused while the tenant's directory keeps its revision. A preview's page is
 * cheap in the store whatever the tenant's size (an index gives the devices in order), but its TotalRowCount reads
 * every matching device; a client paging through one rule, or asking it again, asks the same count, so it is counted
 * once per revision. Bounded: the least recently used count goes first.
 */
final class PreviewCounts {
    private static final int MAX_COUNTS = 1_000;

    /** Conditions are records over the collections' property constants, so equal rules give equal keys. */
    private record Key(TenantId tenant, long revision, Filter<ManagedDevice> condition) {
    }

    private final Map<Key, Long> counts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
            return size() > MAX_COUNTS;
        }
    };

    /** The number of the tenant's managed devices that meet the condition, as {@code reads} counts them. */
    long count(TenantId tenant, DirectoryReads reads, Filter<ManagedDevice> condition) {
        // The revision first: a count read after it is at least as new as the state it names.
        Key key = new Key(tenant, reads.revision(), condition);
        synchronized (counts) {
            Long known = counts.get(key);
            if (known != null) {
                return known;
            }
        }
        long counted = reads.countManagedDevices(Optional.of(condition));
        synchronized (counts) {
            counts.put(key, counted);
        }
        return counted;
    }
}
