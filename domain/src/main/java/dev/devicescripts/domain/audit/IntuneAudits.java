package dev.devicescripts.domain.audit;

import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.filter.FilterDefinition;
import java.util.List;

/** The entries of Intune's log for each change to a script, its assignments or a filter (targeting.md 1.5). */
public final class IntuneAudits {
    public static final String CATEGORY = "DeviceConfiguration";
    public static final String SCRIPT_TYPE = "DeviceManagementScript";
    public static final String FILTER_TYPE = "DeviceAndAppManagementAssignmentFilter";
    /** Intune's audit categories, in Graph's order (getAuditCategories); devicescripts writes only CATEGORY. */
    public static final List<String> CATEGORIES = List.of("Other", "Enrollment", "Compliance", CATEGORY, "Device",
            "Application", "EBookManagement", "ConditionalAccess", "OnPremiseAccess", "Role", "SoftwareUpdates",
            "DeviceSetupConfiguration");
    /** Every activity type the builders below write, all of CATEGORY (getAuditActivityTypes). */
    public static final List<String> ACTIVITY_TYPES = List.of("Create " + SCRIPT_TYPE, "Patch " + SCRIPT_TYPE,
            "Delete " + SCRIPT_TYPE, "Assign " + SCRIPT_TYPE, "Create " + FILTER_TYPE, "Patch " + FILTER_TYPE,
            "Delete " + FILTER_TYPE);

    private IntuneAudits() {
    }

    public static AuditEvent scriptCreated(Stamp stamp, DeviceManagementScript script) {
        return event(stamp, "Create", SCRIPT_TYPE, script.properties().displayName(), script.id().toString(),
                List.of());
    }

    public static AuditEvent scriptPatched(Stamp stamp, DeviceManagementScript before, DeviceManagementScript after) {
        return event(stamp, "Patch", SCRIPT_TYPE, after.properties().displayName(), after.id().toString(),
                List.of());
    }

    public static AuditEvent scriptDeleted(Stamp stamp, DeviceManagementScript script) {
        return event(stamp, "Delete", SCRIPT_TYPE, script.properties().displayName(), script.id().toString(),
                List.of());
    }

    /** {@code Assign DeviceManagementScript}, an Action [Decision]: modifiedProperty assignments, old and new sets. */
    public static AuditEvent assigned(Stamp stamp, ScriptId scriptId, String displayName, AssignmentSet before,
                                      AssignmentSet after) {
        return new AuditEvent(stamp.id(), "Assign " + SCRIPT_TYPE, "Action", CATEGORY, stamp.at(),
                stamp.correlationId(), stamp.actor(),
                List.of(new AuditResource(displayName, SCRIPT_TYPE, scriptId.toString(), List.of())));
    }

    public static AuditEvent filterCreated(Stamp stamp, FilterDefinition filter) {
        return event(stamp, "Create", FILTER_TYPE, filter.displayName(), filter.id().toString(), List.of());
    }

    public static AuditEvent filterPatched(Stamp stamp, FilterDefinition before, FilterDefinition after) {
        return event(stamp, "Patch", FILTER_TYPE, after.displayName(), after.id().toString(), List.of());
    }

    public static AuditEvent filterDeleted(Stamp stamp, FilterDefinition filter) {
        return event(stamp, "Delete", FILTER_TYPE, filter.displayName(), filter.id().toString(), List.of());
    }

    private static AuditEvent event(Stamp stamp, String operation, String type, String displayName, String id,
                                    List<ModifiedProperty> modified) {
        return new AuditEvent(stamp.id(), operation + " " + type, operation, CATEGORY, stamp.at(),
                stamp.correlationId(), stamp.actor(), List.of(new AuditResource(displayName, type, id, modified)));
    }
}
