package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jwt.JWT;

/** Decides whether a token's signature proves it came from a trusted issuer. */
@FunctionalInterface
interface SignatureCheck {

    /**
     * @return whether the same token would still verify later, which asks the key source again but does no signature
     *         math: the issuer may withdraw the key meanwhile
     * @throws AuthenticationException when the signature does not verify
     */
    Trust verify(JWT token);

    @FunctionalInterface
    interface Trust {
        /** Trust in a token whose signature is not checked at all. */
        Trust UNCHECKED = () -> true;

        boolean stillHolds();
    }
}
