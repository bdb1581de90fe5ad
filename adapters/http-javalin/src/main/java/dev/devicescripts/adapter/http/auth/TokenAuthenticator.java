package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;

/** Reads the bearer token, checks its signature, then its claims: no claim is trusted before the signature is. */
final class TokenAuthenticator implements Authenticator {
    private final SignatureCheck signatures;
    private final ClaimChecks claims;

    TokenAuthenticator(SignatureCheck signatures, ClaimChecks claims) {
        this.signatures = signatures;
        this.claims = claims;
    }

    @Override
    public AuthenticatedCaller authenticate(String authorizationHeader) {
        JWT token = BearerTokens.parse(authorizationHeader);
        signatures.verify(token);
        return claims.callerFrom(claimsOf(token));
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
