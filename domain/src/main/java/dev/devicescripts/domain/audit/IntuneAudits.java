package dev.devicescripts.domain.audit;

import static dev.devicescripts.domain.audit.AuditValues.changes;
import static dev.devicescripts.domain.audit.AuditValues.text;
import static dev.devicescripts.domain.audit.JsonText.stringArray;

import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptContent;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.audit.AuditValues.Field;
import dev.devicescripts.domain.filter.FilterDefinition;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** A script's properties as its JSON names them, in that order. */
    private static final List<Field<DeviceManagementScript>> SCRIPT_FIELDS = List.of(
            new Field<>("displayName", script -> script.properties().displayName()),
            new Field<>("description", script -> script.properties().description()),
            new Field<>("scriptContent", script -> digest(script.properties().scriptContent())),
            new Field<>("fileName", script -> script.properties().fileName()),
            new Field<>("runAsAccount", script -> script.properties().runAsAccount().graphName()),
            new Field<>("enforceSignatureCheck", script -> text(script.properties().enforceSignatureCheck())),
            new Field<>("runAs32Bit", script -> text(script.properties().runAs32Bit())),
            new Field<>("roleScopeTagIds", script -> stringArray(script.properties().roleScopeTagIds())));

    private static final List<Field<FilterDefinition>> FILTER_FIELDS = List.of(
            new Field<>("displayName", FilterDefinition::displayName),
            new Field<>("description", FilterDefinition::description),
            new Field<>("platform", filter -> filter.platform().graphName()),
            new Field<>("rule", FilterDefinition::rule),
            new Field<>("roleScopeTags", filter -> stringArray(filter.roleScopeTags())),
            new Field<>("assignmentFilterManagementType", filter -> filter.managementType().graphName()));

    private IntuneAudits() {
    }

    public static AuditEvent scriptCreated(Stamp stamp, DeviceManagementScript script) {
        return event(stamp, "Create", SCRIPT_TYPE, script.properties().displayName(), script.id().toString(),
                changes(SCRIPT_FIELDS, null, script));
    }

    /** Names the properties the patch changed only; a patch that changed none still has its entry. */
    public static AuditEvent scriptPatched(Stamp stamp, DeviceManagementScript before, DeviceManagementScript after) {
        return event(stamp, "Patch", SCRIPT_TYPE, after.properties().displayName(), after.id().toString(),
                changes(SCRIPT_FIELDS, before, after));
    }

    public static AuditEvent scriptDeleted(Stamp stamp, DeviceManagementScript script) {
        return event(stamp, "Delete", SCRIPT_TYPE, script.properties().displayName(), script.id().toString(),
                List.of());
    }

    /**
     * {@code Assign DeviceManagementScript}, an Action [Decision]: modifiedProperty {@code assignments}, whose values
     * are the whole sets before and after. The caller renders them (JSON arrays of Graph's assignment targets), since
     * the domain does not speak Graph's target type names.
     */
    public static AuditEvent assigned(Stamp stamp, ScriptId scriptId, String displayName, String targetsBefore,
                                      String targetsAfter) {
        ModifiedProperty assignments = new ModifiedProperty(AssignmentSet.ASSIGNMENTS, targetsBefore, targetsAfter);
        return new AuditEvent(stamp.id(), "Assign " + SCRIPT_TYPE, "Action", CATEGORY, stamp.at(),
                stamp.correlationId(), stamp.actor(),
                List.of(new AuditResource(displayName, SCRIPT_TYPE, scriptId.toString(), List.of(assignments))));
    }

    public static AuditEvent filterCreated(Stamp stamp, FilterDefinition filter) {
        return event(stamp, "Create", FILTER_TYPE, filter.displayName(), filter.id().toString(),
                changes(FILTER_FIELDS, null, filter));
    }

    public static AuditEvent filterPatched(Stamp stamp, FilterDefinition before, FilterDefinition after) {
        return event(stamp, "Patch", FILTER_TYPE, after.displayName(), after.id().toString(),
                changes(FILTER_FIELDS, before, after));
    }

    public static AuditEvent filterDeleted(Stamp stamp, FilterDefinition filter) {
        return event(stamp, "Delete", FILTER_TYPE, filter.displayName(), filter.id().toString(), List.of());
    }

    private static AuditEvent event(Stamp stamp, String operation, String type, String displayName, String id,
                                    List<ModifiedProperty> modified) {
        return new AuditEvent(stamp.id(), operation + " " + type, operation, CATEGORY, stamp.at(),
                stamp.correlationId(), stamp.actor(), List.of(new AuditResource(displayName, type, id, modified)));
    }

    /**
     * A script's content as its SHA-256 digest ({@code sha256:} and hex), not the text itself: the log shows that
     * the content changed and tells versions apart, without holding up to 200 KiB per entry.
     */
    private static String digest(ScriptContent content) {
        if (content == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.bytes());
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
