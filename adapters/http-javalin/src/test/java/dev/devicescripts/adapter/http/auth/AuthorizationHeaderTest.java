package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.RSA_KEY;
import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOfHeader;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.auth.TestTokens.validClaims;
import static dev.devicescripts.adapter.http.auth.TestTokens.writeJwks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Authorization header must look like before any token in it is looked at. */
class AuthorizationHeaderTest {
    private Authenticator authenticator;

    @BeforeEach
    void trustTheTestKey(@TempDir Path directory) {
        authenticator = Authenticators.jwksFile(writeJwks(directory.resolve("keys.json"), RSA_KEY), RULES);
    }

    @Test
    void missingHeaderIsRefusedWithHowToSendOne() {
        AuthenticationException refusal = catchThrowableOfType(AuthenticationException.class,
                () -> authenticator.authenticate(null));

        assertThat(refusal).hasMessage("No Authorization header: send Authorization: Bearer <token>.");
    }

    @Test
    void bearerSchemeIsMatchedWhateverItsCase() {
        String token = signed(RSA_KEY, validClaims().build());

        assertThat(authenticator.authenticate("bEaReR " + token).caller().tenant().toString())
                .isEqualTo(TestTokens.TENANT);
    }

    @Test
    void otherSchemeIsRefusedAndNamesBearer() {
        String credentials = "dXNlcjpwYXNzd29yZA";

        String message = refusalOfHeader(authenticator, "Basic " + credentials, credentials);

        assertThat(message).contains("does not use the Bearer scheme", "Authorization: Bearer <token>");
    }

    @Test
    void tokenSentWithoutSchemeIsRefusedWithoutQuotingIt() {
        String token = signed(RSA_KEY, validClaims().build());

        String message = refusalOfHeader(authenticator, token, token);

        assertThat(message).contains("does not use the Bearer scheme");
    }

    @Test
    void bearerWithoutTokenIsRefused() {
        String message = refusalOfHeader(authenticator, "Bearer   ", "");

        assertThat(message).contains("no token after Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyzzy", "eyJhbGciOiJSUzI1NiJ9.e30", "Zm9v.YmFy.YmF6.cXV4",
        "eyJhbGc!iOiJSUzI1NiJ9.e30.c2ln", "eyJhbGciOiJSUzI1NiJ9..c2ln"})
    void tokenThatIsNotThreeBase64UrlPartsIsMalformed(String token) {
        assertThat(refusalOf(authenticator, token)).contains("malformed", "three base64url-encoded parts");
    }

    @Test
    void tokenWhoseHeaderIsNotJsonIsMalformed() {
        assertThat(refusalOf(authenticator, "bm90IGpzb24.e30.c2ln")).contains("malformed", "header");
    }

    @Test
    void signedTokenWhoseClaimsAreNotJsonIsMalformed() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA_KEY.getKeyID()).build();
        JWSObject notAJwt = new JWSObject(header, new Payload("not json"));
        notAJwt.sign(new RSASSASigner(RSA_KEY));

        assertThat(refusalOf(authenticator, notAJwt.serialize())).contains("malformed", "claims");
    }
}
