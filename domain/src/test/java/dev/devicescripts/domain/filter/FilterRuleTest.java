package dev.devicescripts.domain.filter;

import static dev.devicescripts.domain.filter.Device.device;
import static dev.devicescripts.domain.filter.PropertyTableTest.MAC_OS;
import static dev.devicescripts.domain.filter.PropertyTableTest.WINDOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.devicescripts.domain.filter.FilterRule.Comparison;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Matching as targeting.md 2.4 says, on managed devices through the property mapping of 2.3. */
class FilterRuleTest {
    private static final Device LAB_042 = device().name("LAB-042").manufacturer("Contoso").model("Laptop 7")
            .osVersion("10.0.26100.9457").sku(129).joinType("azureADJoined").ownerType("company").processor("x64")
            .tpmAttested(true);
    private static final Device NAMELESS = device();

    static Stream<Arguments> matching() {
        return Stream.of(
                // strings ignore case, on every operator
                arguments("device.deviceName -eq \"lab-042\"", LAB_042, true),
                arguments("device.deviceName -ne \"LAB-042\"", LAB_042, false),
                arguments("device.deviceName -ne \"lab-043\"", LAB_042, true),
                arguments("device.deviceName -startsWith \"lab\"", LAB_042, true),
                arguments("device.deviceName -startsWith \"042\"", LAB_042, false),
                arguments("device.deviceName -contains \"B-0\"", LAB_042, true),
                arguments("device.deviceName -notContains \"b-0\"", LAB_042, false),
                arguments("device.deviceName -notContains \"x\"", LAB_042, true),
                arguments("device.deviceName -in [\"x\", \"LAB-042\"]", LAB_042, true),
                arguments("device.deviceName -notIn [\"x\", \"lab-042\"]", LAB_042, false),
                arguments("device.deviceName -notIn [\"x\"]", LAB_042, true),
                arguments("device.deviceTrustType -eq \"azure ad JOINED\"", LAB_042, true),
                arguments("device.cpuArchitecture -in [\"AMD64\"]", LAB_042, true),
                arguments("device.deviceOwnership -eq \"corporate\"", LAB_042, true),
                arguments("device.isTpmAttested -eq \"true\"", LAB_042, true),
                arguments("device.isTpmAttested -eq \"True\"", NAMELESS, false),
                arguments("device.isTpmAttested -eq \"False\"", NAMELESS, true),
                // leading and trailing spaces of a value are ignored
                arguments("device.deviceName -eq \"LAB-042 \"", LAB_042, true),
                arguments("device.deviceName -in [\" LAB-042\"]", LAB_042, true),
                // a property without a value
                arguments("device.deviceName -eq $null", NAMELESS, true),
                arguments("device.deviceName -ne $null", NAMELESS, false),
                arguments("device.deviceName -eq $null", LAB_042, false),
                arguments("device.deviceName -ne null", LAB_042, true),
                arguments("device.deviceName -ne \"a\"", NAMELESS, true),
                arguments("device.deviceName -notIn [\"a\"]", NAMELESS, true),
                arguments("device.deviceName -notContains \"a\"", NAMELESS, true),
                arguments("device.deviceName -eq \"a\"", NAMELESS, false),
                arguments("device.deviceName -in [\"a\"]", NAMELESS, false),
                arguments("device.deviceName -contains \"a\"", NAMELESS, false),
                arguments("device.deviceName -startsWith \"a\"", NAMELESS, false),
                arguments("device.deviceCategory -eq $null", device().category(""), true),
                arguments("device.operatingSystemSKU -eq $null", device().sku(999), true),
                arguments("device.deviceOwnership -eq $null", NAMELESS, false),
                // "null" in quotes is a 4-letter string
                arguments("device.deviceName -eq \"null\"", NAMELESS, false),
                arguments("device.deviceName -eq \"null\"", device().name("NULL"), true),
                // our decision: "" in a list stands for no value
                arguments("device.deviceName -in [\"\", \"x\"]", NAMELESS, true),
                arguments("device.deviceName -in [\"\", \"x\"]", device().name("x"), true),
                arguments("device.deviceName -in [\"\", \"x\"]", LAB_042, false),
                arguments("device.deviceName -notIn [\"\"]", NAMELESS, false),
                arguments("device.deviceName -notIn [\"\"]", LAB_042, true),
                // a single space is a legal value
                arguments("device.model -contains \" \"", LAB_042, true),
                arguments("device.deviceName -contains \" \"", LAB_042, false),
                // operatingSystemVersion compares by parts, missing parts 0
                arguments("device.operatingSystemVersion -ge 10.0.26100", LAB_042, true),
                arguments("device.operatingSystemVersion -eq 10.0.26100", LAB_042, false),
                arguments("device.operatingSystemVersion -gt 10.0.26100.9456", LAB_042, true),
                arguments("device.operatingSystemVersion -lt 10.0.100000", LAB_042, true),
                arguments("device.operatingSystemVersion -le 10.0.26100.9457", LAB_042, true),
                arguments("device.operatingSystemVersion -ne 10.0.26100.9457", LAB_042, false),
                arguments("device.operatingSystemVersion -eq 10.0.26100", device().osVersion("10.0.26100.0"), true),
                arguments("device.operatingSystemVersion -eq 10.0.26100.0", device().osVersion("10.0.26100"), true),
                arguments("device.operatingSystemVersion -gt 9.9", device().osVersion("10.0"), true),
                // a device whose osVersion does not parse (or is absent): false, except -ne
                arguments("device.operatingSystemVersion -eq 10.0", device().osVersion("10.0 beta"), false),
                arguments("device.operatingSystemVersion -ge 1.0", device().osVersion("10.0 beta"), false),
                arguments("device.operatingSystemVersion -lt 99.0", device().osVersion("10.0 beta"), false),
                arguments("device.operatingSystemVersion -ne 10.0", device().osVersion("10.0 beta"), true),
                arguments("device.operatingSystemVersion -le 99.0", NAMELESS, false),
                arguments("device.operatingSystemVersion -ne 10.0", NAMELESS, true),
                // osVersion is a plain string
                arguments("device.osVersion -eq \"10.0.26100\"", LAB_042, false),
                arguments("device.osVersion -startsWith \"10.0.26100\"", LAB_042, true),
                // the SKU comes from skuNumber: an LTSC evaluation device is not Enterprise
                arguments("device.operatingSystemSKU -eq \"Enterprise\"", LAB_042, false),
                arguments("device.operatingSystemSKU -eq \"EnterpriseSEval\"", LAB_042, true),
                arguments("device.operatingSystemSKU -startsWith \"Enterprise\"", LAB_042, true),
                // enumerated values are not checked, so a value the table lacks matches nothing
                arguments("device.cpuArchitecture -eq \"x64\"", LAB_042, false),
                arguments("device.deviceTrustType -eq \"Microsoft Entra joined\"", LAB_042, false),
                // and binds tighter than or: a or b and c is a or (b and c)
                arguments("device.model -eq \"Laptop 7\" or device.model -eq \"x\" and device.model -eq \"y\"",
                        LAB_042, true),
                arguments("(device.model -eq \"Laptop 7\" or device.model -eq \"x\") and device.model -eq \"y\"",
                        LAB_042, false),
                arguments("device.model -eq \"x\" and device.model -eq \"y\" or device.manufacturer -eq \"contoso\"",
                        LAB_042, true));
    }

    @ParameterizedTest(name = "[{index}] {0}: {2}")
    @MethodSource("matching")
    void rulesMatchAsTheSpecSays(String rule, Device device, boolean matches) {
        assertThat(RuleParser.parse(rule, WINDOWS).matches(device.build())).isEqualTo(matches);
    }

    @Test
    void macOsMatchesItsOwnCpuNames() {
        assertThat(RuleParser.parse("device.cpuArchitecture -eq \"x64\"", MAC_OS).matches(LAB_042.build())).isTrue();
        assertThat(RuleParser.parse("device.cpuArchitecture -eq \"amd64\"", MAC_OS).matches(LAB_042.build()))
                .isFalse();
    }

    @Test
    void holdsForReadsOnlyTheFilterSideValueAnEmptyOneBeingNone() {
        Comparison notIn = (Comparison) RuleParser.parse("device.deviceName -notIn [\"\", \"a\"]", WINDOWS);
        Comparison eqNull = (Comparison) RuleParser.parse("device.deviceName -eq null", WINDOWS);

        assertThat(notIn.holdsFor("b")).isTrue();
        assertThat(notIn.holdsFor("A")).isFalse();
        assertThat(notIn.holdsFor(null)).isFalse();
        assertThat(notIn.holdsFor("")).isFalse();
        assertThat(eqNull.holdsFor("")).isTrue();
        assertThat(eqNull.holdsFor(" ")).isFalse();
    }

    @Test
    void stringsFoldAsTheStoresDoWithoutLocaleSurprises() {
        Comparison rule = (Comparison) RuleParser.parse("device.deviceName -eq \"TITLE\"", WINDOWS);

        assertThat(rule.holdsFor("title")).isTrue();
        assertThat(rule.holdsFor("tıtle")).as("dotless i folds to itself under Locale.ROOT").isFalse();
    }
}
