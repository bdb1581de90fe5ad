package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.List;
import java.util.UUID;

/** A managed device with only the fields filters read, set one by one; every other field left unset. */
final class Device {
    private String deviceName;
    private String model;
    private String manufacturer;
    private String osVersion;
    private String ownerType;
    private String joinType;
    private Integer skuNumber;
    private String processorArchitecture;
    private String category;
    private String enrollmentProfileName;
    private Boolean tpmAttested;

    static Device device() {
        return new Device();
    }

    Device name(String value) {
        deviceName = value;
        return this;
    }

    Device model(String value) {
        model = value;
        return this;
    }

    Device manufacturer(String value) {
        manufacturer = value;
        return this;
    }

    Device osVersion(String value) {
        osVersion = value;
        return this;
    }

    Device ownerType(String value) {
        ownerType = value;
        return this;
    }

    Device joinType(String value) {
        joinType = value;
        return this;
    }

    Device sku(Integer value) {
        skuNumber = value;
        return this;
    }

    Device processor(String value) {
        processorArchitecture = value;
        return this;
    }

    Device category(String value) {
        category = value;
        return this;
    }

    Device enrollmentProfile(String value) {
        enrollmentProfileName = value;
        return this;
    }

    Device tpmAttested(Boolean value) {
        tpmAttested = value;
        return this;
    }

    ManagedDevice build() {
        return new ManagedDevice(new UUID(0, 1), deviceName, model, manufacturer, null, "Windows", osVersion, ownerType,
                null, null, null, null, List.of(), null, false, joinType, null, null, null, null, skuNumber,
                processorArchitecture, category, enrollmentProfileName, null, null, List.of(), tpmAttested);
    }
}
