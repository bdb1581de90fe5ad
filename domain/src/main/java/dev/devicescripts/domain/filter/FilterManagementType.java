package dev.devicescripts.domain.filter;

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

    /** As {@link FilterPlatform#fromGraphName}. */
    public static FilterManagementType fromGraphName(String name, String field) {
        return GraphNames.member(values(), FilterManagementType::graphName, name, field);
    }
}
