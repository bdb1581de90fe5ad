package dev.devicescripts.domain.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * JSON text for the values of audit entries' modified properties, written here once since the domain has no JSON
 * library: the builders of both logs use it, and so does whoever renders a value the domain cannot name (an assign's
 * targets, in Graph's shape).
 */
public final class JsonText {
    private JsonText() {
    }

    /** A JSON string literal of any text (or {@code null}), with every character JSON requires escaped. */
    public static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** A JSON array of the strings, each quoted. */
    public static String stringArray(List<?> values) {
        return array(values.stream().map(value -> quoted(Objects.toString(value, null))).toList());
    }

    /** A JSON array of elements that are JSON text already. */
    public static String array(List<String> elements) {
        return elements.stream().collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON object of the members in order: each name as plain text, followed by its value as JSON text. */
    public static String object(String... namesAndValues) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.add(quoted(namesAndValues[i]) + ":" + namesAndValues[i + 1]);
        }
        return members.stream().collect(Collectors.joining(",", "{", "}"));
    }
}
