package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jwt.JWT;

/** Decides whether a token's signature proves it came from a trusted issuer. */
@FunctionalInterface
interface SignatureCheck {

    /** @throws AuthenticationException when it does not */
    void verify(JWT token);
}
