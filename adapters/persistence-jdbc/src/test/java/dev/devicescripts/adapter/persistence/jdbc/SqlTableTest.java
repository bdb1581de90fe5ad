package dev.devicescripts.adapter.persistence.jdbc;

import static dev.devicescripts.application.collections.ScriptCollection.DESCRIPTION;
import static dev.devicescripts.application.collections.ScriptCollection.DISPLAY_NAME;
import static dev.devicescripts.application.collections.ScriptCollection.ROLE_SCOPE_TAG_IDS;
import static dev.devicescripts.application.collections.ScriptCollection.RUN_AS_32_BIT;
import static dev.devicescripts.application.collections.ScriptCollection.RUN_AS_ACCOUNT;
import static dev.devicescripts.application.collections.ScriptCollection.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.DeviceManagementScript;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTableTest {
    private final SqlTable<DeviceManagementScript> table = new SqlTable<>(SCRIPTS, "device_management_script", "s");

    @ParameterizedTest
    @CsvSource({"id, id", "displayName, display_name", "runAs32Bit, run_as_32_bit",
        "lastModifiedDateTime, last_modified_date_time", "operatingSystemSKU, operating_system_sku",
        "azureADDeviceId, azure_ad_device_id", "deviceId2, device_id_2"})
    void aColumnIsItsPropertyInSnakeCaseARunOfCapitalsOrOfDigitsBeingOneWord(String property, String column) {
        assertThat(SqlTable.columnName(property)).isEqualTo(column);
    }

    @Test
    void stringsThatIgnoreCaseCompareTheirFoldedColumnUnlessEveryValueIsFoldedAlready() {
        assertThat(table.comparable(DISPLAY_NAME)).isEqualTo("s.display_name_folded");
        assertThat(table.comparable(DESCRIPTION)).isEqualTo("s.description_folded");
        assertThat(table.comparable(RUN_AS_ACCOUNT)).isEqualTo("s.run_as_account");
        assertThat(table.comparable(RUN_AS_32_BIT)).isEqualTo("s.run_as_32_bit");
    }

    @Test
    void aListThatAnyTestsIsHeldFoldedEachElementBetweenBarsAndNoElementCanEndAnothersMatch() {
        assertThat(table.comparable(ROLE_SCOPE_TAG_IDS)).isEqualTo("s.role_scope_tag_ids_folded");
        assertThat(SqlTable.foldedList(List.of("Unified", "DynamicMembership")))
                .isEqualTo("|unified|dynamicmembership|");
        assertThat(SqlTable.foldedList(List.of())).isEqualTo("|");
        assertThat(SqlTable.foldedList(List.of("a|B", "50%"))).isEqualTo("|a%7Cb|50%25|");
    }
}
