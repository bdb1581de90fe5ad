package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.AuthenticationException.shown;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts RS256 and ES256 signatures made by a key of the key source, and nothing else: not unsigned tokens
 * (alg none), and no HMAC, whose secret an attacker could set to the server's public key.
 *
 * <p>The signature math is the costliest part of a small request, and clients send one token many times: which key
 * verified a token is remembered, by the token's SHA-256 digest, and the math is skipped while the key source still
 * offers that very key for the token. A key the issuer withdraws stops verifying at once.
 */
final class KeySignatureCheck implements SignatureCheck {
    private static final String ACCEPTED = "this server accepts only RS256 and ES256 signatures";
    /** Enough for every client of a busy server; each entry is a digest and a reference to a key held anyway. */
    private static final int MAX_REMEMBERED = 4_096;

    private final JWSVerificationKeySelector<SecurityContext> keys;
    private final JWSVerifierFactory verifiers;
    private final Map<ByteBuffer, Key> verifiedBy = new ConcurrentHashMap<>();

    KeySignatureCheck(JWKSource<SecurityContext> keySource) {
        this(keySource, new DefaultJWSVerifierFactory());
    }

    KeySignatureCheck(JWKSource<SecurityContext> keySource, JWSVerifierFactory verifiers) {
        this.keys = new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keySource);
        this.verifiers = verifiers;
    }

    @Override
    public void verify(JWT token) {
        if (!(token instanceof SignedJWT signed)) {
            throw new AuthenticationException("The token is not signed (alg none); " + ACCEPTED + ".");
        }
        JWSHeader header = signed.getHeader();
        if (!keys.isAllowed(header.getAlgorithm())) {
            throw new AuthenticationException("The token is signed with the algorithm "
                    + shown(header.getAlgorithm().getName()) + "; " + ACCEPTED + ".");
        }
        List<Key> candidates = keysFor(header);
        if (candidates.isEmpty()) {
            throw new AuthenticationException("The token is signed by a key this server does not trust (key id "
                    + (header.getKeyID() == null ? "absent" : shown(header.getKeyID()))
                    + "); get a token from the issuer this server is configured for.");
        }
        ByteBuffer digest = sha256(signed.getParsedString());
        Key remembered = verifiedBy.get(digest);
        if (remembered != null && candidates.contains(remembered)) {
            return;
        }
        Key verifying = verifyingKey(candidates, signed);
        if (verifying == null) {
            throw new AuthenticationException("The token's signature does not verify: the token was altered, or "
                    + "signed by a different key than the one its key id names.");
        }
        if (verifiedBy.size() >= MAX_REMEMBERED) {
            verifiedBy.clear(); // many tokens at once: start over rather than track which is least used
        }
        verifiedBy.put(digest, verifying);
    }

    private List<Key> keysFor(JWSHeader header) {
        try {
            return keys.selectJWSKeys(header, null);
        } catch (RateLimitReachedException e) {
            // The keys were reloaded a moment ago, so the key id is unknown to the source too.
            return List.of();
        } catch (KeySourceException e) {
            throw new SigningKeysUnavailableException(e);
        }
    }

    /** The key among the candidates whose signature the token carries, or null when none. */
    private Key verifyingKey(List<Key> candidates, SignedJWT token) {
        for (Key key : candidates) {
            try {
                if (token.verify(verifiers.createJWSVerifier(token.getHeader(), key))) {
                    return key;
                }
            } catch (JOSEException e) {
                // a key that cannot check this signature does not verify it
            }
        }
        return null;
    }

    private static ByteBuffer sha256(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
