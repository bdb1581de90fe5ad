package dev.devicescripts.domain;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A value or request broke one of the model's rules. {@code field} names what broke it: in the domain's own terms
 * (for example {@code displayName} or {@code filterId}) when the domain refused it, and an adapter gives it its
 * clients' name with {@link #named}; the way a client wrote it (for example {@code target.groupId}) when an adapter
 * reading a request refused it. The message is the field followed by the rule it broke.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;
    private final List<String> subjects;

    /**
     * @param rule     what was broken, in words
     * @param subjects the other subjects the rule refers to, in domain terms, one for each {@code %s} in {@code rule}
     *                 (a rule without subjects is taken as written)
     */
    public InvalidInputException(String field, String rule, String... subjects) {
        super(field + " " + render(rule, List.of(subjects), UnaryOperator.identity()));
        this.field = field;
        this.rule = rule;
        this.subjects = List.of(subjects);
    }

    public String field() {
        return field;
    }

    /** The same violation seen from an enclosing object, e.g. {@code target.groupId} inside {@code assignments[2]}. */
    public InvalidInputException within(String parent) {
        return new InvalidInputException(parent + "." + field, rule, subjects.toArray(String[]::new));
    }

    /** The same violation with its field and the subjects of its rule named by {@code names}, as clients know them. */
    public InvalidInputException named(UnaryOperator<String> names) {
        return new InvalidInputException(names.apply(field), render(rule, subjects, names));
    }

    private static String render(String rule, List<String> subjects, UnaryOperator<String> names) {
        return subjects.isEmpty() ? rule : String.format(Locale.ROOT, rule, subjects.stream().map(names).toArray());
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required and must not be null.");
        }
        return value;
    }
}
