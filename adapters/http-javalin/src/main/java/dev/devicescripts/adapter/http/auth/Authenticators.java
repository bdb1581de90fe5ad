package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

/** The ways this server can check bearer tokens; each checks the claims the same way, by the given rules. */
public final class Authenticators {
    /** Connect and read timeouts for a JWKS URL: a key fetch runs on a request's thread, so it must end soon. */
    private static final int JWKS_HTTP_TIMEOUT_MILLIS = 2_000;

    private Authenticators() {
    }

    /** Tokens signed by this server's own key, such as the ones {@link LocalSigningKey#mint} makes. */
    public static Authenticator localKey(LocalSigningKey key, TokenRules rules) {
        return verifiedBy(new ImmutableJWKSet<>(new JWKSet(key.publicKey())), rules);
    }

    /**
     * Tokens signed by a key of a JWK set file. The file is read at once (a missing or broken file throws
     * IllegalArgumentException naming it) and again when a token names a key id it does not hold, at most twice in
     * 30 seconds: keys rotate without a restart. Replace the file atomically (write another, then rename it).
     */
    public static Authenticator jwksFile(Path file, TokenRules rules) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new JwksFile(file).checked())
                .cacheForever()
                .build();
        return verifiedBy(keys, rules);
    }

    /**
     * Tokens signed by a key published at a JWKS URL, such as Azure AD's
     * {@code https://login.microsoftonline.com/common/discovery/v2.0/keys}. The keys are fetched on first use, cached
     * for five minutes and fetched again when a token names an unknown key id (at most twice in 30 seconds).
     */
    public static Authenticator jwksUrl(URI url, TokenRules rules) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(JWKS_HTTP_TIMEOUT_MILLIS,
                JWKS_HTTP_TIMEOUT_MILLIS, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        return verifiedBy(JWKSourceBuilder.<SecurityContext>create(toUrl(url), retriever).build(), rules);
    }

    /**
     * <strong>Checks no signature at all: anyone can forge a token this accepts.</strong> The claims are still read
     * and checked (exp, nbf, aud, tid, and iss when the rules name an issuer); a token with any algorithm, including
     * alg none, passes without its signature being looked at.
     *
     * <p>It exists for one purpose: pointing client code that holds real Microsoft Graph tokens at a local server.
     * Microsoft signs those tokens for Graph alone, and no third party can verify them, so a local server can only
     * read them. Never use it where anyone but the developer can reach the server; the bootstrap refuses it unless
     * the server listens on loopback only.
     */
    public static Authenticator unverifiedSignatures(TokenRules rules) {
        return new TokenAuthenticator(token -> SignatureCheck.Trust.UNCHECKED, new ClaimChecks(rules));
    }

    private static Authenticator verifiedBy(JWKSource<SecurityContext> keys, TokenRules rules) {
        return new TokenAuthenticator(new KeySignatureCheck(keys), new ClaimChecks(rules));
    }

    private static URL toUrl(URI url) {
        try {
            return url.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The JWKS URL " + url + " is not an absolute http or https URL.", e);
        }
    }
}
