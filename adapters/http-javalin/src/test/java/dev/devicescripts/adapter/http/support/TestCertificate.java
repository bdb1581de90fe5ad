package dev.devicescripts.adapter.http.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptor;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A key pair and its certificate: a server's for localhost and 127.0.0.1, or a certificate authority's that issues
 * others; and their PEM files in each flavour a server meets.
 */
public record TestCertificate(KeyPair keys, X509Certificate certificate) {
    /**
     * Makes the keys as openssl does (SEC1 EC keys name their curve, which the JDK's leave out) and encrypts PEM, which
     * the JDK cannot; the server reads the files with the JDK alone.
     */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final Map<String, Integer> KEY_SIZES = Map.of("RSA", 2048, "EC", 256);

    /** A server certificate signed by its own key, an RSA or EC one. */
    public static TestCertificate selfSigned(String keyAlgorithm) {
        KeyPair keys = newKeys(keyAlgorithm);
        X500Name localhost = new X500Name("CN=localhost");
        return issue(keys, localhost, false, localhost, keys.getPrivate());
    }

    /** A root certificate authority. */
    public static TestCertificate authority(String name) {
        KeyPair keys = newKeys("EC");
        return issue(keys, new X500Name("CN=" + name), true, new X500Name("CN=" + name), keys.getPrivate());
    }

    /** An intermediate certificate authority that this one vouches for. */
    public TestCertificate issueAuthority(String name) {
        return issue(newKeys("EC"), new X500Name("CN=" + name), true, subject(), keys.getPrivate());
    }

    /** A server certificate for localhost that this authority vouches for. */
    public TestCertificate issueServer() {
        return issue(newKeys("EC"), new X500Name("CN=localhost"), false, subject(), keys.getPrivate());
    }

    private X500Name subject() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static KeyPair newKeys(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, BOUNCY_CASTLE);
            generator.initialize(KEY_SIZES.get(algorithm));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestCertificate issue(KeyPair keys, X500Name subject, boolean authority, X500Name issuer,
            PrivateKey issuerKey) {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
        try {
            if (authority) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            } else {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            String signature = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signature).build(issuerKey)));
            return new TestCertificate(keys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes this certificate (BEGIN CERTIFICATE), then those of {@code issuers}, as a server's chain file. */
    public Path writeCertificate(Path file, TestCertificate... issuers) {
        return writePem(file,
                Stream.concat(Stream.of(this), Stream.of(issuers)).map(TestCertificate::certificate).toArray());
    }

    /** Writes the key as PKCS#8 (BEGIN PRIVATE KEY). */
    public Path writePkcs8Key(Path file) {
        try {
            return writePem(file, new JcaPKCS8Generator(keys.getPrivate(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the key as OpenSSL's traditional PEM: PKCS#1 for RSA (BEGIN RSA PRIVATE KEY), SEC1 for EC. */
    public Path writeTraditionalKey(Path file) {
        return writePem(file, keys.getPrivate());
    }

    /** Writes the traditional key encrypted with a passphrase, as {@code openssl rsa -aes256} does. */
    public Path writeEncryptedKey(Path file) {
        try {
            PEMEncryptor passphrase = new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BOUNCY_CASTLE)
                    .build("passphrase".toCharArray());
            return writePem(file, new JcaMiscPEMGenerator(keys.getPrivate(), passphrase));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client's TLS context that trusts this certificate and nothing else. */
    public SSLContext trustingIt() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(Path file, Object... objects) {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                pem.writeObject(object);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
