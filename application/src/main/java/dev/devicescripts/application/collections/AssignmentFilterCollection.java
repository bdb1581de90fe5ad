package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.OBJECT_LIST;
import static dev.devicescripts.application.query.ValueType.STRING;
import static dev.devicescripts.application.query.ValueType.STRING_LIST;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code assignmentFilters}: Intune's assignment filters (deviceAndAppManagementAssignmentFilter). */
public final class AssignmentFilterCollection {
    /** Graph's type of a payload that is a device management script (associatedAssignmentPayloadType). */
    public static final String SCRIPT_PAYLOAD_TYPE = "deviceConfigurationAndCompliance";

    public static final Property<FilterDefinition> ID = Property.of("id", GUID, FilterDefinition::id);
    public static final Property<FilterDefinition> CREATED_DATE_TIME =
            Property.of("createdDateTime", DATE_TIME, FilterDefinition::createdDateTime);
    public static final Property<FilterDefinition> LAST_MODIFIED_DATE_TIME =
            Property.of("lastModifiedDateTime", DATE_TIME, FilterDefinition::lastModifiedDateTime);
    public static final Property<FilterDefinition> DISPLAY_NAME =
            Property.of("displayName", STRING, FilterDefinition::displayName);
    public static final Property<FilterDefinition> DESCRIPTION =
            Property.<FilterDefinition>of("description", STRING, FilterDefinition::description).nullable();
    public static final Property<FilterDefinition> PLATFORM = Property.enumeration("platform",
            Arrays.stream(FilterPlatform.values()).map(FilterPlatform::graphName).toList(),
            filter -> filter.platform().graphName());
    public static final Property<FilterDefinition> RULE =
            Property.<FilterDefinition>of("rule", STRING, FilterDefinition::rule).selectOnly();
    public static final Property<FilterDefinition> ROLE_SCOPE_TAGS =
            Property.of("roleScopeTags", STRING_LIST, FilterDefinition::roleScopeTags);
    public static final Property<FilterDefinition> PAYLOADS = Property.of("payloads", OBJECT_LIST,
            filter -> filter.payloads().stream().map(payload -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("payloadId", payload.scriptId().toString());
                json.put("payloadType", SCRIPT_PAYLOAD_TYPE);
                json.put("groupId", payload.groupId());
                json.put("assignmentFilterType", payload.filterType().graphName());
                return json;
            }).toList());
    public static final Property<FilterDefinition> MANAGEMENT_TYPE = Property.enumeration(
            "assignmentFilterManagementType",
            Arrays.stream(FilterManagementType.values()).map(FilterManagementType::graphName).toList(),
            filter -> filter.managementType().graphName());

    /** Intune lists filters in id order unless the client orders them [Decision]. */
    public static final EntitySet<FilterDefinition> ASSIGNMENT_FILTERS = new EntitySet<>(
            "deviceAndAppManagementAssignmentFilter", List.of(ID, CREATED_DATE_TIME, LAST_MODIFIED_DATE_TIME,
            DISPLAY_NAME, DESCRIPTION, PLATFORM, RULE, ROLE_SCOPE_TAGS, PAYLOADS, MANAGEMENT_TYPE), ID, List.of(),
            List.of());

    private AssignmentFilterCollection() {
    }
}
