package dev.devicescripts.adapter.http.server;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.adapter.http.support.TestCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsTest {
    /** Made once: generating RSA keys takes a while. */
    private static final TestCertificate RSA = TestCertificate.selfSigned("RSA");

    @TempDir
    Path folder;

    @Test
    void givenPemFilesWhenAClientCreatesAndReadsAScriptOverHttpsThenItWorksAndLocationSaysHttps() throws IOException {
        TlsFiles files = new TlsFiles(RSA.writeCertificate(folder.resolve("cert.pem")),
                RSA.writePkcs8Key(folder.resolve("key.pem")));

        assertThat(Files.readAllLines(files.privateKey()).get(0)).isEqualTo("-----BEGIN PRIVATE KEY-----");
        try (GraphApi api = GraphApi.startWithTls(files, RSA.trustingIt())) {
            Reply created = api.post(SCRIPTS, "{\"displayName\":\"Over TLS\",\"scriptContent\":\"SGk=\"}");

            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(created.header("Location"))
                    .isEqualTo("https://127.0.0.1:" + api.server().port() + SCRIPTS + "/" + id);
            assertThat(api.script(id).get("displayName").asText()).isEqualTo("Over TLS");
        }
    }

    @Test
    void givenATlsServerWhenAClientSpeaksPlainHttpToItsPortThenItGetsNoGraphAnswer() {
        TlsFiles files = new TlsFiles(RSA.writeCertificate(folder.resolve("cert.pem")),
                RSA.writePkcs8Key(folder.resolve("key.pem")));
        try (GraphApi api = GraphApi.startWithTls(files, RSA.trustingIt())) {
            // Any HTTP answer, even Graph's 401 for the missing token, would mean the port also speaks plain HTTP.
            HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server().port() + SCRIPTS))
                    .build();

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(plain, BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"RSA, -----BEGIN RSA PRIVATE KEY-----", "EC, -----BEGIN EC PRIVATE KEY-----"})
    void givenAKeyInOpenSslsTraditionalPemWhenTheServerStartsThenItServesHttps(String algorithm, String firstLine)
            throws IOException {
        TestCertificate certificate = TestCertificate.selfSigned(algorithm);
        TlsFiles files = new TlsFiles(certificate.writeCertificate(folder.resolve("cert.pem")),
                certificate.writeTraditionalKey(folder.resolve("key.pem")));

        assertThat(Files.readAllLines(files.privateKey()).get(0)).isEqualTo(firstLine);
        try (GraphApi api = GraphApi.startWithTls(files, certificate.trustingIt())) {
            assertThat(api.get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void givenAChainFileWhenAClientTrustsOnlyTheRootThenTheServerSendsTheIntermediateAndServesHttps() {
        TestCertificate root = TestCertificate.authority("Test Root");
        TestCertificate intermediate = root.issueAuthority("Test Intermediate");
        TestCertificate server = intermediate.issueServer();
        TlsFiles files = new TlsFiles(server.writeCertificate(folder.resolve("chain.pem"), intermediate),
                server.writePkcs8Key(folder.resolve("key.pem")));

        try (GraphApi api = GraphApi.startWithTls(files, root.trustingIt())) {
            assertThat(api.get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void givenTheKeyOfAnotherCertificateWhenTheServerStartsThenItFailsNamingTheKeyFile() {
        Path certificate = RSA.writeCertificate(folder.resolve("cert.pem"));
        Path otherKey = TestCertificate.selfSigned("EC").writePkcs8Key(folder.resolve("other-key.pem"));

        assertStartFails(new TlsFiles(certificate, otherKey),
                "TLS private key file " + otherKey + " is not the key of the first certificate in " + certificate);
    }

    @Test
    void givenAMissingCertificateFileWhenTheServerStartsThenItFailsNamingTheFile() {
        Path missing = folder.resolve("missing.pem");

        assertStartFails(new TlsFiles(missing, RSA.writePkcs8Key(folder.resolve("key.pem"))),
                "TLS certificate file " + missing + " does not exist.");
    }

    @Test
    void givenACertificateFileThatIsNotPemWhenTheServerStartsThenItFailsNamingTheFile() throws Exception {
        Path der = Files.write(folder.resolve("cert.der"), RSA.certificate().getEncoded());

        assertStartFails(new TlsFiles(der, RSA.writePkcs8Key(folder.resolve("key.pem"))),
                "TLS certificate file " + der + " holds no PEM certificate");
    }

    @Test
    void givenAKeyFileHoldingOnlyTheCertificateWhenTheServerStartsThenItFailsNamingTheKeyFile() {
        Path certificate = RSA.writeCertificate(folder.resolve("cert.pem"));

        assertStartFails(new TlsFiles(certificate, certificate),
                "TLS private key file " + certificate + " holds no PEM private key");
    }

    @Test
    void givenAnEncryptedKeyWhenTheServerStartsThenItRefusesItNamingTheFile() {
        Path encrypted = RSA.writeEncryptedKey(folder.resolve("key.pem"));

        assertStartFails(new TlsFiles(RSA.writeCertificate(folder.resolve("cert.pem")), encrypted),
                "TLS private key file " + encrypted + " is encrypted; give the key without a passphrase");
    }

    @Test
    void givenCertificatesThatDoNotFormAChainWhenTheServerStartsThenItFailsNamingTheCertificateFile() {
        Path unrelated = RSA.writeCertificate(folder.resolve("cert.pem"), TestCertificate.authority("Stranger"));

        assertStartFails(new TlsFiles(unrelated, RSA.writePkcs8Key(folder.resolve("key.pem"))),
                "TLS certificate file " + unrelated + " is not one chain");
    }

    private static void assertStartFails(TlsFiles files, String messageStart) {
        assertThatThrownBy(() -> GraphApi.startWithTls(files, RSA.trustingIt()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(messageStart);
    }
}
