package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The public keys of a JWK set file, read afresh on every call: caching, and reloading when a token names an
 * unknown key id, come from nimbus's JWKSourceBuilder around it.
 */
final class JwksFile implements JWKSetSource<SecurityContext> {
    private final Path file;

    JwksFile(Path file) {
        this.file = file;
    }

    /** Reads the file once now, so that a wrong path or a broken file stops startup instead of every request. */
    JwksFile checked() {
        try {
            if (read().isEmpty()) {
                throw new IllegalArgumentException("The JWK set file " + file + " holds no keys.");
            }
            return this;
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException(problemWith(e), e);
        }
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        try {
            return read();
        } catch (IOException | ParseException e) {
            throw new KeySourceException(problemWith(e), e);
        }
    }

    private JWKSet read() throws IOException, ParseException {
        return JWKSet.load(file.toFile()).toPublicJWKSet();
    }

    /** Names the file; a parse error's own message is left out, as it may quote key material. */
    private String problemWith(Exception e) {
        return e instanceof ParseException
                ? "The JWK set file " + file + " is not a JWK set: expected JSON of the form {\"keys\": [...]}."
                : "Cannot read the JWK set file " + file + ": " + e;
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
