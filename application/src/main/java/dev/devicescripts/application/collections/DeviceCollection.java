package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.BOOLEAN;
import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.STRING;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.directory.Device;
import java.util.List;

/** {@code devices}: the directory's (Entra) devices, the objects groups hold. */
public final class DeviceCollection {
    public static final Property<Device> ID = Property.of("id", GUID, Device::id);
    public static final Property<Device> ACCOUNT_ENABLED =
            Property.of("accountEnabled", BOOLEAN, Device::accountEnabled);
    public static final Property<Device> APPROXIMATE_LAST_SIGN_IN_DATE_TIME = Property.<Device>of(
            "approximateLastSignInDateTime", DATE_TIME, Device::approximateLastSignInDateTime).nullable();
    public static final Property<Device> DEVICE_ID = Property.of("deviceId", GUID, Device::deviceId);
    public static final Property<Device> DEVICE_OWNERSHIP =
            Property.<Device>of("deviceOwnership", STRING, Device::deviceOwnership).nullable();
    public static final Property<Device> DISPLAY_NAME =
            Property.<Device>of("displayName", STRING, Device::displayName).nullable();
    public static final Property<Device> ENROLLMENT_PROFILE_NAME =
            Property.<Device>of("enrollmentProfileName", STRING, Device::enrollmentProfileName).nullable();
    public static final Property<Device> IS_COMPLIANT =
            Property.<Device>of("isCompliant", BOOLEAN, Device::isCompliant).nullable();
    public static final Property<Device> IS_MANAGED =
            Property.<Device>of("isManaged", BOOLEAN, Device::isManaged).nullable();
    public static final Property<Device> OPERATING_SYSTEM =
            Property.<Device>of("operatingSystem", STRING, Device::operatingSystem).nullable();
    public static final Property<Device> OPERATING_SYSTEM_VERSION =
            Property.<Device>of("operatingSystemVersion", STRING, Device::operatingSystemVersion).nullable();
    public static final Property<Device> REGISTRATION_DATE_TIME =
            Property.<Device>of("registrationDateTime", DATE_TIME, Device::registrationDateTime).nullable();
    public static final Property<Device> TRUST_TYPE =
            Property.<Device>of("trustType", STRING, Device::trustType).nullable();

    /** Graph lists the directory in object id order unless the client orders it. */
    public static final EntitySet<Device> DEVICES = new EntitySet<>("device", List.of(ID, ACCOUNT_ENABLED,
            APPROXIMATE_LAST_SIGN_IN_DATE_TIME, DEVICE_ID, DEVICE_OWNERSHIP, DISPLAY_NAME, ENROLLMENT_PROFILE_NAME,
            IS_COMPLIANT, IS_MANAGED, OPERATING_SYSTEM, OPERATING_SYSTEM_VERSION, REGISTRATION_DATE_TIME,
            TRUST_TYPE), ID, List.of(), List.of());

    private DeviceCollection() {
    }
}
