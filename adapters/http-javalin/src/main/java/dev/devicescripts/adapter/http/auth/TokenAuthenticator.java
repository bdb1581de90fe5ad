package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the bearer token, checks its signature, then its claims: no claim is trusted before the signature is.
 *
 * <p>A token that passed is remembered, by its SHA-256 digest, until it expires but at most five minutes, so that a
 * client sending the same token again is not checked again: a signature check is the costliest part of a small
 * request. Only passes are remembered; a token past its expiry is checked, and refused, anew.
 */
final class TokenAuthenticator implements Authenticator {
    /** How long a pass counts at most: a key its issuer withdraws stops working within this time. */
    private static final Duration REMEMBER_AT_MOST = Duration.ofMinutes(5);
    /** Enough for every client of a busy server; a few hundred KiB. */
    private static final int MAX_REMEMBERED = 4_096;

    private record Pass(AuthenticatedCaller caller, Instant until) {
    }

    private final SignatureCheck signatures;
    private final ClaimChecks claims;
    private final Map<ByteBuffer, Pass> passes = new ConcurrentHashMap<>();

    TokenAuthenticator(SignatureCheck signatures, ClaimChecks claims) {
        this.signatures = signatures;
        this.claims = claims;
    }

    @Override
    public AuthenticatedCaller authenticate(String authorizationHeader) {
        Instant now = Instant.now();
        ByteBuffer digest = authorizationHeader == null ? null : sha256(authorizationHeader);
        Pass known = digest == null ? null : passes.get(digest);
        if (known != null && now.isBefore(known.until())) {
            return known.caller();
        }
        JWT token = BearerTokens.parse(authorizationHeader);
        signatures.verify(token);
        JWTClaimsSet verified = claimsOf(token);
        AuthenticatedCaller caller = claims.callerFrom(verified);
        remember(digest, new Pass(caller, earliest(claims.lastValidInstant(verified), now.plus(REMEMBER_AT_MOST))),
                now);
        return caller;
    }

    private void remember(ByteBuffer digest, Pass pass, Instant now) {
        if (passes.size() >= MAX_REMEMBERED) {
            passes.values().removeIf(old -> !now.isBefore(old.until()));
            if (passes.size() >= MAX_REMEMBERED) {
                passes.clear(); // many tokens at once: start over rather than track which is least used
            }
        }
        passes.put(digest, pass);
    }

    private static Instant earliest(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    private static ByteBuffer sha256(String authorizationHeader) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(authorizationHeader.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static JWTClaimsSet claimsOf(JWT token) {
        try {
            return token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw BearerTokens.malformed("its claims are not a JSON object whose exp, nbf, iat, aud and iss have "
                    + "their standard types");
        }
    }
}
