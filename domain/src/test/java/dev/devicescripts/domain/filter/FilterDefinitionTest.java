package dev.devicescripts.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.domain.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FilterDefinitionTest {
    private static final String RULE = "device.manufacturer -eq \"Contoso\"";

    @Test
    void aValidFilterChecksToItsParsedRule() {
        assertThat(filter("Contoso", null, FilterPlatform.WINDOWS_10_AND_LATER, RULE).check())
                .isEqualTo(RuleParser.parse(RULE, PropertyTableTest.WINDOWS));
        assertThat(filter("Macs", "x".repeat(1_500), FilterPlatform.MAC_OS, RULE).check()).isNotNull();
    }

    @Test
    void aBlankDisplayNameIsRefused() {
        assertRefused(filter(" \u00a0", null, FilterPlatform.WINDOWS_10_AND_LATER, RULE), "displayName",
                "displayName must not be blank.");
    }

    @Test
    void aDescriptionLongerThanAScriptsIsRefused() {
        assertRefused(filter("Contoso", "x".repeat(1_501), FilterPlatform.WINDOWS_10_AND_LATER, RULE), "description",
                "description is 1501 characters long; it may be at most 1500.");
    }

    @Test
    void aBlankOrOverlongRuleIsRefused() {
        assertRefused(filter("Contoso", null, FilterPlatform.WINDOWS_10_AND_LATER, " \n"), "rule",
                "rule must not be blank.");
        assertRefused(filter("Contoso", null, FilterPlatform.WINDOWS_10_AND_LATER, RULE + " ".repeat(3_100)), "rule",
                "rule is 3133 characters long; it may be at most 3072.");
    }

    @Test
    void aPlatformWithoutARuleTableIsRefused() {
        assertRefused(filter("Phones", null, FilterPlatform.IOS, RULE), "platform", "platform is iOS for devices; "
                + "devicescripts has rule tables for windows10AndLater and macOS device filters only.");
    }

    @Test
    void anAppFilterIsRefusedForWantOfATable() {
        FilterDefinition apps = new FilterDefinition(UUID.randomUUID(), "Apps", null,
                FilterPlatform.WINDOWS_10_AND_LATER, RULE, FilterManagementType.APPS, List.of("0"), Instant.EPOCH,
                Instant.EPOCH, List.of());

        assertRefused(apps, "platform", "platform is windows10AndLater for apps; devicescripts has rule tables for "
                + "windows10AndLater and macOS device filters only.");
    }

    @Test
    void anInvalidRuleIsRefusedNamingTokenAndPosition() {
        assertRefused(filter("Contoso", null, FilterPlatform.WINDOWS_10_AND_LATER, "device.osVersion -gt 10.0"),
                "rule", "rule is not valid at position 17 ('-gt'): -gt compares only operatingSystemVersion");
        assertRefused(filter("Macs", null, FilterPlatform.MAC_OS, "device.deviceTrustType -eq \"Unknown\""), "rule",
                "rule is not valid at position 0 ('device.deviceTrustType'): 'deviceTrustType' is not a property of "
                        + "macOS device filters; they read deviceName, manufacturer, model, deviceCategory, osVersion, "
                        + "operatingSystemVersion, deviceOwnership, cpuArchitecture");
    }

    private static FilterDefinition filter(String displayName, String description, FilterPlatform platform,
                                           String rule) {
        return new FilterDefinition(UUID.randomUUID(), displayName, description, platform, rule,
                FilterManagementType.DEVICES, List.of("0"), Instant.EPOCH, Instant.EPOCH, List.of());
    }

    private static void assertRefused(FilterDefinition filter, String field, String message) {
        assertThatThrownBy(filter::check).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(message);
    }
}
