package dev.devicescripts.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an assignment filter narrows a target: not at all, to matching devices, or to the others. */
public enum AssignmentFilterType {
    NONE, INCLUDE, EXCLUDE;

    /** The name Graph writes, {@code none}, {@code include} or {@code exclude}. */
    public String graphName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssignmentFilterType fromGraphName(String name, String field) {
        return Arrays.stream(values())
                .filter(type -> type.graphName().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of "
                        + Arrays.stream(values()).map(AssignmentFilterType::graphName).collect(Collectors.joining(", "))
                        + "."));
    }
}
