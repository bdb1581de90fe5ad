package dev.devicescripts.application.query;

import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptProperties;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The script properties a list may be filtered and ordered by, with the Graph name clients write. */
public enum ScriptProperty {
    DISPLAY_NAME("displayName", String.class, true, script -> script.properties().displayName()),
    DESCRIPTION("description", String.class, false, script -> script.properties().description()),
    FILE_NAME("fileName", String.class, false, script -> script.properties().fileName()),
    RUN_AS_ACCOUNT("runAsAccount", String.class, true, script -> script.properties().runAsAccount().graphName()),
    ENFORCE_SIGNATURE_CHECK("enforceSignatureCheck", Boolean.class, true,
            script -> script.properties().enforceSignatureCheck()),
    RUN_AS_32_BIT("runAs32Bit", Boolean.class, true, script -> script.properties().runAs32Bit()),
    CREATED_DATE_TIME("createdDateTime", Instant.class, true, DeviceManagementScript::createdDateTime),
    LAST_MODIFIED_DATE_TIME("lastModifiedDateTime", Instant.class, true,
            DeviceManagementScript::lastModifiedDateTime);

    private final String graphName;
    private final Class<?> type;
    private final boolean required;
    private final Function<DeviceManagementScript, Object> reader;

    ScriptProperty(String graphName, Class<?> type, boolean required, Function<DeviceManagementScript, Object> reader) {
        this.graphName = graphName;
        this.type = type;
        this.required = required;
        this.reader = reader;
    }

    public String graphName() {
        return graphName;
    }

    /** String, Boolean or Instant: the Java type of this property's values in filters and cursors. */
    public Class<?> type() {
        return type;
    }

    /** Whether every script has a value: the others may be null (see {@link ScriptProperties}). */
    public boolean isRequired() {
        return required;
    }

    /** The script's value of this property, null when it has none. */
    public Object valueOf(DeviceManagementScript script) {
        return reader.apply(script);
    }

    /**
     * A string as filters and orders compare it, ignoring case: in lower case by Unicode's rules, whatever the
     * machine's locale. A store that filters and orders in its database compares this form, folded here.
     */
    public static String folded(String text) {
        return Values.folded(text);
    }

    /** The property Graph calls {@code name}; Graph's property names are case-insensitive in query options. */
    public static Optional<ScriptProperty> byGraphName(String name) {
        return Arrays.stream(values()).filter(property -> property.graphName.equalsIgnoreCase(name)).findFirst();
    }
}
