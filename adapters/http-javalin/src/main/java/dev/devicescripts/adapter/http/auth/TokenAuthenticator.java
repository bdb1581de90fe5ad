package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the bearer token, checks its signature, then its claims: no claim is trusted before the signature is.
 *
 * <p>Clients send one token many times, and reading and checking it every time would be the costliest part of a
 * small request (see docs/benchmark.md). So the caller a token proved is remembered, by the token's SHA-256 digest,
 * and a token sent again is only checked for what can change since: that its key is still trusted, and that it has
 * not expired.
 */
final class TokenAuthenticator implements Authenticator {
    /** Enough for every client of a busy server; each entry is a token's claims and the caller they name. */
    private static final int MAX_REMEMBERED = 4_096;

    private final SignatureCheck signatures;
    private final ClaimChecks claims;
    private final Map<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();

    TokenAuthenticator(SignatureCheck signatures, ClaimChecks claims) {
        this.signatures = signatures;
        this.claims = claims;
    }

    @Override
    public AuthenticatedCaller authenticate(String authorizationHeader) {
        String token = BearerTokens.token(authorizationHeader);
        ByteBuffer digest = sha256(token);
        Verified known = verified.get(digest);
        if (known != null && known.trust().stillHolds()) {
            claims.checkLifetime(known.claims());
            return known.caller();
        }
        JWT parsed = BearerTokens.parse(token);
        SignatureCheck.Trust trust = signatures.verify(parsed);
        JWTClaimsSet claimsSet = claimsOf(parsed);
        AuthenticatedCaller caller = claims.callerFrom(claimsSet);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear(); // many tokens at once: start over rather than track which is least used
        }
        verified.put(digest, new Verified(trust, claimsSet, caller));
        return caller;
    }

    private static JWTClaimsSet claimsOf(JWT token) {
        try {
            // The library turns exp and nbf into dates by multiplying seconds, which overflows on huge numbers.
            ClaimChecks.checkTimesInRange(((JOSEObject) token).getPayload().toJSONObject());
            return token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw BearerTokens.malformed("its claims are not a JSON object whose exp, nbf, iat, aud and iss have "
                    + "their standard types");
        }
    }

    private static ByteBuffer sha256(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A token whose signature and claims passed, and the caller they prove. */
    private record Verified(SignatureCheck.Trust trust, JWTClaimsSet claims, AuthenticatedCaller caller) {
    }
}
