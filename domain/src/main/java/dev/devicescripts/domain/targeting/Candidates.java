package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The subjects a script may concern, devices and users merged in {@link SubjectOrder} of their ids, read a page at a
 * time where the set is the whole tenant's.
 */
final class Candidates {
    /** How many subjects one read of the tenant's devices or users asks for. */
    static final int PAGE = 200;

    private final Cursor<ManagedDevice> devices;
    private final Cursor<User> users;

    /** A managed device or a user. */
    record Candidate(UUID id, ManagedDevice device, User user) {
        static Candidate of(ManagedDevice device) {
            return new Candidate(device.id(), device, null);
        }

        static Candidate of(User user) {
            return new Candidate(user.id(), null, user);
        }
    }

    Candidates(Cursor<ManagedDevice> devices, Cursor<User> users) {
        this.devices = devices;
        this.users = users;
    }

    boolean hasNext() {
        return devices.peek() != null || users.peek() != null;
    }

    Candidate next() {
        ManagedDevice device = devices.peek();
        User user = users.peek();
        if (user == null || device != null && SubjectOrder.IDS.compare(device.id(), user.id()) <= 0) {
            return Candidate.of(devices.next());
        }
        return Candidate.of(users.next());
    }

    /** Subjects in order, one page of them in memory at a time. */
    static final class Cursor<T> {
        private final BiFunction<Optional<UUID>, Integer, List<T>> read;
        private final Function<T, UUID> id;
        private final Deque<T> buffer = new ArrayDeque<>();
        private Optional<UUID> after;
        private boolean done;

        /** The subjects a paged read gives ({@code read(after, limit)}), from after {@code after} on. */
        Cursor(BiFunction<Optional<UUID>, Integer, List<T>> read, Function<T, UUID> id, Optional<UUID> after) {
            this.read = read;
            this.id = id;
            this.after = after;
        }

        /** The subjects of a set known whole, from after {@code after} on. */
        static <T> Cursor<T> of(Collection<T> subjects, Function<T, UUID> id, Optional<UUID> after) {
            NavigableMap<UUID, T> sorted = new TreeMap<>(SubjectOrder.IDS);
            subjects.forEach(subject -> sorted.put(id.apply(subject), subject));
            return new Cursor<>((from, limit) -> DirectorySnapshot.after(sorted, from, limit), id, after);
        }

        T peek() {
            if (buffer.isEmpty() && !done) {
                List<T> page = read.apply(after, PAGE);
                buffer.addAll(page);
                done = page.isEmpty();
                if (!done) {
                    after = Optional.of(id.apply(page.get(page.size() - 1)));
                }
            }
            return buffer.peekFirst();
        }

        T next() {
            T subject = peek();
            buffer.pollFirst();
            return subject;
        }
    }
}
