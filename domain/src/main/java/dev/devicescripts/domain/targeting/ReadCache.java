package dev.devicescripts.domain.targeting;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One batched lookup of a {@link TargetingDirectory}, remembered for one answer: each id is asked for once, and the
 * ids not asked for yet in one call.
 */
final class ReadCache<V> {
    private final Function<Collection<UUID>, Map<UUID, V>> read;
    /** Null values: the id names nothing. */
    private final Map<UUID, V> known = new HashMap<>();

    ReadCache(Function<Collection<UUID>, Map<UUID, V>> read) {
        this.read = read;
    }

    /** Reads the ids not read yet, in one call (none when every id is known). */
    void load(Collection<UUID> ids) {
        List<UUID> missing = ids.stream().filter(Objects::nonNull).filter(id -> !known.containsKey(id)).distinct()
                .toList();
        if (!missing.isEmpty()) {
            Map<UUID, V> found = read.apply(missing);
            missing.forEach(id -> known.put(id, found.get(id)));
        }
    }

    /** The value of the id; null when it names nothing (or is null). */
    V get(UUID id) {
        if (id == null) {
            return null;
        }
        if (!known.containsKey(id)) {
            load(List.of(id));
        }
        return known.get(id);
    }

    V getOrDefault(UUID id, V otherwise) {
        V value = get(id);
        return value == null ? otherwise : value;
    }

    /** The ids that name something, with their values. */
    Map<UUID, V> getAll(Collection<UUID> ids) {
        load(ids);
        Map<UUID, V> found = new HashMap<>();
        ids.stream().filter(Objects::nonNull).filter(id -> known.get(id) != null)
                .forEach(id -> found.put(id, known.get(id)));
        return found;
    }

    /** Forgets what was read, so that a long walk holds only its current page of subjects. */
    void clear() {
        known.clear();
    }
}
