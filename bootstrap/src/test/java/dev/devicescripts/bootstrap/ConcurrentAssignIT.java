package dev.devicescripts.bootstrap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assign replaces a script's set whole and atomically under contention, over real HTTP on the jar's real H2 file, and
 * through two jars sharing one PostgreSQL database: many writers assign sets that tell apart which request sent them
 * while readers read both views. Every assign is a 204, every read shows one whole set that was sent (or the initial
 * empty one), and the set left is the last some writer sent: the last assign to commit is one whose writer sent no
 * other after it.
 */
class ConcurrentAssignIT {

    private static final String TENANT = "8c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f";
    private static final String SCRIPTS = AssignLifecycle.SCRIPTS;
    private static final int WRITERS = 16;
    private static final int ASSIGNS_EACH = 50;
    private static final int READERS = 2;
    // Each set: four groups included and one excluded, so the two views of a set differ.
    private static final int GROUPS_PER_SET = 5;
    private static final long PATIENCE_SECONDS = 180;

    @TempDir
    Path dataDirectory;

    @Test
    void concurrentAssignsOfOneScriptEachLandWholeAndTheLastOfSomeWriterStays() throws Exception {
        assignConcurrentlyOnH2(1);
    }

    @Test
    void concurrentAssignsOfTwoScriptsInterleavedNeverMixTheirSets() throws Exception {
        assignConcurrentlyOnH2(2);
    }

    @Test
    void concurrentAssignsOfOneScriptThroughTwoServersOnOnePostgresqlEachLandWholeAndTheLastOfSomeWriterStays()
            throws Exception {
        try (PostgresServers shared = new PostgresServers(dataDirectory)) {
            String token = shared.mint("--tenant", TENANT);
            try (RunningJar first = shared.start(dataDirectory.resolve("first"));
                 RunningJar second = shared.start(dataDirectory.resolve("second"))) {
                assignConcurrently(List.of(new GraphClient(first.awaitPort(), token),
                        new GraphClient(second.awaitPort(), token)), 1);
                assertThat(first.terminate()).isZero();
                assertThat(second.terminate()).isZero();
            }
        }
    }

    private void assignConcurrentlyOnH2(int scriptCount) throws Exception {
        String token = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString())) {
            assignConcurrently(List.of(new GraphClient(jar.awaitPort(), token)), scriptCount);
            assertThat(jar.terminate()).isZero();
        }
    }

    /**
     * Writer w sends its assign i to script (w + i) mod scriptCount, so with two scripts each writer alternates; with
     * several servers, writer w and reader r go through server w, or r, mod their count.
     */
    private void assignConcurrently(List<GraphClient> servers, int scriptCount) throws Exception {
        List<ContendedScript> scripts = IntStream.range(0, scriptCount)
                .mapToObj(index -> ContendedScript.create(servers.get(0), index, scriptCount))
                .toList();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            CompletableFuture<?>[] writers = IntStream.range(0, WRITERS)
                    .mapToObj(writer -> CompletableFuture.runAsync(() -> {
                        for (int assign = 0; assign < ASSIGNS_EACH; assign++) {
                            scripts.get((writer + assign) % scriptCount)
                                    .assign(servers.get(writer % servers.size()), writer, assign);
                        }
                    }, threads))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture<?>[] readers = IntStream.range(0, READERS)
                    .mapToObj(reader -> CompletableFuture.runAsync(() -> {
                        do {
                            scripts.forEach(script -> script.assertShowsOneWholeSetSent(
                                    servers.get(reader % servers.size())));
                        } while (writing.get());
                    }, threads))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(writers).get(PATIENCE_SECONDS, SECONDS);
            writing.set(false);
            CompletableFuture.allOf(readers).get(PATIENCE_SECONDS, SECONDS);
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        for (GraphClient server : servers) {
            scripts.forEach(script -> script.assertLeftWithTheLastSetOfSomeWriter(server));
        }
    }

    /** One script under contention and every set that may be read from it. */
    private record ContendedScript(int index, String id, Set<Views> sent, Set<Views> lastOfEachWriter) {

        static ContendedScript create(GraphClient graph, int index, int scriptCount) {
            var created = graph.post(SCRIPTS, "{\"displayName\":\"Contended " + index + "\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            String id = GraphClient.json(created).get("id").asText();
            // A script starts with an empty set, and a read may come before any assign.
            Set<Views> sent = new HashSet<>(Set.of(new Views(Set.of(), Set.of())));
            Set<Views> lastOfEachWriter = new HashSet<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                Views last = null;
                for (int assign = 0; assign < ASSIGNS_EACH; assign++) {
                    if ((writer + assign) % scriptCount == index) {
                        last = Views.of(id, groups(index, writer, assign));
                        sent.add(last);
                    }
                }
                lastOfEachWriter.add(last);
            }
            return new ContendedScript(index, id, sent, lastOfEachWriter);
        }

        void assign(GraphClient graph, int writer, int assign) {
            List<String> groups = groups(index, writer, assign);
            var answer = graph.post(SCRIPTS + "/" + id + "/assign",
                    TargetSets.assign(Views.included(groups), Views.excluded(groups)));
            assertThat(answer.statusCode()).as("assign %d of writer %d: %s", assign, writer, answer.body())
                    .isEqualTo(204);
        }

        /** Each view on its own: the two reads may see two sets, when an assign commits between them. */
        void assertShowsOneWholeSetSent(GraphClient graph) {
            assertThat(readSet(AssignLifecycle.assignmentIds(graph, id)))
                    .isIn(sent.stream().map(Views::assignments).toList());
            assertThat(readSet(AssignLifecycle.groupAssignmentIds(graph, id)))
                    .isIn(sent.stream().map(Views::groupAssignments).toList());
        }

        void assertLeftWithTheLastSetOfSomeWriter(GraphClient graph) {
            assertThat(new Views(readSet(AssignLifecycle.assignmentIds(graph, id)),
                    readSet(AssignLifecycle.groupAssignmentIds(graph, id)))).isIn(lastOfEachWriter);
        }

        /** The groups of assign {@code assign} of {@code writer} to this script: no other request names any. */
        private static List<String> groups(int index, int writer, int assign) {
            return TargetSets.groups(index * WRITERS + writer, assign, GROUPS_PER_SET);
        }

        private static Set<String> readSet(List<String> ids) {
            assertThat(ids).doesNotHaveDuplicates();
            return Set.copyOf(ids);
        }
    }

    /** A set as the two routes show it: every target in /assignments, the included groups in /groupAssignments. */
    private record Views(Set<String> assignments, Set<String> groupAssignments) {

        static Views of(String id, List<String> groups) {
            return new Views(ids(id, groups), ids(id, included(groups)));
        }

        static List<String> included(List<String> groups) {
            return groups.subList(0, GROUPS_PER_SET - 1);
        }

        static List<String> excluded(List<String> groups) {
            return groups.subList(GROUPS_PER_SET - 1, GROUPS_PER_SET);
        }

        private static Set<String> ids(String id, List<String> groups) {
            return Set.copyOf(groups.stream().map(group -> id + ":" + group).toList());
        }
    }
}
