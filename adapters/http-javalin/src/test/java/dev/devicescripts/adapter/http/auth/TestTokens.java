package dev.devicescripts.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Keys, claims and tokens for the authentication tests, and the check every refusal must pass. */
public final class TestTokens {
    static final String TENANT = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
    static final String OTHER_TENANT = "0c0dc4fd-5c8b-4c37-a2a8-3a1bb4e4f0e4";
    static final String CLIENT_APP = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    static final String GRAPH = "https://graph.microsoft.com";
    static final TokenRules RULES = TokenRules.local();

    /** Keys made once for all tests: RSA key generation takes a noticeable moment. */
    static final RSAKey RSA_KEY = rsaKey("rsa-key-1");
    static final ECKey EC_KEY = ecKey("ec-key-1");

    private TestTokens() {
    }

    public static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ecKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims every check of {@link #RULES} accepts: a delegated token of {@link #TENANT}, valid for an hour. */
    static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .audience(GRAPH)
                .issuer(RULES.issuerFor(TENANT))
                .issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", TENANT)
                .claim("appid", CLIENT_APP)
                .claim("scp", "DeviceManagementScripts.Read.All");
    }

    static Date at(Duration fromNow) {
        return Date.from(Instant.now().plus(fromNow));
    }

    /** RS256 with an RSA key, ES256 with an EC key; the header names the key's id. */
    public static String signed(JWK key, JWTClaimsSet claims) {
        try {
            if (key instanceof ECKey ec) {
                return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims,
                        new ECDSASigner(ec));
            }
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims,
                    new RSASSASigner(key.toRSAKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT token = new SignedJWT(header, claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** A token assembled by hand, for headers no signer would write. */
    static String assembled(String headerJson, JWTClaimsSet claims, String signature) {
        return Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(signature.getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Writes the public halves of the keys as a JWK set file. */
    static Path writeJwks(Path file, JWK... keys) {
        try {
            Files.writeString(file, new JWKSet(List.of(keys)).toString(true));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refusal's message, after checking that it quotes no part of the token. */
    static String refusalOf(Authenticator authenticator, String token) {
        return refusalOfHeader(authenticator, bearer(token), token);
    }

    static String refusalOfHeader(Authenticator authenticator, String authorizationHeader, String token) {
        AuthenticationException refusal = catchThrowableOfType(AuthenticationException.class,
                () -> authenticator.authenticate(authorizationHeader));
        assertThat(refusal).as("the refusal of the token").isNotNull();
        assertQuotesNoPartOf(token, refusal.getMessage());
        return refusal.getMessage();
    }

    /** {@code text} quotes no part of the token: neither its header, nor its payload, nor its signature. */
    public static void assertQuotesNoPartOf(String token, String text) {
        for (String part : token.split("\\.")) {
            if (!part.isEmpty()) {
                assertThat(text).doesNotContain(part);
            }
        }
    }
}
