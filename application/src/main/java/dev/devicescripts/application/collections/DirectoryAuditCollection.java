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
import dev.devicescripts.domain.audit.DirectoryAudit;
import dev.devicescripts.domain.audit.TargetResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code auditLogs/directoryAudits}: Entra's log of changes to groups, members, users and devices. */
public final class DirectoryAuditCollection {
    /** Every entry records a successful write: refused requests write none. */
    public static final String SUCCESS = "success";

    public static final Property<DirectoryAudit> ID = Property.of("id", GUID, DirectoryAudit::id);
    public static final Property<DirectoryAudit> CATEGORY = Property.of("category", STRING, DirectoryAudit::category);
    public static final Property<DirectoryAudit> CORRELATION_ID =
            Property.of("correlationId", GUID, DirectoryAudit::correlationId);
    public static final Property<DirectoryAudit> RESULT = Property.of("result", STRING, audit -> SUCCESS);
    public static final Property<DirectoryAudit> RESULT_REASON =
            Property.<DirectoryAudit>of("resultReason", STRING, audit -> "").selectOnly();
    public static final Property<DirectoryAudit> ACTIVITY_DISPLAY_NAME =
            Property.of("activityDisplayName", STRING, DirectoryAudit::activityDisplayName);
    public static final Property<DirectoryAudit> ACTIVITY_DATE_TIME =
            Property.of("activityDateTime", DATE_TIME, DirectoryAudit::activityDateTime);
    public static final Property<DirectoryAudit> LOGGED_BY_SERVICE =
            Property.of("loggedByService", STRING, DirectoryAudit::loggedByService);
    public static final Property<DirectoryAudit> OPERATION_TYPE =
            Property.of("operationType", STRING, DirectoryAudit::operationType);
    public static final Property<DirectoryAudit> INITIATED_BY =
            Property.of("initiatedBy", OBJECT, audit -> initiatedBy(audit.initiatedBy()));
    public static final Property<DirectoryAudit> TARGET_RESOURCES = Property.of("targetResources", OBJECT_LIST,
            audit -> audit.targetResources().stream().map(DirectoryAuditCollection::targetResource).toList());
    public static final Property<DirectoryAudit> ADDITIONAL_DETAILS = Property.of("additionalDetails", OBJECT_LIST,
            audit -> audit.additionalDetails().stream().map(detail -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("key", detail.key());
                json.put("value", detail.value());
                return json;
            }).toList());
    public static final Property<DirectoryAudit> INITIATED_BY_USER_ID = Property.<DirectoryAudit>of(
            "initiatedBy/user/id", STRING, audit -> user(audit.initiatedBy()) ? audit.initiatedBy().userId() : null)
            .nullable().filterOnly();
    public static final Property<DirectoryAudit> INITIATED_BY_USER_PRINCIPAL_NAME = Property.<DirectoryAudit>of(
            "initiatedBy/user/userPrincipalName", STRING,
            audit -> user(audit.initiatedBy()) ? audit.initiatedBy().userPrincipalName() : null)
            .nullable().filterOnly();
    public static final Property<DirectoryAudit> INITIATED_BY_APP_ID = Property.<DirectoryAudit>of(
            "initiatedBy/app/appId", STRING, audit -> user(audit.initiatedBy()) ? null : audit.initiatedBy().appId())
            .nullable().filterOnly();
    /** What {@code targetResources/any(t:t/id eq '...')} tests. */
    public static final Property<DirectoryAudit> TARGET_RESOURCE_IDS = Property.<DirectoryAudit>of(
            "targetResources/id", STRING_LIST,
            audit -> audit.targetResources().stream().map(TargetResource::id).toList()).filterableByAny().filterOnly();

    /** Newest first, as Entra lists its log [Observed]; the id breaks ties. */
    public static final EntitySet<DirectoryAudit> DIRECTORY_AUDITS = new EntitySet<>("directoryAudit", List.of(ID,
            CATEGORY, CORRELATION_ID, RESULT, RESULT_REASON, ACTIVITY_DISPLAY_NAME, ACTIVITY_DATE_TIME,
            LOGGED_BY_SERVICE, OPERATION_TYPE, INITIATED_BY, TARGET_RESOURCES, ADDITIONAL_DETAILS,
            INITIATED_BY_USER_ID, INITIATED_BY_USER_PRINCIPAL_NAME, INITIATED_BY_APP_ID, TARGET_RESOURCE_IDS), ID,
            List.of(new SortKey<>(ACTIVITY_DATE_TIME, true)), List.of());

    private DirectoryAuditCollection() {
    }

    private static boolean user(Actor actor) {
        return actor.kind() == Actor.Kind.DELEGATED;
    }

    /** {"user": {...}, "app": null} for a user signed in, the other way round for an app acting as itself. */
    private static Map<String, Object> initiatedBy(Actor actor) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (user(actor)) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", actor.userId());
            user.put("displayName", actor.userDisplayName());
            user.put("userPrincipalName", actor.userPrincipalName());
            user.put("ipAddress", actor.ipAddress());
            json.put("user", user);
            json.put("app", null);
        } else {
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("appId", actor.appId());
            app.put("displayName", actor.appDisplayName());
            app.put("servicePrincipalId", null);
            app.put("servicePrincipalName", null);
            json.put("user", null);
            json.put("app", app);
        }
        return json;
    }

    private static Map<String, Object> targetResource(TargetResource resource) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", resource.id());
        json.put("displayName", resource.displayName());
        json.put("type", resource.type());
        json.put("userPrincipalName", resource.userPrincipalName());
        json.put("modifiedProperties", AuditEventCollection.modifiedProperties(resource.modifiedProperties()));
        return json;
    }
}
