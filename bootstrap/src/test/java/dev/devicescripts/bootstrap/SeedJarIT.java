package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeding on the packaged jar: {@code --seed FILE} at start and the {@code seed} command (targeting.md 1.3.4). */
class SeedJarIT {
    private static final Path SAMPLE = Path.of("../docs/samples/contoso.json");
    private static final String SAMPLE_TENANT = "8c2a5a9e-3d4f-4b6a-9c1e-2f7d8e9a0b1c";
    private static final String MANAGED_DEVICES = "/beta/deviceManagement/managedDevices";
    /** Ada Lovelace, a user of the sample tenant, by her userPrincipalName. */
    private static final String SAMPLE_ADA = "ada.lovelace@contoso.test";

    @TempDir
    Path dataDirectory;

    @Test
    void theSampleTenantSeededAtStartIsServed() throws Exception {
        String token = JarTokens.mint("--tenant", SAMPLE_TENANT, "--scopes", "DeviceManagementManagedDevices.Read.All",
                "--data-dir", dataDirectory.toString());
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString(), "--seed",
                SAMPLE.toString())) {
            int port = jar.awaitPort();

            assertThat(new GraphClient(port, token).get(MANAGED_DEVICES + "/$count").body()).isEqualTo("26");
            assertThat(jar.output()).contains("Seeded", "82 created");
            assertThat(jar.terminate()).isZero();
        }
    }

    @Test
    void aSeedAtStartIntoH2IsStillServedAfterARestartWithoutSeed() throws Exception {
        String token = readToken();
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString(), "--seed",
                SAMPLE.toString())) {
            assertSampleServed(jar.awaitPort(), token);
            assertThat(jar.terminate()).isZero();
        }

        try (RunningJar restarted = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            assertSampleServed(restarted.awaitPort(), token);
            assertThat(restarted.output()).doesNotContain("Seeded");
            assertThat(restarted.terminate()).isZero();
        }
    }

    @Test
    void aDocumentLoadedWithTheSeedCommandIsServedByAServerStartedOnTheSameDataFolder() throws Exception {
        try (RunningJar seed = RunningJar.start("seed", SAMPLE.toString(), "--data-dir", dataDirectory.toString())) {
            assertThat(seed.awaitExit()).as(seed.output()).isZero();
        }

        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            assertSampleServed(jar.awaitPort(), readToken());
            assertThat(jar.terminate()).isZero();
        }
    }

    /** A token of the sample tenant that reads its managed devices and its directory, signed by this data folder. */
    private String readToken() throws Exception {
        return JarTokens.mint("--tenant", SAMPLE_TENANT, "--scopes",
                "DeviceManagementManagedDevices.Read.All Directory.Read.All", "--data-dir", dataDirectory.toString());
    }

    private static void assertSampleServed(int port, String token) {
        GraphClient graph = new GraphClient(port, token);
        assertThat(graph.get(MANAGED_DEVICES + "/$count").body()).isEqualTo("26");
        assertThat(GraphClient.json(graph.get("/beta/users/" + SAMPLE_ADA)).get("id").asText())
                .isEqualTo("88f862ed-d5c5-5a15-b8a0-271eecc4ad3a");
    }

    @Test
    void aRefusedSeedDocumentStopsTheStartNamingWhatIsWrong() throws Exception {
        Path bad = dataDirectory.resolve("bad.json");
        Files.writeString(bad, "{\"tenantId\":\"" + SAMPLE_TENANT + "\",\"managedDevices\":[{\"id\":\"not-a-guid\"}]}");
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString(), "--seed",
                bad.toString())) {
            assertThat(jar.awaitExit()).isEqualTo(1);
            assertThat(jar.output()).contains("managedDevices[0].id");
        }
    }

    @Test
    void theSeedCommandLoadsTheFileIntoTheStorageAndSaysWhatItDid() throws Exception {
        try (RunningJar jar = RunningJar.start("seed", SAMPLE.toString(), "--data-dir", dataDirectory.toString())) {
            assertThat(jar.awaitExit()).as(jar.output()).isZero();
            assertThat(jar.output()).contains("{\"created\": 82, \"updated\": 0, \"unchanged\": 0}");
        }
    }

    @Test
    void theSeedCommandNeedsATenantFromTheDocumentOrTheOption() throws Exception {
        Path anonymous = dataDirectory.resolve("anonymous.json");
        Files.writeString(anonymous, "{\"users\":[]}");
        try (RunningJar jar = RunningJar.start("seed", anonymous.toString(), "--data-dir", dataDirectory.toString())) {
            assertThat(jar.awaitExit()).isEqualTo(1);
            assertThat(jar.output()).contains("names no tenantId");
        }
        try (RunningJar jar = RunningJar.start("seed", anonymous.toString(), "--tenant", SAMPLE_TENANT,
                "--data-dir", dataDirectory.toString())) {
            assertThat(jar.awaitExit()).as(jar.output()).isZero();
        }
        try (RunningJar jar = RunningJar.start("seed")) {
            assertThat(jar.awaitExit()).isEqualTo(2);
        }
    }
}
