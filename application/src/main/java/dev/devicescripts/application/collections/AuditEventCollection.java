package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.OBJECT;
import static dev.devicescripts.application.query.ValueType.OBJECT_LIST;
import static dev.devicescripts.application.query.ValueType.STRING;
import static dev.devicescripts.application.query.ValueType.STRING_LIST;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.audit.Actor;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.AuditResource;
import dev.devicescripts.domain.audit.ModifiedProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code deviceManagement/auditEvents}: Intune's log of changes to scripts, their assignments and filters. */
public final class AuditEventCollection {
    /** Every entry records a successful write: refused requests write none. */
    public static final String SUCCESS = "Success";

    public static final Property<AuditEvent> ID = Property.of("id", GUID, AuditEvent::id);
    public static final Property<AuditEvent> DISPLAY_NAME = Property.of("displayName", STRING, AuditEvent::activity);
    public static final Property<AuditEvent> COMPONENT_NAME =
            Property.of("componentName", STRING, AuditEvent::category);
    public static final Property<AuditEvent> ACTOR = Property.of("actor", OBJECT, event -> actor(event.actor()));
    public static final Property<AuditEvent> ACTIVITY = Property.of("activity", STRING, AuditEvent::activity);
    public static final Property<AuditEvent> ACTIVITY_DATE_TIME =
            Property.of("activityDateTime", DATE_TIME, AuditEvent::activityDateTime);
    public static final Property<AuditEvent> ACTIVITY_TYPE =
            Property.of("activityType", STRING, AuditEvent::activity);
    public static final Property<AuditEvent> ACTIVITY_OPERATION_TYPE =
            Property.of("activityOperationType", STRING, AuditEvent::operationType);
    public static final Property<AuditEvent> ACTIVITY_RESULT =
            Property.of("activityResult", STRING, event -> SUCCESS);
    public static final Property<AuditEvent> CORRELATION_ID =
            Property.of("correlationId", GUID, AuditEvent::correlationId);
    public static final Property<AuditEvent> RESOURCES = Property.of("resources", OBJECT_LIST,
            event -> event.resources().stream().map(AuditEventCollection::resource).toList());
    public static final Property<AuditEvent> CATEGORY = Property.of("category", STRING, AuditEvent::category);
    /** What {@code resources/any(r:r/resourceId eq '...')} tests: the ids of the resources the event changed. */
    public static final Property<AuditEvent> RESOURCE_IDS = Property.<AuditEvent>of("resources/resourceId",
            STRING_LIST, event -> event.resources().stream().map(AuditResource::resourceId).toList())
            .filterableByAny().filterOnly();

    /** Newest first, as Intune lists its log [Observed]; the id breaks ties. */
    public static final EntitySet<AuditEvent> AUDIT_EVENTS = new EntitySet<>("auditEvent", List.of(ID, DISPLAY_NAME,
            COMPONENT_NAME, ACTOR, ACTIVITY, ACTIVITY_DATE_TIME, ACTIVITY_TYPE, ACTIVITY_OPERATION_TYPE,
            ACTIVITY_RESULT, CORRELATION_ID, RESOURCES, CATEGORY, RESOURCE_IDS), ID,
            List.of(new SortKey<>(ACTIVITY_DATE_TIME, true)), List.of());

    private AuditEventCollection() {
    }

    /** Graph's auditActor: ItPro for a user signed in, Application for an app acting as itself [Decision]. */
    private static Map<String, Object> actor(Actor actor) {
        String type = actor.kind() == Actor.Kind.DELEGATED ? "ItPro" : "Application";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("auditActorType", type);
        json.put("userPermissions", List.of());
        json.put("applicationId", actor.appId());
        json.put("applicationDisplayName", actor.appDisplayName());
        json.put("userPrincipalName", actor.userPrincipalName());
        json.put("servicePrincipalName", null);
        json.put("ipAddress", actor.ipAddress());
        json.put("userId", actor.userId());
        json.put("userRoleScopeTags", List.of());
        json.put("remoteTenantId", null);
        json.put("remoteUserId", null);
        return json;
    }

    private static Map<String, Object> resource(AuditResource resource) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("displayName", resource.displayName());
        json.put("type", resource.type());
        json.put("auditResourceType", resource.type());
        json.put("resourceId", resource.resourceId());
        json.put("modifiedProperties", modifiedProperties(resource.modifiedProperties()));
        return json;
    }

    /** The modifiedProperties of both logs: {displayName, oldValue, newValue}, values as strings. */
    static List<Map<String, Object>> modifiedProperties(List<ModifiedProperty> properties) {
        return properties.stream().map(property -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("displayName", property.displayName());
            json.put("oldValue", property.oldValue());
            json.put("newValue", property.newValue());
            return json;
        }).toList();
    }
}
