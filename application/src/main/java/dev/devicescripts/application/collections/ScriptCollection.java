package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.BOOLEAN;
import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.STRING;
import static dev.devicescripts.application.query.ValueType.STRING_LIST;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.RunAsAccount;
import java.util.Arrays;
import java.util.List;

/** {@code deviceManagementScripts}: what lists of scripts may be filtered, ordered, selected and expanded by. */
public final class ScriptCollection {
    public static final Property<DeviceManagementScript> ID =
            Property.<DeviceManagementScript>of("id", GUID, script -> script.id().value()).selectOnly();
    public static final Property<DeviceManagementScript> DISPLAY_NAME =
            Property.of("displayName", STRING, script -> script.properties().displayName());
    public static final Property<DeviceManagementScript> DESCRIPTION =
            Property.<DeviceManagementScript>of("description", STRING, script -> script.properties().description())
                    .nullable();
    /** Base64 text of the script; lists leave it out (they read no content), get writes it. */
    public static final Property<DeviceManagementScript> SCRIPT_CONTENT = Property.<DeviceManagementScript>of(
            "scriptContent", STRING, script -> script.properties().scriptContent() == null ? null
                    : script.properties().scriptContent().toBase64()).nullable().selectOnly();
    public static final Property<DeviceManagementScript> CREATED_DATE_TIME =
            Property.of("createdDateTime", DATE_TIME, DeviceManagementScript::createdDateTime);
    public static final Property<DeviceManagementScript> LAST_MODIFIED_DATE_TIME =
            Property.of("lastModifiedDateTime", DATE_TIME, DeviceManagementScript::lastModifiedDateTime);
    public static final Property<DeviceManagementScript> RUN_AS_ACCOUNT = Property.enumeration("runAsAccount",
            Arrays.stream(RunAsAccount.values()).map(RunAsAccount::graphName).toList(),
            script -> script.properties().runAsAccount().graphName());
    public static final Property<DeviceManagementScript> ENFORCE_SIGNATURE_CHECK =
            Property.of("enforceSignatureCheck", BOOLEAN, script -> script.properties().enforceSignatureCheck());
    public static final Property<DeviceManagementScript> FILE_NAME =
            Property.<DeviceManagementScript>of("fileName", STRING, script -> script.properties().fileName())
                    .nullable();
    public static final Property<DeviceManagementScript> ROLE_SCOPE_TAG_IDS = Property.of("roleScopeTagIds",
            STRING_LIST, script -> script.properties().roleScopeTagIds());
    public static final Property<DeviceManagementScript> RUN_AS_32_BIT =
            Property.of("runAs32Bit", BOOLEAN, script -> script.properties().runAs32Bit());

    public static final String ASSIGNMENTS = "assignments";
    public static final String GROUP_ASSIGNMENTS = "groupAssignments";

    /** Lists are oldest first unless the client orders them. */
    public static final EntitySet<DeviceManagementScript> SCRIPTS = new EntitySet<>("deviceManagementScript",
            List.of(ID, DISPLAY_NAME, DESCRIPTION, SCRIPT_CONTENT, CREATED_DATE_TIME, LAST_MODIFIED_DATE_TIME,
                    RUN_AS_ACCOUNT, ENFORCE_SIGNATURE_CHECK, FILE_NAME, ROLE_SCOPE_TAG_IDS, RUN_AS_32_BIT),
            ID, List.of(SortKey.ascending(CREATED_DATE_TIME)), List.of(ASSIGNMENTS, GROUP_ASSIGNMENTS));

    private ScriptCollection() {
    }
}
