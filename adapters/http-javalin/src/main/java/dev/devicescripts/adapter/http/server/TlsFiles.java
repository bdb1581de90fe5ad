package dev.devicescripts.adapter.http.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files the server speaks HTTPS with.
 *
 * @param certificateChain the server's certificate, then any intermediates it needs
 * @param privateKey       the certificate's private key, unencrypted: PKCS#8, PKCS#1 RSA or SEC1 EC
 */
public record TlsFiles(Path certificateChain, Path privateKey) {
    public TlsFiles {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
