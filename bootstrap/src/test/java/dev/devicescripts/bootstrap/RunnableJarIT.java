package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's contract with its users: options, exit statuses, the serving line, SIGTERM, and a kept data folder. */
class RunnableJarIT {

    @TempDir
    Path dataDirectory;

    @Test
    void helpPrintsEveryOptionAndExitsZero() throws InterruptedException {
        try (RunningJar jar = RunningJar.start("--help")) {
            assertThat(jar.awaitExit()).isZero();
            assertThat(jar.output()).contains("--port", "DEVICESCRIPTS_PORT", "--data-dir", "--persistence",
                    "--db-url", "--max-targets");
        }
    }

    @Test
    void anUnknownOptionExitsWithStatusTwoAndSaysWhy() throws InterruptedException {
        try (RunningJar jar = RunningJar.start("--colour", "blue")) {
            assertThat(jar.awaitExit()).isEqualTo(2);
            assertThat(jar.output()).contains("unknown option '--colour'");
        }
    }

    @Test
    void aMalformedOptionExitsWithStatusTwoAndSaysWhy() throws InterruptedException {
        try (RunningJar jar = RunningJar.start("--port", "http")) {
            assertThat(jar.awaitExit()).isEqualTo(2);
            assertThat(jar.output()).contains("--port must be a whole number");
        }
    }

    @Test
    void servesUntilSigtermThenExitsZeroAndKeepsItsDataForTheNextStart() throws Exception {
        String id;
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            GraphClient graph = new GraphClient(jar.awaitPort());
            assertThat(graph.get("/healthz").statusCode()).isEqualTo(200);
            id = AssignLifecycle.run(graph);
            assertThat(jar.terminate()).isZero();
        }
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            AssignLifecycle.assertLeftBehind(new GraphClient(jar.awaitPort()), id);
            assertThat(jar.terminate()).isZero();
        }
    }

    @Test
    void aDataFolderInUseByAnotherServerStopsTheSecondAtStartWithAClearMessage() throws Exception {
        try (RunningJar first = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            first.awaitPort();
            try (RunningJar second = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
                assertThat(second.awaitExit()).isEqualTo(1);
                assertThat(second.output()).contains("could not start").containsIgnoringCase("in use");
            }
            assertThat(first.terminate()).isZero();
        }
    }
}
