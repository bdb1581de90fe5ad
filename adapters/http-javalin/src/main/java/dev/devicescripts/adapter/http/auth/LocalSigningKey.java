package dev.devicescripts.adapter.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * This server's own RSA key, kept in {@code <data directory>/signing-key.jwk}: the key source that works with no
 * configuration. It signs tokens for development and tests ({@link #mint}), which {@link Authenticators#localKey}
 * verifies.
 */
public final class LocalSigningKey {
    private static final String FILE_NAME = "signing-key.jwk";
    private static final int KEY_BITS = 2048;

    private final RSAKey key;
    private final RSASSASigner signer;

    private LocalSigningKey(RSAKey key, RSASSASigner signer) {
        this.key = key;
        this.signer = signer;
    }

    /**
     * The key in the data directory's signing-key.jwk, created there first if absent: readable and writable by its
     * owner only, and written whole before it appears, so that servers starting at once all end up with one key.
     *
     * @throws IllegalStateException when the file exists but cannot be read or holds no RSA private key
     * @throws UncheckedIOException  when the directory or the file cannot be created
     */
    public static LocalSigningKey loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.notExists(file)) {
            create(file);
        }
        return read(file);
    }

    /** Signs an RS256 access token shaped like an Azure AD v1 one, valid from now for the requested time. */
    public String mint(TokenRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String tenant = request.tenant().toString();
        // The same app in the same tenant is always the same principal, as with a real service principal.
        String principal = UUID.nameUUIDFromBytes((tenant + "/" + request.clientAppId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .audience(request.rules().audiences().iterator().next())
                .issuer(request.rules().issuerFor(tenant))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(request.expiresIn())))
                .subject(principal)
                .claim("oid", principal)
                .claim("tid", tenant)
                .claim("appid", request.clientAppId())
                .claim("ver", "1.0");
        if (!request.scopes().isEmpty()) {
            claims.claim("scp", String.join(" ", request.scopes()));
        } else {
            claims.claim("roles", request.roles()).claim("idtyp", "app");
        }
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims.build());
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token with the local signing key.", e);
        }
        return token.serialize();
    }

    /** The public half, which verifies what this key signs. */
    RSAKey publicKey() {
        return key.toPublicJWK();
    }

    private static void create(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory);
            Path draft = Files.createTempFile(directory, FILE_NAME, ".tmp", ownerOnly(directory));
            try {
                writeDurably(draft, newKey().toJSONString());
                // A link, unlike a rename, fails when the file exists, so no server replaces a key another one uses.
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException anotherServerWasFirst) {
                // loadOrCreate goes on to read that server's key
            } finally {
                Files.delete(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the signing key file " + file + ": " + e, e);
        }
    }

    /** Owner read and write, set when the file is created, before any key byte is in it; where POSIX applies. */
    private static FileAttribute<?>[] ownerOnly(Path directory) {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair.", e);
        }
    }

    private static void writeDurably(Path file, String content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    private static LocalSigningKey read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing key file " + file + ": " + e
                    + ". Give this server read access to it.", e);
        }
        try {
            if (JWK.parse(json) instanceof RSAKey key && key.isPrivate() && key.getKeyID() != null) {
                return new LocalSigningKey(key, new RSASSASigner(key));
            }
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            // reported below, without the parser's message, which may quote key material
        }
        throw new IllegalStateException("The signing key file " + file + " does not hold an RSA private key of at "
                + "least " + KEY_BITS + " bits with a key id, as JSON (JWK). Restore it, or delete it to have a new "
                + "key created; tokens signed with the old key then stop being accepted.");
    }
}
