package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.function.Function;

/** Where on a managed device a filter property's value comes from (targeting.md 2.3, last column). */
public enum DeviceField {
    DEVICE_NAME(ManagedDevice::deviceName),
    MANUFACTURER(ManagedDevice::manufacturer),
    MODEL(ManagedDevice::model),
    DEVICE_CATEGORY(ManagedDevice::deviceCategoryDisplayName),
    ENROLLMENT_PROFILE_NAME(ManagedDevice::enrollmentProfileName),
    OS_VERSION(ManagedDevice::osVersion),
    /** An Integer. */
    SKU_NUMBER(ManagedDevice::skuNumber),
    OWNER_TYPE(ManagedDevice::managedDeviceOwnerType),
    JOIN_TYPE(ManagedDevice::joinType),
    PROCESSOR_ARCHITECTURE(ManagedDevice::processorArchitecture),
    /** A Boolean. */
    TPM_ATTESTED(ManagedDevice::isTpmAttested);

    private final Function<ManagedDevice, Object> reader;

    DeviceField(Function<ManagedDevice, Object> reader) {
        this.reader = reader;
    }

    /** The device's value as Intune holds it: a String, or the Integer or Boolean noted above; null when unset. */
    public Object valueOf(ManagedDevice device) {
        return reader.apply(device);
    }
}
