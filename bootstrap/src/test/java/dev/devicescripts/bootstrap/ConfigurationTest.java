package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void withNothingGiven_theDefaultsServeTheEmbeddedDatabaseOnPort8080() throws UsageException {
        Configuration configuration = Configuration.parse(List.of(), Map.of());

        assertThat(configuration.host()).isEqualTo("0.0.0.0");
        assertThat(configuration.port()).isEqualTo(8080);
        assertThat(configuration.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(configuration.persistence()).isEqualTo(Configuration.Persistence.JDBC);
        assertThat(configuration.dbUrl()).isEmpty();
        assertThat(configuration.maxTargets()).isEqualTo(1000);
        assertThat(configuration.maxBodyBytes()).isEqualTo(4L * 1024 * 1024);
    }

    @Test
    void environmentVariablesSetWhatTheCommandLineLeavesOut() throws UsageException {
        Configuration configuration = Configuration.parse(List.of("--port", "9000"), Map.of(
                "DEVICESCRIPTS_PORT", "7000",
                "DEVICESCRIPTS_DATA_DIR", "/var/lib/devicescripts",
                "DEVICESCRIPTS_PERSISTENCE", "memory",
                "DEVICESCRIPTS_DB_URL", "jdbc:h2:mem:x",
                "DEVICESCRIPTS_MAX_TARGETS", "5"));

        assertThat(configuration.port()).isEqualTo(9000);
        assertThat(configuration.dataDirectory()).isEqualTo(Path.of("/var/lib/devicescripts"));
        assertThat(configuration.persistence()).isEqualTo(Configuration.Persistence.MEMORY);
        assertThat(configuration.dbUrl()).contains("jdbc:h2:mem:x");
        assertThat(configuration.maxTargets()).isEqualTo(5);
    }

    @Test
    void optionsAcceptTheirValueAfterAnEqualsSign() throws UsageException {
        Configuration configuration = Configuration.parse(
                List.of("--port=0", "--persistence=MEMORY", "--max-body-bytes=2048", "--host=127.0.0.1"), Map.of());

        assertThat(configuration.port()).isZero();
        assertThat(configuration.persistence()).isEqualTo(Configuration.Persistence.MEMORY);
        assertThat(configuration.maxBodyBytes()).isEqualTo(2048);
        assertThat(configuration.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--prot", "80"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--prot'.");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--port"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--port needs a value.");
    }

    @Test
    void aMalformedNumberIsRefusedWithItsRange() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--port", "eighty"), Map.of()))
                .hasMessage("--port must be a whole number from 0 to 65535, not 'eighty'.");
        assertThatThrownBy(() -> Configuration.parse(List.of(), Map.of("DEVICESCRIPTS_MAX_TARGETS", "0")))
                .hasMessage("--max-targets must be a whole number from 1 to 100000, not '0'.");
    }

    @Test
    void anUnknownPersistenceIsRefused() {
        assertThatThrownBy(() -> Configuration.parse(List.of("--persistence", "redis"), Map.of()))
                .hasMessage("--persistence must be jdbc or memory, not 'redis'.");
    }

    @Test
    void usageNamesEveryOptionAndItsEnvironmentVariable() {
        String usage = Configuration.usage();

        for (Option option : Option.values()) {
            assertThat(usage).contains(option.flag()).contains(option.environmentVariable());
        }
        assertThat(usage).contains("--help");
    }
}
