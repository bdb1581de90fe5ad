package dev.devicescripts.adapter.http.auth;

import static dev.devicescripts.adapter.http.auth.AuthenticationException.shown;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.devicescripts.application.Caller;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks a token's lifetime, audience, tenant and issuer against the rules, and reads who the caller is. Which
 * operations the caller's permissions allow is for the application layer to decide.
 */
final class ClaimChecks {
    /** 9999-12-31T23:59:59Z, the last second of the years a token may name. */
    private static final long MAX_EPOCH_SECONDS = 253_402_300_799L;
    /** The correlation id of the caller a token proves, which no request has made yet. */
    static final UUID NO_REQUEST = new UUID(0, 0);

    private final TokenRules rules;
    private final Clock clock;

    ClaimChecks(TokenRules rules) {
        this(rules, Clock.systemUTC());
    }

    ClaimChecks(TokenRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    AuthenticatedCaller callerFrom(JWTClaimsSet claims) {
        checkLifetime(claims);
        checkAudience(claims.getAudience());
        String tid = stringClaim(claims, "tid");
        if (tid == null) {
            throw new AuthenticationException("The token has no tenant id (tid claim); this server needs it to know "
                    + "whose scripts to serve: get an Azure AD work or school account token.");
        }
        if (!Guids.isGuid(tid)) {
            throw new AuthenticationException("The token's tenant id (tid claim) is not a GUID.");
        }
        checkIssuer(claims.getIssuer(), rules.issuerFor(tid));
        return new AuthenticatedCaller(callerOf(TenantId.of(tid), claims), clientAppIdOf(claims));
    }

    /** Checked again each time a remembered token comes back: only its lifetime can change. */
    void checkLifetime(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new AuthenticationException("The token has no expiry time (exp claim); this server accepts only "
                    + "tokens that expire.");
        }
        if (now.isAfter(expiry.toInstant().plus(rules.clockSkew()))) {
            throw new AuthenticationException("The token expired at " + expiry.toInstant() + "; get a new token.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(rules.clockSkew()))) {
            throw new AuthenticationException("The token is not valid before " + notBefore.toInstant()
                    + "; check the clocks of this server and of the token issuer.");
        }
    }

    /**
     * Refuses an exp or nbf that is not a number of seconds from 1970 to the year 9999, such as {@code 1e20}, which
     * would otherwise read as a wrong date.
     */
    static void checkTimesInRange(Map<String, Object> rawClaims) {
        if (rawClaims == null) {
            return; // not a JSON object: the claims set refuses it
        }
        for (String name : List.of("exp", "nbf")) {
            Object seconds = rawClaims.get(name);
            if (seconds instanceof Number number
                    && !(number.doubleValue() >= 0 && number.doubleValue() <= MAX_EPOCH_SECONDS)) {
                throw new AuthenticationException("The token's " + name + " claim is invalid: it must be seconds "
                        + "since 1970 up to the year 9999.");
            }
        }
    }

    private void checkAudience(List<String> audiences) {
        if (audiences.stream().anyMatch(rules.audiences()::contains)) {
            return;
        }
        String named = audiences.isEmpty() ? "names no audience (aud claim)"
                : "is for " + audiences.stream().map(AuthenticationException::shown).collect(Collectors.joining(", "))
                        + ", not for this server";
        throw new AuthenticationException("The token " + named + "; request a token for "
                + String.join(" or ", rules.audiences()) + ".");
    }

    private static void checkIssuer(String issuer, String expected) {
        if (expected == null || expected.equals(issuer)) {
            return;
        }
        throw new AuthenticationException((issuer == null ? "The token names no issuer (iss claim)"
                : "The token was issued by " + shown(issuer)) + "; this server accepts tokens issued by " + expected
                + " only.");
    }

    /**
     * Delegated when the token carries scp, however empty; otherwise an application with the token's roles. The actor
     * is who the token names; where the request came from and its correlation id are each request's own
     * (RequestCaller), so the caller a token proves carries none.
     */
    private static Caller callerOf(TenantId tenant, JWTClaimsSet claims) {
        String scopes = stringClaim(claims, "scp");
        Set<String> permissions = scopes != null
                ? Arrays.stream(scopes.split(" ")).filter(scope -> !scope.isEmpty()).collect(Collectors.toSet())
                : rolesOf(claims);
        String appId = appIdOf(claims);
        String appName = optionalString(claims, "app_displayname");
        if (scopes == null) {
            return new Caller(tenant, permissions, new Actor(Actor.Kind.APPLICATION, null, null, null, appId, appName,
                    null), NO_REQUEST);
        }
        String userPrincipalName = optionalString(claims, "upn");
        return new Caller(tenant, permissions, new Actor(Actor.Kind.DELEGATED, optionalString(claims, "oid"),
                userPrincipalName != null ? userPrincipalName : optionalString(claims, "preferred_username"),
                optionalString(claims, "name"), appId, appName, null), NO_REQUEST);
    }

    private static Set<String> rolesOf(JWTClaimsSet claims) {
        try {
            List<String> roles = claims.getStringListClaim("roles");
            if (roles == null) {
                return Set.of();
            }
            if (!roles.contains(null)) {
                return Set.copyOf(roles);
            }
        } catch (ParseException e) {
            // refused below, like a null in the array
        }
        throw new AuthenticationException("The token's roles claim is not an array of strings.");
    }

    private static String clientAppIdOf(JWTClaimsSet claims) {
        String appId = appIdOf(claims);
        return appId != null ? appId : AuthenticatedCaller.UNKNOWN_CLIENT;
    }

    /** The app that obtained the token: appid in Azure AD v1 tokens, azp in v2 tokens; null when it names none. */
    private static String appIdOf(JWTClaimsSet claims) {
        String appId = stringClaim(claims, "appid");
        return appId != null ? appId : stringClaim(claims, "azp");
    }

    /**
     * A claim the audit logs show and nothing checks: a value that is not a string is left out rather than refused,
     * as tokens were accepted before the logs read them.
     */
    private static String optionalString(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new AuthenticationException("The token's " + name + " claim is not a string.");
        }
    }
}
