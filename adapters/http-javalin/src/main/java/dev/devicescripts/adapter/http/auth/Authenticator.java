package dev.devicescripts.adapter.http.auth;

/** Turns the Authorization header of a request into the caller it proves, or refuses it. */
public interface Authenticator {

    /**
     * @param authorizationHeader the raw Authorization header, null when absent
     * @return the caller the bearer token proves
     * @throws AuthenticationException when the header carries no acceptable token; its message says which check
     *                                 failed and never contains the token
     */
    AuthenticatedCaller authenticate(String authorizationHeader);
}
