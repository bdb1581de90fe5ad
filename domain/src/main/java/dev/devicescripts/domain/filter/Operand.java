package dev.devicescripts.domain.filter;

import java.util.List;
import java.util.Objects;

/** What a comparison compares a property with. */
public sealed interface Operand {

    /** A double-quoted string, trimmed (a value of spaces only is kept as written: {@code -contains " "}). */
    record Text(String value) implements Operand {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The list of {@code -in} and {@code -notIn}; a bare string is a one-item list. Items trimmed as Text's. */
    record TextList(List<String> values) implements Operand {
        public TextList {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("A list holds at least one item");
            }
        }
    }

    /** {@code null} or {@code $null}. */
    record Null() implements Operand {
    }

    /** A version of {@code operatingSystemVersion}, bare or quoted; {@code text} as the rule wrote it, unquoted. */
    record Version(OsVersion version, String text) implements Operand {
        public Version {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(text, "text");
        }
    }
}
