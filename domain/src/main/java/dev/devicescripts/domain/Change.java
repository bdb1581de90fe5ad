package dev.devicescripts.domain;

/**
 * One property of a PATCH: left as it is (the client did not send it) or set to a value, which may be null (the
 * client sent {@code null}). Plain null cannot tell those two apart.
 */
public sealed interface Change<T> {

    T applyTo(T current);

    @SuppressWarnings("unchecked")
    static <T> Change<T> keep() {
        return (Change<T>) Keep.INSTANCE;
    }

    static <T> Change<T> to(T value) {
        return new SetTo<>(value);
    }

    /** The property is not part of the PATCH. */
    final class Keep<T> implements Change<T> {
        private static final Keep<Object> INSTANCE = new Keep<>();

        private Keep() {
        }

        @Override
        public T applyTo(T current) {
            return current;
        }

        @Override
        public String toString() {
            return "keep";
        }
    }

    /** The property takes the given value. */
    record SetTo<T>(T value) implements Change<T> {
        @Override
        public T applyTo(T current) {
            return value;
        }
    }
}
