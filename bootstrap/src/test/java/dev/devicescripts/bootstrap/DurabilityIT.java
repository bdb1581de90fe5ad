package dev.devicescripts.bootstrap;

import static java.util.concurrent.TimeUnit.SECONDS;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * The audit log too: each change carries its own client-request-id, and after the restart every acknowledged change
 * has exactly one entry with it, a change in flight one exactly when it landed, and no entry is without its change.
 */
class DurabilityIT {

    private static final String TENANT = "5b0c7d1e-2f3a-4b5c-8d6e-7f8091a2b3c4";
    private static final String SCRIPTS = AssignLifecycle.SCRIPTS;
    private static final String AUDIT_EVENTS = "/beta/deviceManagement/auditEvents";
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
        String token = mintToken();
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
        String token = mintToken();
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

    /** Writes scripts and reads the audit log, which Graph guards with another permission. */
    private String mintToken() throws InterruptedException {
        return JarTokens.mint("--tenant", TENANT, "--data-dir", dataDirectory.toString(),
                "--scopes", "DeviceManagementScripts.ReadWrite.All DeviceManagementApps.Read.All");
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
            assertAudited(graph);
        }

        /** Each change sent has the entries it must have, by its correlation id, and no entry is without a change. */
        private void assertAudited(GraphClient graph) {
            Map<String, List<JsonNode>> entries = auditEvents(graph).stream()
                    .collect(groupingBy(entry -> entry.path("correlationId").asText()));
            int landedCreates = 0;
            for (Client client : clients) {
                for (Sent change : client.sent) {
                    List<JsonNode> found = entries.getOrDefault(change.correlationId, List.of());
                    entries.remove(change.correlationId);
                    assertThat(found).as("audit entries of %s", change)
                            .hasSizeBetween(change.leastEntries, change.mostEntries)
                            .allSatisfy(entry -> assertThat(entry.path("activityOperationType").asText())
                                    .isEqualTo(change.operationType));
                    if (change.script != null) {
                        assertThat(found).allSatisfy(
                                entry -> assertThat(resourceId(entry)).isEqualTo(change.script.id));
                    } else if (!found.isEmpty()) {
                        String id = resourceId(found.get(0));
                        assertThat(graph.get(SCRIPTS + "/" + id).statusCode()).as("the script of %s", change)
                                .isEqualTo(200);
                        landedCreates++;
                    }
                }
            }
            assertThat(entries).as("audit entries of no change sent").isEmpty();
            assertThat(landedCreates).as("creates in flight that left an entry, and scripts no client knows")
                    .isEqualTo(strays);
        }

        /** The whole log of the tenant, page after page. */
        private static List<JsonNode> auditEvents(GraphClient graph) {
            List<JsonNode> entries = new ArrayList<>();
            for (String page = AUDIT_EVENTS; page != null; ) {
                HttpResponse<String> answer = graph.get(page);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                JsonNode json = GraphClient.json(answer);
                json.path("value").forEach(entries::add);
                URI next = json.has("@odata.nextLink") ? URI.create(json.get("@odata.nextLink").asText()) : null;
                page = next == null ? null : next.getRawPath() + "?" + next.getRawQuery();
            }
            return entries;
        }

        private static String resourceId(JsonNode entry) {
            return entry.path("resources").path(0).path("resourceId").asText();
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
        private final List<Sent> sent = new ArrayList<>();
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
            Sent record = new Sent(change.correlationId(), change.auditOperationType(), change.script());
            sent.add(record);
            HttpResponse<String> answer;
            try {
                answer = change.sendTo(graph);
            } catch (UncheckedIOException noAnswer) {
                return unsure(change, record, "no answer: " + noAnswer.getMessage());
            }
            if (answer.statusCode() != change.acknowledgedStatus()) {
                return unsure(change, record, answer.statusCode() + " " + answer.body());
            }
            if (change.script() == null) {
                record.script = new Script(GraphClient.json(answer).get("id").asText(), change.after());
                scripts.add(record.script);
            } else {
                change.script().acknowledged = change.after();
            }
            record.settle(true);
            return true;
        }

        /** The change may have been applied or not: both are right, half of it is not. */
        private boolean unsure(Change change, Sent record, String outcome) {
            lastOutcome = change.method() + " " + change.path() + ": " + outcome;
            if (change.script() == null) {
                createsInFlight++;
            } else {
                change.script().inFlight = change.after();
                change.script().inFlightChange = record;
            }
            return false;
        }

        private Change nextChange() {
            int n = changes++;
            String name = "client " + number + " change " + n;
            String correlationId = UUID.randomUUID().toString();
            List<Script> live = scripts.stream().filter(script -> script.acknowledged.exists()).toList();
            if (live.size() < 2 || n % 6 == 0) {
                return new Change(null, "POST", SCRIPTS, "{\"displayName\":\"" + name + "\"}",
                        new State(true, name, Set.of()), correlationId);
            }
            Script script = live.get(n / 6 % live.size());
            String path = SCRIPTS + "/" + script.id;
            State now = script.acknowledged;
            if (n % 6 == 2) {
                return new Change(script, "PATCH", path, "{\"displayName\":\"" + name + "\"}",
                        new State(true, name, now.groups()), correlationId);
            }
            if (n % 6 == 4 && live.size() > 2) {
                return new Change(script, "DELETE", path, null, State.DELETED, correlationId);
            }
            // From none (a clear, as Terraform sends) to three groups, each set named by this change alone.
            List<String> groups = TargetSets.groups(number, n, n % 4);
            return new Change(script, "POST", path + "/assign", TargetSets.assign(groups, List.of()),
                    new State(true, now.displayName(), Set.copyOf(groups)), correlationId);
        }
    }

    /**
     * A request that changes one script (none for a create, whose id comes with its answer) into {@code after}, sent
     * with a client-request-id of its own.
     */
    private record Change(Script script, String method, String path, String body, State after,
                          String correlationId) {
        HttpResponse<String> sendTo(GraphClient graph) {
            return graph.send(method, path, body, "client-request-id", correlationId);
        }

        /** The activityOperationType of its entry in Intune's audit log. */
        String auditOperationType() {
            return switch (method) {
                case "PATCH" -> "Patch";
                case "DELETE" -> "Delete";
                default -> script == null ? "Create" : "Action";
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

    /** A change as the audit log must show it: by its correlation id, once when it landed, else not at all. */
    private static final class Sent {
        private final String correlationId;
        private final String operationType;
        // The script it changed; for a create, the one acknowledged, else none (nobody knows its id).
        private Script script;
        // Until it is known whether the change landed, 0 or 1.
        private int leastEntries;
        private int mostEntries = 1;

        Sent(String correlationId, String operationType, Script script) {
            this.correlationId = correlationId;
            this.operationType = operationType;
            this.script = script;
        }

        void settle(boolean landed) {
            leastEntries = landed ? 1 : 0;
            mostEntries = leastEntries;
        }

        @Override
        public String toString() {
            return operationType + " " + correlationId + (script == null ? "" : " of script " + script.id);
        }
    }

    private static final class Script {
        private final String id;
        private State acknowledged;
        private State inFlight;
        private Sent inFlightChange;

        Script(String id, State acknowledged) {
            this.id = id;
            this.acknowledged = acknowledged;
        }

        List<State> candidates() {
            return inFlight == null ? List.of(acknowledged) : List.of(acknowledged, inFlight);
        }

        /**
         * What a restart found is what the script is now; nothing of it is in flight any more. The change in flight
         * landed if the script shows it; when it would not change what a client reads (a clear of no targets), either.
         */
        void settle(State found) {
            if (inFlightChange != null && !inFlight.equals(acknowledged)) {
                inFlightChange.settle(found.equals(inFlight));
            }
            acknowledged = found;
            inFlight = null;
            inFlightChange = null;
        }
    }
}
