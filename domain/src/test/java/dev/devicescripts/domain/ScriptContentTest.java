package dev.devicescripts.domain;

import static dev.devicescripts.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptContentTest {

    @Test
    void theLimitIs200Kib() {
        assertThat(ScriptContent.MAX_BYTES).isEqualTo(204_800);
    }

    @Test
    void contentOfExactly200KibIsAccepted() {
        assertThat(ScriptContent.of(new byte[204_800]).size()).isEqualTo(204_800);
    }

    @Test
    void contentOneByteOver200KibIsRejectedNamingTheLimit() {
        assertRejected(() -> ScriptContent.of(new byte[204_801]), "scriptContent", "at most 204800 bytes");
    }

    @Test
    void base64ThatDecodesToExactly200KibIsAccepted() {
        String encoded = Base64.getEncoder().encodeToString(new byte[204_800]);

        assertThat(ScriptContent.fromBase64(encoded).size()).isEqualTo(204_800);
    }

    @Test
    void base64ThatDecodesToOneByteOver200KibIsRejected() {
        String encoded = Base64.getEncoder().encodeToString(new byte[204_801]);

        assertRejected(() -> ScriptContent.fromBase64(encoded), "scriptContent", "decodes to 204801 bytes");
    }

    @Test
    void base64DecodesToTheScriptAndEncodesBackTheSame() {
        ScriptContent content = ScriptContent.fromBase64("V3JpdGUtSG9zdCAnaGVsbG8n");

        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("Write-Host 'hello'");
        assertThat(content.toBase64()).isEqualTo("V3JpdGUtSG9zdCAnaGVsbG8n");
    }

    @Test
    void emptyBase64IsAnEmptyScript() {
        assertThat(ScriptContent.fromBase64("").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "a", "====", "YQ=a", "SGk=\n", "Write-Host 'hello'"})
    void textThatIsNotBase64IsRejected(String notBase64) {
        assertRejected(() -> ScriptContent.fromBase64(notBase64), "scriptContent", "must be base64-encoded");
    }

    @Test
    void givenBytesWhenTheCallerChangesThemAfterwardsThenTheContentDoesNotChange() {
        byte[] bytes = {1, 2, 3};
        ScriptContent content = ScriptContent.of(bytes);

        bytes[0] = 9;

        assertThat(content.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void changingTheBytesHandedOutDoesNotChangeTheContent() {
        ScriptContent content = ScriptContent.of(new byte[] {1, 2, 3});

        content.bytes()[0] = 9;

        assertThat(content.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void contentsWithTheSameBytesAreEqual() {
        assertThat(ScriptContent.of(new byte[] {1, 2})).isEqualTo(ScriptContent.fromBase64("AQI="))
                .hasSameHashCodeAs(ScriptContent.fromBase64("AQI="));
    }
}
