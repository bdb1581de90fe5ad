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
    void the_limit_is_200_kib() {
        assertThat(ScriptContent.MAX_BYTES).isEqualTo(204_800);
    }

    @Test
    void content_of_exactly_200_kib_is_accepted() {
        assertThat(ScriptContent.of(new byte[204_800]).size()).isEqualTo(204_800);
    }

    @Test
    void content_one_byte_over_200_kib_is_rejected_naming_the_limit() {
        assertRejected(() -> ScriptContent.of(new byte[204_801]), "scriptContent", "at most 204800 bytes");
    }

    @Test
    void base64_that_decodes_to_exactly_200_kib_is_accepted() {
        String encoded = Base64.getEncoder().encodeToString(new byte[204_800]);

        assertThat(ScriptContent.fromBase64(encoded).size()).isEqualTo(204_800);
    }

    @Test
    void base64_that_decodes_to_one_byte_over_200_kib_is_rejected() {
        String encoded = Base64.getEncoder().encodeToString(new byte[204_801]);

        assertRejected(() -> ScriptContent.fromBase64(encoded), "scriptContent", "decodes to 204801 bytes");
    }

    @Test
    void base64_decodes_to_the_script_and_encodes_back_the_same() {
        ScriptContent content = ScriptContent.fromBase64("V3JpdGUtSG9zdCAnaGVsbG8n");

        assertThat(new String(content.bytes(), StandardCharsets.UTF_8)).isEqualTo("Write-Host 'hello'");
        assertThat(content.toBase64()).isEqualTo("V3JpdGUtSG9zdCAnaGVsbG8n");
    }

    @Test
    void empty_base64_is_an_empty_script() {
        assertThat(ScriptContent.fromBase64("").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "a", "====", "YQ=a", "SGk=\n", "Write-Host 'hello'"})
    void text_that_is_not_base64_is_rejected(String notBase64) {
        assertRejected(() -> ScriptContent.fromBase64(notBase64), "scriptContent", "must be base64-encoded");
    }

    @Test
    void given_bytes_when_the_caller_changes_them_afterwards_then_the_content_does_not_change() {
        byte[] bytes = {1, 2, 3};
        ScriptContent content = ScriptContent.of(bytes);

        bytes[0] = 9;

        assertThat(content.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void changing_the_bytes_handed_out_does_not_change_the_content() {
        ScriptContent content = ScriptContent.of(new byte[] {1, 2, 3});

        content.bytes()[0] = 9;

        assertThat(content.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void contents_with_the_same_bytes_are_equal() {
        assertThat(ScriptContent.of(new byte[] {1, 2})).isEqualTo(ScriptContent.fromBase64("AQI="))
                .hasSameHashCodeAs(ScriptContent.fromBase64("AQI="));
    }
}
