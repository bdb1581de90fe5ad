package dev.devicescripts.adapter.http.server;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the PEM files of {@link TlsFiles} into the in-memory KeyStore that Jetty serves TLS from. Each problem with
 * the files is an {@link IllegalArgumentException} whose message names the file and what is wrong with it.
 */
final class PemTls {
    /** Jetty needs a password to read the key back; the KeyStore never leaves memory, so it protects nothing. */
    static final String KEY_STORE_PASSWORD = "in-memory";

    private static final String CERTIFICATE = "TLS certificate file ";
    private static final String KEY = "TLS private key file ";
    /** How to prove a key belongs to a certificate: sign with one, verify with the other. */
    private static final Map<String, String> SIGNATURE_BY_KEY_ALGORITHM =
            Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA");

    private PemTls() {
    }

    static KeyStore keyStore(TlsFiles files) {
        List<X509Certificate> chain = certificateChain(files.certificateChain());
        PrivateKey key = privateKey(files.privateKey());
        if (!signsFor(key, chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException(KEY + files.privateKey() + " is not the key of the first certificate in "
                    + files.certificateChain() + " (the chain starts with the server's own certificate).");
        }
        KeyStore store = emptyKeyStore();
        try {
            store.setKeyEntry("server", key, KEY_STORE_PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException(CERTIFICATE + files.certificateChain()
                    + " is not one chain: each certificate must be issued by the one after it.", e);
        }
        return store;
    }

    private static KeyStore emptyKeyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("This Java cannot hold a PKCS12 key store in memory: " + e, e);
        }
    }

    private static List<X509Certificate> certificateChain(Path file) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> chain = new ArrayList<>();
        for (Object object : pemObjects(CERTIFICATE, file)) {
            if (!(object instanceof X509CertificateHolder certificate)) {
                throw new IllegalArgumentException(CERTIFICATE + file + " holds something other than certificates.");
            }
            try {
                chain.add(converter.getCertificate(certificate));
            } catch (CertificateException e) {
                throw new IllegalArgumentException(CERTIFICATE + file + " holds an unreadable certificate: " + e, e);
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(CERTIFICATE + file + " holds no PEM certificate (BEGIN CERTIFICATE).");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        // Other objects, such as the EC PARAMETERS block openssl writes before an EC key, are skipped.
        for (Object object : pemObjects(KEY, file)) {
            if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new IllegalArgumentException(KEY + file + " is encrypted; give the key without a passphrase "
                        + "(openssl pkey -in " + file + " -out plain-key.pem).");
            }
            PrivateKeyInfo info = object instanceof PEMKeyPair pair ? pair.getPrivateKeyInfo()
                    : object instanceof PrivateKeyInfo plain ? plain : null;
            if (info != null) {
                return readableKey(file, converter, info);
            }
        }
        throw new IllegalArgumentException(KEY + file
                + " holds no PEM private key (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY).");
    }

    private static PrivateKey readableKey(Path file, JcaPEMKeyConverter converter, PrivateKeyInfo info) {
        PrivateKey key;
        try {
            key = converter.getPrivateKey(info);
        } catch (IOException e) {
            throw new IllegalArgumentException(KEY + file + " holds an unreadable key: " + e.getMessage(), e);
        }
        if (!SIGNATURE_BY_KEY_ALGORITHM.containsKey(key.getAlgorithm())) {
            throw new IllegalArgumentException(KEY + file + " holds a key of type " + key.getAlgorithm()
                    + "; use an RSA or EC key.");
        }
        return key;
    }

    /** Every PEM object in the file, in order; none when the file holds no PEM at all. */
    private static List<Object> pemObjects(String role, Path file) {
        String text;
        try {
            // ISO-8859-1 reads any bytes, so a binary file shows up as "no PEM" rather than as a decoding error.
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(role + file + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(role + file + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(role + file + " cannot be read: " + e, e);
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | IllegalStateException e) {
            // BouncyCastle reports bad Base64 inside a PEM block as an IllegalStateException.
            throw new IllegalArgumentException(role + file + " is not valid PEM: " + e.getMessage(), e);
        }
        return objects;
    }

    private static boolean signsFor(PrivateKey key, PublicKey certified) {
        String algorithm = SIGNATURE_BY_KEY_ALGORITHM.get(key.getAlgorithm());
        try {
            byte[] challenge = "devicescripts".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an RSA key against an EC certificate
        }
    }
}
