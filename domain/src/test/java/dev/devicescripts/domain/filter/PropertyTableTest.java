package dev.devicescripts.domain.filter;

import static dev.devicescripts.domain.filter.Device.device;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.devicescripts.domain.filter.FilterProperty.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The property tables of targeting.md 2.3 and how a managed device's fields map to their values. */
class PropertyTableTest {
    static final PropertyTable WINDOWS =
            PropertyTable.of(FilterPlatform.WINDOWS_10_AND_LATER, FilterManagementType.DEVICES).orElseThrow();
    static final PropertyTable MAC_OS =
            PropertyTable.of(FilterPlatform.MAC_OS, FilterManagementType.DEVICES).orElseThrow();
    private static final List<FilterOperator> FREE_TEXT = List.of(EQ, NE, IN, NOT_IN, STARTS_WITH, CONTAINS,
            NOT_CONTAINS);

    @Test
    void windowsHasTheTwelvePropertiesOfTheSpecInItsOrder() {
        assertThat(WINDOWS.platform()).isEqualTo(FilterPlatform.WINDOWS_10_AND_LATER);
        assertThat(WINDOWS.properties()).extracting(FilterProperty::name).containsExactly("deviceName",
                "manufacturer", "model", "deviceCategory", "enrollmentProfileName", "osVersion",
                "operatingSystemVersion", "operatingSystemSKU", "deviceOwnership", "deviceTrustType",
                "cpuArchitecture", "isTpmAttested");
    }

    @Test
    void windowsPropertiesHaveTheKindsOperatorsAndValuesOfTheSpec() {
        assertProperty(WINDOWS, "deviceName", Kind.FREE_TEXT, FREE_TEXT);
        assertProperty(WINDOWS, "osVersion", Kind.FREE_TEXT, FREE_TEXT);
        assertProperty(WINDOWS, "operatingSystemVersion", Kind.VERSION, List.of(EQ, NE, GT, GE, LT, LE));
        assertProperty(WINDOWS, "deviceOwnership", Kind.ENUMERATED, List.of(EQ, NE), "Personal", "Corporate",
                "Unknown");
        assertProperty(WINDOWS, "deviceTrustType", Kind.ENUMERATED, List.of(EQ, NE, IN, NOT_IN), "Azure AD joined",
                "Azure AD registered", "Hybrid Azure AD joined", "Unknown");
        assertProperty(WINDOWS, "cpuArchitecture", Kind.ENUMERATED, List.of(EQ, NE, IN, NOT_IN), "amd64", "x86",
                "arm64", "unknown");
        assertProperty(WINDOWS, "isTpmAttested", Kind.ENUMERATED, List.of(EQ, NE), "True", "False");
        assertThat(WINDOWS.property("operatingSystemSKU").orElseThrow().kind()).isEqualTo(Kind.FREE_TEXT);
        assertThat(WINDOWS.property("operatingSystemSKU").orElseThrow().operators()).isEqualTo(FREE_TEXT);
        assertThat(WINDOWS.property("operatingSystemSKU").orElseThrow().values()).hasSize(30)
                .startsWith("Enterprise", "EnterpriseN").endsWith("PPIPro", "ServerRdsh").doesNotHaveDuplicates();
    }

    @Test
    void macOsHasItsEightPropertiesWithItsOwnCpuValues() {
        assertThat(MAC_OS.properties()).extracting(FilterProperty::name).containsExactly("deviceName",
                "manufacturer", "model", "deviceCategory", "osVersion", "operatingSystemVersion", "deviceOwnership",
                "cpuArchitecture");
        assertProperty(MAC_OS, "cpuArchitecture", Kind.ENUMERATED, List.of(EQ, NE, IN, NOT_IN), "x64", "arm64",
                "unknown");
        assertProperty(MAC_OS, "deviceOwnership", Kind.ENUMERATED, List.of(EQ, NE), "Personal", "Corporate",
                "Unknown");
    }

    @ParameterizedTest
    @EnumSource(FilterPlatform.class)
    void appFiltersHaveNoTable(FilterPlatform platform) {
        assertThat(PropertyTable.of(platform, FilterManagementType.APPS)).isEmpty();
        assertThat(PropertyTable.of(platform, FilterManagementType.UNKNOWN_FUTURE_VALUE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = FilterPlatform.class, names = {"WINDOWS_10_AND_LATER", "MAC_OS"},
            mode = EnumSource.Mode.EXCLUDE)
    void otherPlatformsHaveNoTable(FilterPlatform platform) {
        assertThat(PropertyTable.of(platform, FilterManagementType.DEVICES)).isEmpty();
    }

    @Test
    void propertyNamesAreFoundIgnoringCase() {
        assertThat(WINDOWS.property("DEVICENAME")).contains(WINDOWS.properties().get(0));
        assertThat(WINDOWS.property("isRooted")).isEmpty();
    }

    @ParameterizedTest(name = "skuNumber {0} is {1}")
    @CsvSource({"4, Enterprise", "27, EnterpriseN", "72, EnterpriseEval", "84, EnterpriseNEval",
        "125, EnterpriseS", "126, EnterpriseSN", "129, EnterpriseSEval", "171, EnterpriseG", "172, EnterpriseGN",
        "48, Professional", "49, BusinessN", "162, ProfessionalN", "161, ProfessionalWorkstation",
        "164, ProfessionalEducation", "165, ProfessionalEducationN", "138, ProfessionalSingleLanguage",
        "121, Education", "122, EducationN", "101, Core", "111, Core", "98, CoreN", "99, CoreCountrySpecific",
        "100, CoreSingleLanguage", "203, CloudEdition", "202, CloudEditionN", "188, IoTEnterprise", "123, IoTUAP",
        "131, IoTUAPCommercial", "136, Holographic", "119, PPIPro", "175, ServerRdsh"})
    void operatingSystemSkuIsNamedFromSkuNumber(int skuNumber, String name) {
        assertThat(value(WINDOWS, "operatingSystemSKU", device().sku(skuNumber))).isEqualTo(name);
    }

    @Test
    void aSkuNumberAbsentOrOutsideTheTableHasNoSkuName() {
        assertThat(value(WINDOWS, "operatingSystemSKU", device())).isNull();
        assertThat(value(WINDOWS, "operatingSystemSKU", device().sku(10))).isNull();
    }

    static Stream<Arguments> enumeratedMappings() {
        return Stream.of(
                arguments("deviceOwnership", device().ownerType("company"), "Corporate"),
                arguments("deviceOwnership", device().ownerType("personal"), "Personal"),
                arguments("deviceOwnership", device().ownerType("unknown"), "Unknown"),
                arguments("deviceOwnership", device().ownerType("COMPANY"), "Corporate"),
                arguments("deviceOwnership", device(), "Unknown"),
                arguments("deviceTrustType", device().joinType("azureADJoined"), "Azure AD joined"),
                arguments("deviceTrustType", device().joinType("azureADRegistered"), "Azure AD registered"),
                arguments("deviceTrustType", device().joinType("hybridAzureADJoined"), "Hybrid Azure AD joined"),
                arguments("deviceTrustType", device().joinType("unknown"), "Unknown"),
                arguments("deviceTrustType", device().joinType("somethingNew"), "Unknown"),
                arguments("deviceTrustType", device(), "Unknown"),
                arguments("cpuArchitecture", device().processor("x64"), "amd64"),
                arguments("cpuArchitecture", device().processor("x86"), "x86"),
                arguments("cpuArchitecture", device().processor("arM64"), "arm64"),
                arguments("cpuArchitecture", device().processor("ARM64"), "arm64"),
                arguments("cpuArchitecture", device().processor("ia64"), "unknown"),
                arguments("cpuArchitecture", device(), "unknown"),
                arguments("isTpmAttested", device().tpmAttested(true), "True"),
                arguments("isTpmAttested", device().tpmAttested(false), "False"),
                arguments("isTpmAttested", device(), "False"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("enumeratedMappings")
    void enumeratedWindowsPropertiesMapTheDeviceFields(String property, Device device, String expected) {
        assertThat(value(WINDOWS, property, device)).isEqualTo(expected);
    }

    @Test
    void macOsCpuArchitectureKeepsX64() {
        assertThat(value(MAC_OS, "cpuArchitecture", device().processor("x64"))).isEqualTo("x64");
        assertThat(value(MAC_OS, "cpuArchitecture", device().processor("arM64"))).isEqualTo("arm64");
        assertThat(value(MAC_OS, "cpuArchitecture", device().processor("x86"))).isEqualTo("unknown");
        assertThat(value(MAC_OS, "cpuArchitecture", device())).isEqualTo("unknown");
    }

    @Test
    void freeTextIsTheDeviceFieldAndAnEmptyOneIsNone() {
        Device device = device().name("LAB-042").manufacturer("Contoso").model("Laptop 7").category("")
                .enrollmentProfile("Autopilot").osVersion("10.0.22631.4460");

        assertThat(value(WINDOWS, "deviceName", device)).isEqualTo("LAB-042");
        assertThat(value(WINDOWS, "manufacturer", device)).isEqualTo("Contoso");
        assertThat(value(WINDOWS, "model", device)).isEqualTo("Laptop 7");
        assertThat(value(WINDOWS, "deviceCategory", device)).isNull();
        assertThat(value(WINDOWS, "enrollmentProfileName", device)).isEqualTo("Autopilot");
        assertThat(value(WINDOWS, "osVersion", device)).isEqualTo("10.0.22631.4460");
        assertThat(value(WINDOWS, "operatingSystemVersion", device)).isEqualTo("10.0.22631.4460");
        assertThat(value(WINDOWS, "deviceName", device().name(" "))).isEqualTo(" ");
        assertThat(value(WINDOWS, "deviceName", device())).isNull();
    }

    private static void assertProperty(PropertyTable table, String name, Kind kind, List<FilterOperator> operators,
                                       String... values) {
        FilterProperty property = table.property(name).orElseThrow();
        assertThat(property.kind()).as(name).isEqualTo(kind);
        assertThat(property.operators()).as(name).isEqualTo(operators);
        assertThat(property.values()).as(name).containsExactly(values);
    }

    private static String value(PropertyTable table, String property, Device device) {
        return table.property(property).orElseThrow().valueOf(device.build());
    }
}
