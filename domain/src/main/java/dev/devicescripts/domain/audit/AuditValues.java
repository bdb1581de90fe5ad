package dev.devicescripts.domain.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The values of modified properties, for both logs: strings as Graph writes them (text as is, booleans
 * {@code true}/{@code false}, enums by Graph name, lists and objects as {@link JsonText}).
 */
final class AuditValues {
    private AuditValues() {
    }

    /** A property of a changed object: its Graph name and its value as a modified property shows it, null if unset. */
    record Field<T>(String name, Function<T, String> value) {
    }

    /**
     * For a new object ({@code before} null) every property it sets, with oldValue null; else the properties whose
     * value differs, old and new.
     */
    static <T> List<ModifiedProperty> changes(List<Field<T>> fields, T before, T after) {
        List<ModifiedProperty> changed = new ArrayList<>();
        for (Field<T> field : fields) {
            String old = before == null ? null : field.value().apply(before);
            String now = field.value().apply(after);
            if (before == null ? now != null : !Objects.equals(old, now)) {
                changed.add(new ModifiedProperty(field.name(), old, now));
            }
        }
        return changed;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
