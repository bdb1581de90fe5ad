package dev.devicescripts.bootstrap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is ever lost, nothing half-applied. Clients stream creates, assigns, renames and deletes at the
 * real jar; the JVM is killed (SIGKILL) or stopped (SIGTERM) while requests are in flight; a restart on the same data
 * folder, with no repair, must show every change the server acknowledged, and of a change in flight all or nothing.
 */
class DurabilityIT {

    private static final String TENANT = "5b0c7d1e-2f3a-4b5c-8d6e-7f8091a2b3c4";
    private static final String SCRIPTS = AssignLifecycle.SCRIPTS;
    private static final int CLIENTS = 6;
    // A count of acknowledgements, never a clock, picks the moment of each kill; each round picks another.
    private static final int[] KILL_AFTER_ACKNOWLEDGEMENTS = {150, 320, 90, 240};
    private static final int SIGTERM_AFTER_ACKNOWLEDGEMENTS = 200;
    private static final int SIGKILL_EXIT_STATUS = 128 + 9;
    private static final long PATIENCE_SECONDS = 120;

    @TempDir
    Path dataDirectory;

    @Test
    void aSigkillWhileRequestsAreInFlightLosesNothingAcknowledgedAndHalfAppliesNothing() throws Exception {
        String token = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        Ledger ledger = new Ledger();
        for (int round = 0; round < KILL_AFTER_ACKNOWLEDGEMENTS.length; round++) {
            try (RunningJar jar = start()) {
                GraphClient graph = serving(jar, token);
                ledger.assertKeptBy(graph);
                assertIsTheJvmItself(jar.handle());
                ledger.streamChanges(graph, KILL_AFTER_ACKNOWLEDGEMENTS[round],
                        () -> assertThat(jar.kill()).isEqualTo(SIGKILL_EXIT_STATUS));
            }
        }
        try (RunningJar jar = start()) {
            ledger.assertKeptBy(serving(jar, token));
            assertThat(jar.terminate()).isZero();
        }
    }

    @Test
    void aSigtermUnderLoadExitsZeroAndKeepsEveryAcknowledgedChange() throws Exception {
        String token = JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString());
        Ledger ledger = new Ledger();
        try (RunningJar jar = start()) {
            ledger.streamChanges(serving(jar, token), SIGTERM_AFTER_ACKNOWLEDGEMENTS, () -> {
                int status = jar.terminate();
                assertThat(status).as(jar.output()).isZero();
            });
        }
        try (RunningJar jar = start()) {
            ledger.assertKeptBy(serving(jar, token));
            assertThat(jar.terminate()).isZero();
        }
    }

    private RunningJar start() {
        return RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString());
    }

    /** A restart needs no repair: the server on the folder a killed one left comes up ready by itself. */
    private static GraphClient serving(RunningJar jar, String token) throws Exception {
        GraphClient graph = new GraphClient(jar.awaitPort(), token);
        HttpResponse<String> ready = graph.get("/readyz");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        return graph;
    }

    /** The kill must reach the JVM that holds the database file, not a launcher that would leave it running. */
    private static void assertIsTheJvmItself(ProcessHandle jvm) {
        assertThat(jvm.info().command()).hasValueSatisfying(
                command -> assertThat(Path.of(command).getFileName()).hasToString("java"));
        assertThat(jvm.children()).isEmpty();
    }

    /** How the load ends: a kill or a stop of the server, with what the test expects of it. */
    @FunctionalInterface
    private interface ServerStop {
        void run() throws Exception;
    }

    /** What the server acknowledged to all clients, kept across restarts. */
    private static final class Ledger {
        private final List<Client> clients = IntStream.range(0, CLIENTS).mapToObj(Client::new).toList();
        // Scripts whose create was in flight at a kill and landed: nobody knows their ids, so they are only counted.
        private int strays;

        /** Streams changes from every client until the count is reached, then stops the server under them. */
        void streamChanges(GraphClient graph, int acknowledgementsBeforeStop, ServerStop stop) throws Exception {
            Progress progress = new Progress(acknowledgementsBeforeStop);
            ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
            try {
                CompletableFuture<?>[] streams = clients.stream()
                        .map(client -> CompletableFuture.runAsync(() -> client.stream(graph, progress), threads)
                                .whenComplete((done, failure) -> progress.ended(client, failure)))
                        .toArray(CompletableFuture[]::new);
                progress.stopMoment.get(PATIENCE_SECONDS, SECONDS);
                stop.run();
                CompletableFuture.allOf(streams).get(PATIENCE_SECONDS, SECONDS);
            } finally {
                threads.shutdownNow();
            }
        }

        /** Every script shows its last acknowledged state, or the whole of the change in flight when it stopped. */
        void assertKeptBy(GraphClient graph) {
            int existing = 0;
            int createsInFlight = 0;
            for (Client client : clients) {
                for (Script script : client.scripts) {
                    State found = read(graph, script.id);
                    assertThat(found).as("script %s of client %d: acknowledged %s, in flight %s",
                            script.id, client.number, script.acknowledged, script.inFlight)
                            .isIn(script.candidates());
                    script.settle(found);
                    existing += found.exists() ? 1 : 0;
                }
                createsInFlight += client.settleCreatesInFlight();
            }
            int counted = Integer.parseInt(graph.get(SCRIPTS + "/$count").body());
            assertThat(counted - existing - strays)
                    .as("scripts no acknowledged create accounts for, with %d creates in flight", createsInFlight)
                    .isBetween(0, createsInFlight);
            strays = counted - existing;
        }

        private static State read(GraphClient graph, String id) {
            HttpResponse<String> script = graph.get(SCRIPTS + "/" + id);
            if (script.statusCode() == 404) {
                assertThat(graph.get(SCRIPTS + "/" + id + "/assignments").statusCode()).isEqualTo(404);
                return State.DELETED;
            }
            assertThat(script.statusCode()).as(script.body()).isEqualTo(200);
            Set<String> groups = AssignLifecycle.assignmentIds(graph, id).stream()
                    .map(assignment -> assignment.substring(id.length() + 1))
                    .collect(toSet());
            return new State(true, GraphClient.json(script).get("displayName").asText(), groups);
        }
    }

    /** Counts answers across clients and says when to stop the server: enough acknowledged, others in flight. */
    private static final class Progress {
        private final int acknowledgementsBeforeStop;
        private final AtomicInteger acknowledgements = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final CompletableFuture<Void> stopMoment = new CompletableFuture<>();

        Progress(int acknowledgementsBeforeStop) {
            this.acknowledgementsBeforeStop = acknowledgementsBeforeStop;
        }

        void sending() {
            inFlight.incrementAndGet();
        }

        void answered(boolean acknowledged) {
            inFlight.decrementAndGet();
            if (acknowledged && acknowledgements.incrementAndGet() >= acknowledgementsBeforeStop
                    && inFlight.get() > 0) {
                stopMoment.complete(null);
            }
        }

        /** A client stops when its request goes unanswered or refused; before the server stops, that is a failure. */
        void ended(Client client, Throwable failure) {
            stopMoment.completeExceptionally(new AssertionError(
                    "client " + client.number + " stopped before the server did: " + client.lastOutcome, failure));
        }
    }

    /** One client changes its own scripts one request at a time, so each has exactly one last acknowledged state. */
    private static final class Client {
        private final int number;
        private final List<Script> scripts = new ArrayList<>();
        // Numbers every change of this client across rounds, so that no two assigns name the same set.
        private int changes;
        private int createsInFlight;
        private String lastOutcome;

        Client(int number) {
            this.number = number;
        }

        void stream(GraphClient graph, Progress progress) {
            for (boolean acknowledged = true; acknowledged; ) {
                Change change = nextChange();
                progress.sending();
                acknowledged = send(graph, change);
                progress.answered(acknowledged);
            }
        }

        int settleCreatesInFlight() {
            int settled = createsInFlight;
            createsInFlight = 0;
            return settled;
        }

        private boolean send(GraphClient graph, Change change) {
            HttpResponse<String> answer;
            try {
                answer = change.sendTo(graph);
            } catch (UncheckedIOException noAnswer) {
                return unsure(change, "no answer: " + noAnswer.getMessage());
            }
            if (answer.statusCode() != change.acknowledgedStatus()) {
                return unsure(change, answer.statusCode() + " " + answer.body());
            }
            if (change.script() == null) {
                scripts.add(new Script(GraphClient.json(answer).get("id").asText(), change.after()));
            } else {
                change.script().acknowledged = change.after();
            }
            return true;
        }

        /** The change may have been applied or not: both are right, half of it is not. */
        private boolean unsure(Change change, String outcome) {
            lastOutcome = change.method() + " " + change.path() + ": " + outcome;
            if (change.script() == null) {
                createsInFlight++;
            } else {
                change.script().inFlight = change.after();
            }
            return false;
        }

        private Change nextChange() {
            int n = changes++;
            String name = "client " + number + " change " + n;
            List<Script> live = scripts.stream().filter(script -> script.acknowledged.exists()).toList();
            if (live.size() < 2 || n % 6 == 0) {
                return new Change(null, "POST", SCRIPTS, "{\"displayName\":\"" + name + "\"}",
                        new State(true, name, Set.of()));
            }
            Script script = live.get(n / 6 % live.size());
            String path = SCRIPTS + "/" + script.id;
            State now = script.acknowledged;
            if (n % 6 == 2) {
                return new Change(script, "PATCH", path, "{\"displayName\":\"" + name + "\"}",
                        new State(true, name, now.groups()));
            }
            if (n % 6 == 4 && live.size() > 2) {
                return new Change(script, "DELETE", path, null, State.DELETED);
            }
            // From none (a clear, as Terraform sends) to three groups, each set named by this change alone.
            List<String> groups = TargetSets.groups(number, n, n % 4);
            return new Change(script, "POST", path + "/assign", TargetSets.assign(groups, List.of()),
                    new State(true, now.displayName(), Set.copyOf(groups)));
        }
    }

    /** A request that changes one script (none for a create, whose id comes with its answer) into {@code after}. */
    private record Change(Script script, String method, String path, String body, State after) {
        HttpResponse<String> sendTo(GraphClient graph) {
            return switch (method) {
                case "POST" -> graph.post(path, body);
                case "PATCH" -> graph.patch(path, body);
                case "DELETE" -> graph.delete(path);
                default -> throw new IllegalArgumentException(method);
            };
        }

        int acknowledgedStatus() {
            return script == null ? 201 : 204;
        }
    }

    /** A script as a client reads it: there or deleted, its name, the groups of its assignment set. */
    private record State(boolean exists, String displayName, Set<String> groups) {
        static final State DELETED = new State(false, null, Set.of());
    }

    private static final class Script {
        private final String id;
        private State acknowledged;
        private State inFlight;

        Script(String id, State acknowledged) {
            this.id = id;
            this.acknowledged = acknowledged;
        }

        List<State> candidates() {
            return inFlight == null ? List.of(acknowledged) : List.of(acknowledged, inFlight);
        }

        /** What a restart found is what the script is now; nothing of it is in flight any more. */
        void settle(State found) {
            acknowledged = found;
            inFlight = null;
        }
    }
}
