package dev.devicescripts.domain.filter;

import static dev.devicescripts.domain.filter.FilterOperator.CONTAINS;
import static dev.devicescripts.domain.filter.FilterOperator.EQ;
import static dev.devicescripts.domain.filter.FilterOperator.GE;
import static dev.devicescripts.domain.filter.FilterOperator.GT;
import static dev.devicescripts.domain.filter.FilterOperator.IN;
import static dev.devicescripts.domain.filter.FilterOperator.LE;
import static dev.devicescripts.domain.filter.FilterOperator.LT;
import static dev.devicescripts.domain.filter.FilterOperator.NE;
import static dev.devicescripts.domain.filter.FilterOperator.NOT_CONTAINS;
import static dev.devicescripts.domain.filter.FilterOperator.NOT_IN;
import static dev.devicescripts.domain.filter.FilterOperator.STARTS_WITH;

import dev.devicescripts.domain.filter.FilterProperty.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The properties a platform's device filters may name (targeting.md 2.3): the one table parser and Graph serve. */
public record PropertyTable(FilterPlatform platform, List<FilterProperty> properties) {
    private static final List<FilterOperator> FREE_TEXT =
            List.of(EQ, NE, IN, NOT_IN, STARTS_WITH, CONTAINS, NOT_CONTAINS);
    private static final List<FilterOperator> EQUALITY = List.of(EQ, NE);
    private static final List<FilterOperator> MEMBERSHIP = List.of(EQ, NE, IN, NOT_IN);
    private static final List<FilterOperator> ORDER = List.of(EQ, NE, GT, GE, LT, LE);

    private static final FilterProperty DEVICE_NAME = text("deviceName", DeviceField.DEVICE_NAME);
    private static final FilterProperty MANUFACTURER = text("manufacturer", DeviceField.MANUFACTURER);
    private static final FilterProperty MODEL = text("model", DeviceField.MODEL);
    private static final FilterProperty DEVICE_CATEGORY = text("deviceCategory", DeviceField.DEVICE_CATEGORY);
    private static final FilterProperty OS_VERSION = text("osVersion", DeviceField.OS_VERSION);
    private static final FilterProperty OPERATING_SYSTEM_VERSION = new FilterProperty("operatingSystemVersion",
            Kind.VERSION, ORDER, List.of(), DeviceField.OS_VERSION, Map.of(), null);
    private static final FilterProperty DEVICE_OWNERSHIP = new FilterProperty("deviceOwnership", Kind.ENUMERATED,
            EQUALITY, List.of("Personal", "Corporate", "Unknown"), DeviceField.OWNER_TYPE,
            Map.of("company", "Corporate", "personal", "Personal", "unknown", "Unknown"), "Unknown");

    private static final PropertyTable WINDOWS = new PropertyTable(FilterPlatform.WINDOWS_10_AND_LATER, List.of(
            DEVICE_NAME, MANUFACTURER, MODEL, DEVICE_CATEGORY,
            text("enrollmentProfileName", DeviceField.ENROLLMENT_PROFILE_NAME),
            OS_VERSION, OPERATING_SYSTEM_VERSION, operatingSystemSku(), DEVICE_OWNERSHIP,
            new FilterProperty("deviceTrustType", Kind.ENUMERATED, MEMBERSHIP,
                    List.of("Azure AD joined", "Azure AD registered", "Hybrid Azure AD joined", "Unknown"),
                    DeviceField.JOIN_TYPE, Map.of("azureADJoined", "Azure AD joined",
                    "azureADRegistered", "Azure AD registered", "hybridAzureADJoined", "Hybrid Azure AD joined",
                    "unknown", "Unknown"), "Unknown"),
            new FilterProperty("cpuArchitecture", Kind.ENUMERATED, MEMBERSHIP,
                    List.of("amd64", "x86", "arm64", "unknown"), DeviceField.PROCESSOR_ARCHITECTURE,
                    Map.of("x64", "amd64", "x86", "x86", "arM64", "arm64"), "unknown"),
            new FilterProperty("isTpmAttested", Kind.ENUMERATED, EQUALITY, List.of("True", "False"),
                    DeviceField.TPM_ATTESTED, Map.of(Boolean.TRUE, "True"), "False")));

    private static final PropertyTable MAC_OS = new PropertyTable(FilterPlatform.MAC_OS, List.of(
            DEVICE_NAME, MANUFACTURER, MODEL, DEVICE_CATEGORY, OS_VERSION, OPERATING_SYSTEM_VERSION, DEVICE_OWNERSHIP,
            new FilterProperty("cpuArchitecture", Kind.ENUMERATED, MEMBERSHIP, List.of("x64", "arm64", "unknown"),
                    DeviceField.PROCESSOR_ARCHITECTURE, Map.of("x64", "x64", "arM64", "arm64"), "unknown")));

    public PropertyTable {
        properties = List.copyOf(properties);
    }

    /** The table of the platform's filters of this management type; empty when devicescripts has none. */
    public static Optional<PropertyTable> of(FilterPlatform platform, FilterManagementType managementType) {
        if (managementType != FilterManagementType.DEVICES) {
            return Optional.empty();
        }
        return switch (platform) {
            case WINDOWS_10_AND_LATER -> Optional.of(WINDOWS);
            case MAC_OS -> Optional.of(MAC_OS);
            default -> Optional.empty();
        };
    }

    /** The property a rule names as {@code name} (after {@code device.}), ignoring case. */
    public Optional<FilterProperty> property(String name) {
        return properties.stream().filter(property -> property.name().equalsIgnoreCase(name)).findFirst();
    }

    private static FilterProperty text(String name, DeviceField source) {
        return new FilterProperty(name, Kind.FREE_TEXT, FREE_TEXT, List.of(), source, Map.of(), null);
    }

    /** Free text read from skuNumber by Intune's table (101 and 111 are both Core); an unknown number has none. */
    private static FilterProperty operatingSystemSku() {
        Map<Object, String> names = new LinkedHashMap<>();
        Object[] table = {
            "Enterprise", 4, "EnterpriseN", 27, "EnterpriseEval", 72,
            "EnterpriseNEval", 84, "EnterpriseS", 125, "EnterpriseSN", 126,
            "EnterpriseSEval", 129, "EnterpriseG", 171, "EnterpriseGN", 172,
            "Professional", 48, "BusinessN", 49, "ProfessionalN", 162,
            "ProfessionalWorkstation", 161, "ProfessionalEducation", 164, "ProfessionalEducationN", 165,
            "ProfessionalSingleLanguage", 138, "Education", 121, "EducationN", 122,
            "Core", 101, "Core", 111, "CoreN", 98, "CoreCountrySpecific", 99,
            "CoreSingleLanguage", 100, "CloudEdition", 203, "CloudEditionN", 202,
            "IoTEnterprise", 188, "IoTUAP", 123, "IoTUAPCommercial", 131,
            "Holographic", 136, "PPIPro", 119, "ServerRdsh", 175,
        };
        for (int i = 0; i < table.length; i += 2) {
            names.put(table[i + 1], (String) table[i]);
        }
        return new FilterProperty("operatingSystemSKU", Kind.FREE_TEXT, FREE_TEXT,
                names.values().stream().distinct().toList(), DeviceField.SKU_NUMBER, names, null);
    }
}
