package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.BOOLEAN;
import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.INTEGER;
import static dev.devicescripts.application.query.ValueType.OBJECT_LIST;
import static dev.devicescripts.application.query.ValueType.STRING;
import static dev.devicescripts.application.query.ValueType.STRING_LIST;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.ValueType;
import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code managedDevices}: Intune's devices, read-only as in Graph (they come from enrollment; here from the seed). */
public final class ManagedDeviceCollection {
    public static final List<String> OWNER_TYPES = List.of("unknown", "company", "personal");
    public static final List<String> JOIN_TYPES =
            List.of("unknown", "azureADJoined", "azureADRegistered", "hybridAzureADJoined");
    public static final List<String> PROCESSOR_ARCHITECTURES = List.of("unknown", "x86", "x64", "arm", "arM64");
    public static final List<String> COMPLIANCE_STATES = List.of("unknown", "compliant", "noncompliant", "conflict",
            "error", "inGracePeriod", "configManager");

    public static final Property<ManagedDevice> ID = Property.of("id", GUID, ManagedDevice::id);
    public static final Property<ManagedDevice> USER_ID = nullable("userId", GUID, ManagedDevice::userId);
    public static final Property<ManagedDevice> DEVICE_NAME =
            nullable("deviceName", STRING, ManagedDevice::deviceName);
    public static final Property<ManagedDevice> MANAGED_DEVICE_OWNER_TYPE = Property.enumeration(
            "managedDeviceOwnerType", OWNER_TYPES, ManagedDevice::managedDeviceOwnerType);
    public static final Property<ManagedDevice> ENROLLED_DATE_TIME =
            nullable("enrolledDateTime", DATE_TIME, ManagedDevice::enrolledDateTime);
    public static final Property<ManagedDevice> LAST_SYNC_DATE_TIME =
            nullable("lastSyncDateTime", DATE_TIME, ManagedDevice::lastSyncDateTime);
    public static final Property<ManagedDevice> OPERATING_SYSTEM =
            nullable("operatingSystem", STRING, ManagedDevice::operatingSystem);
    public static final Property<ManagedDevice> COMPLIANCE_STATE = Property.enumeration("complianceState",
            COMPLIANCE_STATES, ManagedDevice::complianceState);
    public static final Property<ManagedDevice> MANAGEMENT_AGENT =
            nullable("managementAgent", STRING, ManagedDevice::managementAgent);
    public static final Property<ManagedDevice> OS_VERSION = nullable("osVersion", STRING, ManagedDevice::osVersion);
    public static final Property<ManagedDevice> AZURE_AD_REGISTERED =
            Property.of("azureADRegistered", BOOLEAN, ManagedDevice::azureADRegistered);
    public static final Property<ManagedDevice> DEVICE_ENROLLMENT_TYPE =
            nullable("deviceEnrollmentType", STRING, ManagedDevice::deviceEnrollmentType);
    public static final Property<ManagedDevice> EMAIL_ADDRESS =
            nullable("emailAddress", STRING, ManagedDevice::emailAddress);
    public static final Property<ManagedDevice> AZURE_AD_DEVICE_ID =
            nullable("azureADDeviceId", GUID, ManagedDevice::azureADDeviceId);
    public static final Property<ManagedDevice> DEVICE_CATEGORY_DISPLAY_NAME =
            nullable("deviceCategoryDisplayName", STRING, ManagedDevice::deviceCategoryDisplayName);
    public static final Property<ManagedDevice> MODEL = nullable("model", STRING, ManagedDevice::model);
    public static final Property<ManagedDevice> MANUFACTURER =
            nullable("manufacturer", STRING, ManagedDevice::manufacturer);
    public static final Property<ManagedDevice> SERIAL_NUMBER =
            nullable("serialNumber", STRING, ManagedDevice::serialNumber);
    public static final Property<ManagedDevice> USER_PRINCIPAL_NAME =
            nullable("userPrincipalName", STRING, ManagedDevice::userPrincipalName);
    public static final Property<ManagedDevice> USER_DISPLAY_NAME =
            nullable("userDisplayName", STRING, ManagedDevice::userDisplayName);
    public static final Property<ManagedDevice> JOIN_TYPE =
            Property.enumeration("joinType", JOIN_TYPES, ManagedDevice::joinType);
    public static final Property<ManagedDevice> SKU_FAMILY = nullable("skuFamily", STRING, ManagedDevice::skuFamily);
    public static final Property<ManagedDevice> SKU_NUMBER = nullable("skuNumber", INTEGER,
            device -> device.skuNumber() == null ? null : device.skuNumber().longValue());
    public static final Property<ManagedDevice> PROCESSOR_ARCHITECTURE = Property.enumeration(
            "processorArchitecture", PROCESSOR_ARCHITECTURES, ManagedDevice::processorArchitecture);
    public static final Property<ManagedDevice> ENROLLMENT_PROFILE_NAME =
            nullable("enrollmentProfileName", STRING, ManagedDevice::enrollmentProfileName);
    public static final Property<ManagedDevice> ROLE_SCOPE_TAG_IDS =
            Property.of("roleScopeTagIds", STRING_LIST, ManagedDevice::roleScopeTagIds);
    public static final Property<ManagedDevice> USERS_LOGGED_ON = Property.of("usersLoggedOn", OBJECT_LIST,
            device -> device.usersLoggedOn().stream().map(logOn -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("userId", logOn.userId());
                json.put("lastLogOnDateTime", logOn.lastLogOnDateTime());
                return json;
            }).toList());

    public static final String USERS = "users";

    /** Intune lists devices in id order unless the client orders them. */
    public static final EntitySet<ManagedDevice> MANAGED_DEVICES = new EntitySet<>("managedDevice", List.of(ID,
            USER_ID, DEVICE_NAME, MANAGED_DEVICE_OWNER_TYPE, ENROLLED_DATE_TIME, LAST_SYNC_DATE_TIME,
            OPERATING_SYSTEM, COMPLIANCE_STATE, MANAGEMENT_AGENT, OS_VERSION, AZURE_AD_REGISTERED,
            DEVICE_ENROLLMENT_TYPE, EMAIL_ADDRESS, AZURE_AD_DEVICE_ID, DEVICE_CATEGORY_DISPLAY_NAME, MODEL,
            MANUFACTURER, SERIAL_NUMBER, USER_PRINCIPAL_NAME, USER_DISPLAY_NAME, JOIN_TYPE, SKU_FAMILY, SKU_NUMBER,
            PROCESSOR_ARCHITECTURE, ENROLLMENT_PROFILE_NAME, ROLE_SCOPE_TAG_IDS, USERS_LOGGED_ON), ID, List.of(),
            List.of(USERS));

    private static Property<ManagedDevice> nullable(String name, ValueType type,
                                                    Function<ManagedDevice, Object> reader) {
        return Property.of(name, type, reader).nullable();
    }

    private ManagedDeviceCollection() {
    }
}
