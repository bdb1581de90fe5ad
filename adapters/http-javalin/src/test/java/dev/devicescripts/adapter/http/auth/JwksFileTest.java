package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.bearer;
import static dev.devicescripts.adapter.http.auth.TestTokens.ecKey;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.rsaKey;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.auth.TestTokens.validClaims;
import static dev.devicescripts.adapter.http.auth.TestTokens.writeJwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from a JWK set file, and their rotation by rewriting the file while the server runs. */
class JwksFileTest {
    @TempDir
    Path directory;

    private boolean accepts(Authenticator authenticator, JWK key) {
        return authenticator.authenticate(bearer(signed(key, validClaims().build()))) != null;
    }

    @Test
    void everyKeyOfTheFileVerifiesTheTokensItSigned() {
        JWK first = rsaKey("first");
        JWK second = ecKey("second");

        Authenticator authenticator = Authenticators.jwksFile(writeJwks(directory.resolve("keys.json"), first, second),
                RULES);

        assertThat(accepts(authenticator, first)).isTrue();
        assertThat(accepts(authenticator, second)).isTrue();
    }

    @Test
    void rewrittenFileIsReadWhenATokenNamesANewKeyIdAndItsRemovedKeyIsRefused() {
        JWK retired = rsaKey("retired");
        JWK kept = rsaKey("kept");
        JWK added = rsaKey("added");
        Path file = writeJwks(directory.resolve("keys.json"), retired, kept);
        Authenticator authenticator = Authenticators.jwksFile(file, RULES);
        assertThat(accepts(authenticator, retired)).isTrue();

        writeJwks(file, kept, added);

        assertThat(accepts(authenticator, added)).isTrue();
        assertThat(accepts(authenticator, kept)).isTrue();
        assertThat(refusalOf(authenticator, signed(retired, validClaims().build()))).contains("does not trust");
    }

    @Test
    void missingFileFailsAtOnceNamingIt() {
        Path missing = directory.resolve("missing.json");

        assertThatThrownBy(() -> Authenticators.jwksFile(missing, RULES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void fileThatIsNotAJwkSetFailsAtOnceNamingIt() throws Exception {
        Path broken = Files.writeString(directory.resolve("keys.json"), "{\"keys\": \"not a list\"}");

        assertThatThrownBy(() -> Authenticators.jwksFile(broken, RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("not a JWK set");
    }

    @Test
    void fileWithNoKeysFailsAtOnceNamingIt() throws Exception {
        Path empty = Files.writeString(directory.resolve("keys.json"), "{\"keys\": []}");

        assertThatThrownBy(() -> Authenticators.jwksFile(empty, RULES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(empty + " holds no keys");
    }
}
