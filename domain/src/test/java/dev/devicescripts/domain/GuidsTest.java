package dev.devicescripts.domain;

import static dev.devicescripts.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GuidsTest {

    private static final String LOWER = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final UUID EXPECTED = UUID.fromString(LOWER);

    @ParameterizedTest
    @ValueSource(strings = {LOWER, "3FA85F64-5717-4562-B3FC-2C963F66AFA6", "3fa85F64-5717-4562-b3FC-2c963f66AFA6"})
    void aCanonicalGuidInAnyCaseIsAccepted(String guid) {
        assertThat(Guids.isGuid(guid)).isTrue();
        assertThat(Guids.parse(guid, "filterId")).isEqualTo(EXPECTED);
        assertThat(ScriptId.of(guid).value()).isEqualTo(EXPECTED);
        assertThat(GroupId.of(guid, "groupId").value()).isEqualTo(EXPECTED);
        assertThat(TenantId.of(guid).value()).isEqualTo(EXPECTED);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"1-2-3-4-5", "", " ", "not-a-guid", "3fa85f6457174562b3fc2c963f66afa6",
            "{3fa85f64-5717-4562-b3fc-2c963f66afa6}", " 3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "3fa85f64-5717-4562-b3fc-2c963f66afa6 ", "3fa85f64-5717-4562-b3fc-2c963f66afa",
            "3fa85f64-5717-4562-b3fc-2c963f66afa6a", "3fa85f64-5717-4562-b3fc-2c963f66afg6",
            // Dashes out of place, and digits that are hexadecimal only outside ASCII (Arabic-Indic, full-width).
            "3fa85f645-717-4562-b3fc-2c963f66afa6", "3fa85f64-5717-4562-b3fc2-c963f66afa6-",
            "3fa85f64-5717-4562-b3fc-2c963f66af\u0663\u0666", "3fa85f64-5717-4562-b3fc-2c963f66af\uff21\uff26"})
    void anythingButACanonicalGuidIsRejectedUnderTheFieldGiven(String text) {
        assertThat(Guids.isGuid(text)).isFalse();
        assertRejected(() -> Guids.parse(text, "filterId"), "filterId", "must be a GUID");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"1-2-3-4-5", "", "  "})
    void aScriptIdMustBeACanonicalGuid(String text) {
        assertRejected(() -> ScriptId.of(text), "id", "must be a GUID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-2-3-4-5", "", "  "})
    void aGroupIdMustBeACanonicalGuid(String text) {
        assertRejected(() -> GroupId.of(text, "targetGroupId"), "targetGroupId", "must be a GUID");
    }

    @Test
    void aMissingGroupIdIsRejectedAsRequired() {
        assertRejected(() -> GroupId.of(null, "targetGroupId"), "targetGroupId", "is required");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"1-2-3-4-5", ""})
    void aTenantIdMustBeACanonicalGuid(String text) {
        assertRejected(() -> TenantId.of(text), "tenantId", "must be a GUID");
    }

    @Test
    void idsWrittenInDifferentCaseAreEqualAndPrintInLowerCase() {
        GroupId upper = GroupId.of(LOWER.toUpperCase(), "groupId");

        assertThat(upper).isEqualTo(GroupId.of(LOWER, "groupId"));
        assertThat(upper).hasToString(LOWER);
        assertThat(ScriptId.of(LOWER.toUpperCase())).isEqualTo(ScriptId.of(LOWER)).hasToString(LOWER);
    }
}
