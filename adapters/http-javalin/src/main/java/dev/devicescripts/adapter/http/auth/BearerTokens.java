package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.TenantId;
import java.text.ParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the JWT out of an Authorization header, without trusting anything in it yet. */
public final class BearerTokens {
    private static final String HOW_TO_SEND = "send Authorization: Bearer <token>.";
    /** Header, claims and signature; the signature is empty in unsigned (alg none) tokens. */
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private BearerTokens() {
    }

    /** The token an Authorization header carries, not yet looked into. */
    static String token(String authorizationHeader) {
        if (authorizationHeader == null) {
            throw new AuthenticationException("No Authorization header: " + HOW_TO_SEND);
        }
        // Split by hand, not by a regular expression: this runs on every request.
        String header = authorizationHeader.strip();
        int end = 0;
        while (end < header.length() && !Character.isWhitespace(header.charAt(end))) {
            end++;
        }
        // The scheme is not quoted back: a client that forgot it sends the token itself in its place.
        if (!header.substring(0, end).equalsIgnoreCase("Bearer")) {
            throw new AuthenticationException(
                    "The Authorization header does not use the Bearer scheme: " + HOW_TO_SEND);
        }
        String token = header.substring(end).strip();
        if (token.isEmpty()) {
            throw new AuthenticationException("The Authorization header has no token after Bearer: " + HOW_TO_SEND);
        }
        return token;
    }

    /**
     * The tenant a header's token claims, unverified: for ordering requests before they are authenticated, never for
     * deciding what they may do. Empty when the header holds no readable token with a GUID tid.
     */
    public static Optional<TenantId> claimedTenant(String authorizationHeader) {
        try {
            Object tid = parse(token(authorizationHeader)).getJWTClaimsSet().getClaim("tid");
            return tid instanceof String text && Guids.isGuid(text) ? Optional.of(TenantId.of(text)) : Optional.empty();
        } catch (AuthenticationException | ParseException e) {
            return Optional.empty();
        }
    }

    static JWT parse(String token) {
        if (!JWT_SHAPE.matcher(token).matches()) {
            throw malformed("it is not a JWT, three base64url-encoded parts separated by dots");
        }
        try {
            return JWTParser.parse(token);
        } catch (ParseException e) {
            // Not chained: the parser's message may quote the token.
            throw malformed("its header is not base64url-encoded JSON naming an algorithm (alg)");
        }
    }

    static AuthenticationException malformed(String why) {
        return new AuthenticationException("The bearer token is malformed: " + why + ".");
    }
}
