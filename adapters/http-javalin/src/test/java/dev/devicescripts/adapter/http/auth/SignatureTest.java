package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.TestTokens.EC_KEY;
import static dev.devicescripts.adapter.http.auth.TestTokens.RSA_KEY;
import static dev.devicescripts.adapter.http.auth.TestTokens.RULES;
import static dev.devicescripts.adapter.http.auth.TestTokens.assembled;
import static dev.devicescripts.adapter.http.auth.TestTokens.at;
import static dev.devicescripts.adapter.http.auth.TestTokens.refusalOf;
import static dev.devicescripts.adapter.http.auth.TestTokens.rsaKey;
import static dev.devicescripts.adapter.http.auth.TestTokens.sign;
import static dev.devicescripts.adapter.http.auth.TestTokens.signed;
import static dev.devicescripts.adapter.http.auth.TestTokens.unsigned;
import static dev.devicescripts.adapter.http.auth.TestTokens.validClaims;
import static dev.devicescripts.adapter.http.auth.TestTokens.writeJwks;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.devicescripts.application.Caller;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only RS256 and ES256 signatures made by a trusted key pass; every known way around that is refused. */
class SignatureTest {
    private Authenticator authenticator;

    @BeforeEach
    void trustTheTestKeys(@TempDir Path directory) {
        authenticator = Authenticators.jwksFile(writeJwks(directory.resolve("keys.json"), RSA_KEY, EC_KEY), RULES);
    }

    @Test
    void rs256TokenSignedByATrustedKeyIsAccepted() {
        Caller caller = authenticator.authenticate("Bearer " + signed(RSA_KEY, validClaims().build())).caller();

        assertThat(caller.tenant().toString()).isEqualTo(TestTokens.TENANT);
    }

    @Test
    void es256TokenSignedByATrustedKeyIsAccepted() {
        Caller caller = authenticator.authenticate("Bearer " + signed(EC_KEY, validClaims().build())).caller();

        assertThat(caller.tenant().toString()).isEqualTo(TestTokens.TENANT);
    }

    @Test
    void unsignedTokenWithAlgNoneIsRefused() {
        String message = refusalOf(authenticator, unsigned(validClaims().build()));

        assertThat(message).contains("not signed (alg none)", "RS256 and ES256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void hmacKeyedWithTheServersPublicKeyIsRefused(String algorithm) throws Exception {
        // The key-confusion attack: a verifier that let the token pick the algorithm would check this HMAC with the
        // public key it trusts, which the attacker knows too.
        MACSigner signer = new MACSigner(RSA_KEY.toRSAPublicKey().getEncoded());
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm)).keyID(RSA_KEY.getKeyID()).build(),
                validClaims().build(), signer);

        assertThat(refusalOf(authenticator, token)).contains("'" + algorithm + "'", "RS256 and ES256");
    }

    @Test
    void ps256SignedByATrustedKeyIsRefusedAsAnAlgorithmNotAccepted() throws Exception {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(RSA_KEY.getKeyID()).build(),
                validClaims().build(), new RSASSASigner(RSA_KEY));

        assertThat(refusalOf(authenticator, token)).contains("'PS256'", "RS256 and ES256");
    }

    @Test
    void unknownAlgorithmIsRefusedAndNamed() {
        String token = assembled("{\"alg\":\"XY512\",\"kid\":\"rsa-key-1\"}", validClaims().build(), "signature");

        assertThat(refusalOf(authenticator, token)).contains("'XY512'", "RS256 and ES256");
    }

    @Test
    void tokenSignedByAnotherKeyUnderATrustedKeyIdIsRefused() {
        String token = signed(rsaKey(RSA_KEY.getKeyID()), validClaims().build());

        assertThat(refusalOf(authenticator, token)).contains("signature does not verify");
    }

    @Test
    void tokenSignedByAKeyIdNotTrustedIsRefusedNamingTheKeyId() {
        String token = signed(rsaKey("stranger"), validClaims().build());

        assertThat(refusalOf(authenticator, token)).contains("does not trust", "'stranger'");
    }

    @Test
    void tamperedClaimsUnderTheOriginalSignatureAreRefused() {
        String[] parts = signed(RSA_KEY, validClaims().build()).split("\\.");
        JWTClaimsSet elevated = validClaims().claim("scp", "DeviceManagementScripts.ReadWrite.All").build();
        String tampered = parts[0] + "." + Base64URL.encode(elevated.toString()) + "." + parts[2];

        assertThat(refusalOf(authenticator, tampered)).contains("signature does not verify");
    }

    @Test
    void signatureIsCheckedBeforeAnyClaim() {
        JWTClaimsSet expired = validClaims().expirationTime(at(Duration.ofHours(-1))).build();

        assertThat(refusalOf(authenticator, signed(rsaKey("stranger"), expired))).contains("does not trust");
    }
}
