package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.InvalidInputException;

/** The platform an assignment filter is for (Graph's devicePlatformType), each with the name Graph writes. */
public enum FilterPlatform {
    ANDROID("android"),
    ANDROID_FOR_WORK("androidForWork"),
    IOS("iOS"),
    MAC_OS("macOS"),
    WINDOWS_PHONE_81("windowsPhone81"),
    WINDOWS_81_AND_LATER("windows81AndLater"),
    WINDOWS_10_AND_LATER("windows10AndLater"),
    ANDROID_WORK_PROFILE("androidWorkProfile"),
    UNKNOWN("unknown"),
    ANDROID_AOSP("androidAOSP"),
    ANDROID_MOBILE_APPLICATION_MANAGEMENT("androidMobileApplicationManagement"),
    IOS_MOBILE_APPLICATION_MANAGEMENT("iOSMobileApplicationManagement"),
    WINDOWS_MOBILE_APPLICATION_MANAGEMENT("windowsMobileApplicationManagement"),
    UNKNOWN_FUTURE_VALUE("unknownFutureValue");

    private final String graphName;

    FilterPlatform(String graphName) {
        this.graphName = graphName;
    }

    public String graphName() {
        return graphName;
    }

    /**
     * The platform Graph calls {@code name}, matched exactly as Graph matches enum members.
     *
     * @throws InvalidInputException naming {@code field} and every member, when there is none
     */
    public static FilterPlatform fromGraphName(String name, String field) {
        return GraphNames.member(values(), FilterPlatform::graphName, name, field);
    }
}
