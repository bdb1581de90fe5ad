package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.AuthenticationException.shown;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.util.List;
import java.util.Set;

/**
 * Accepts RS256 and ES256 signatures made by a key of the key source, and nothing else: not unsigned tokens
 * (alg none), and no HMAC, whose secret an attacker could set to the server's public key.
 */
final class KeySignatureCheck implements SignatureCheck {
    private static final String ACCEPTED = "this server accepts only RS256 and ES256 signatures";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final JWKSource<SecurityContext> keySource;
    private final JWSVerifierFactory verifiers;

    KeySignatureCheck(JWKSource<SecurityContext> keySource) {
        this(keySource, new DefaultJWSVerifierFactory());
    }

    KeySignatureCheck(JWKSource<SecurityContext> keySource, JWSVerifierFactory verifiers) {
        this.keySource = keySource;
        this.verifiers = verifiers;
    }

    @Override
    public Trust verify(JWT token) {
        if (!(token instanceof SignedJWT signed)) {
            throw new AuthenticationException("The token is not signed (alg none); " + ACCEPTED + ".");
        }
        JWSHeader header = signed.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new AuthenticationException("The token is signed with the algorithm "
                    + shown(header.getAlgorithm().getName()) + "; " + ACCEPTED + ".");
        }
        List<JWK> candidates = keysFor(header);
        if (candidates.isEmpty()) {
            throw new AuthenticationException("The token is signed by a key this server does not trust (key id "
                    + (header.getKeyID() == null ? "absent" : shown(header.getKeyID()))
                    + "); get a token from the issuer this server is configured for.");
        }
        JWK verifying = verifyingKey(candidates, signed);
        if (verifying == null) {
            throw new AuthenticationException("The token's signature does not verify: the token was altered, or "
                    + "signed by a different key than the one its key id names.");
        }
        return () -> keysFor(header).contains(verifying);
    }

    /** The keys of the source that match the header's algorithm and key id. */
    private List<JWK> keysFor(JWSHeader header) {
        try {
            return keySource.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        } catch (RateLimitReachedException e) {
            // The keys were reloaded a moment ago, so the key id is unknown to the source too.
            return List.of();
        } catch (KeySourceException e) {
            throw new SigningKeysUnavailableException(e);
        }
    }

    /** The key among the candidates whose signature the token carries, or null when none. */
    private JWK verifyingKey(List<JWK> candidates, SignedJWT token) {
        for (JWK candidate : candidates) {
            try {
                for (Key key : KeyConverter.toJavaKeys(List.of(candidate))) {
                    if (token.verify(verifiers.createJWSVerifier(token.getHeader(), key))) {
                        return candidate;
                    }
                }
            } catch (JOSEException e) {
                // a key that cannot check this signature does not verify it
            }
        }
        return null;
    }
}
