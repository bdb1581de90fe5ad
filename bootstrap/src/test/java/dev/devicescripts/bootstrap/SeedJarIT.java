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

    @TempDir
    Path dataDirectory;

    @Test
    void theSampleTenantSeededAtStartIsServed() throws Exception {
        String token = JarTokens.mint("--tenant", SAMPLE_TENANT, "--scopes", "DeviceManagementManagedDevices.Read.All",
                "--data-dir", dataDirectory.toString());
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString(), "--seed",
                SAMPLE.toString())) {
            int port = jar.awaitPort();

            assertThat(new GraphClient(port, token).get(MANAGED_DEVICES + "/$count").body()).isEqualTo("25");
            assertThat(jar.output()).contains("Seeded", "79 created");
            assertThat(jar.terminate()).isZero();
        }
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
            assertThat(jar.output()).contains("{\"created\": 79, \"updated\": 0, \"unchanged\": 0}");
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
