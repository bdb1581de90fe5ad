package dev.devicescripts.domain.filter;

import java.util.Arrays;
import java.util.Optional;

/** What an assignment filter's rule reads: a managed device's properties ({@code device.*}) or an app's. */
public enum FilterManagementType {
    DEVICES("devices"),
    APPS("apps"),
    UNKNOWN_FUTURE_VALUE("unknownFutureValue");

    private final String graphName;

    FilterManagementType(String graphName) {
        this.graphName = graphName;
    }

    public String graphName() {
        return graphName;
    }

    public static Optional<FilterManagementType> of(String name) {
        return Arrays.stream(values()).filter(type -> type.graphName.equals(name)).findFirst();
    }
}
