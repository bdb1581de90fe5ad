package dev.devicescripts.adapter.persistence.memory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Maps a draft shares with the committed state it was made from: the first change copies the map, and a change of an
 * inner collection copies that one, once per draft. A write thus costs what it changes (plus one shallow copy), and
 * the committed state, which readers use without locks, is never changed.
 */
final class CopyOnWrite {
    private CopyOnWrite() {
    }

    /** A map of values that are replaced whole. */
    static final class Flat<K, V> {
        private Map<K, V> map;
        private boolean own;

        Flat(Map<K, V> map) {
            this.map = map;
        }

        Map<K, V> read() {
            return map;
        }

        Map<K, V> edit() {
            if (!own) {
                map = new HashMap<>(map);
                own = true;
            }
            return map;
        }

        /** A new draft's view of this map, which must no longer change. */
        Flat<K, V> draft() {
            return new Flat<>(map);
        }
    }

    /** A map of collections (a group's members, a script's run states) changed element by element. */
    static final class Nested<K, C> {
        private final Flat<K, C> outer;
        private final UnaryOperator<C> copy;
        private final Set<K> ownInner = new HashSet<>();

        Nested(Map<K, C> map, UnaryOperator<C> copy) {
            this.outer = new Flat<>(map);
            this.copy = copy;
        }

        /** The collection of {@code key}, or null; never to be changed. */
        C read(K key) {
            return outer.read().get(key);
        }

        Map<K, C> read() {
            return outer.read();
        }

        /** The collection of {@code key} to change, copied first if the draft does not own it yet; null if none. */
        C edit(K key) {
            C inner = outer.read().get(key);
            if (inner == null || ownInner.contains(key)) {
                return inner;
            }
            C copied = copy.apply(inner);
            outer.edit().put(key, copied);
            ownInner.add(key);
            return copied;
        }

        /** The collection of {@code key} to change, made (as a copy of {@code empty}) when there is none yet. */
        C editOrAdd(K key, C empty) {
            C inner = edit(key);
            if (inner != null) {
                return inner;
            }
            C created = copy.apply(empty);
            outer.edit().put(key, created);
            ownInner.add(key);
            return created;
        }

        void remove(K key) {
            if (outer.read().containsKey(key)) {
                outer.edit().remove(key);
                ownInner.remove(key);
            }
        }

        Nested<K, C> draft() {
            return new Nested<>(outer.read(), copy);
        }
    }
}
