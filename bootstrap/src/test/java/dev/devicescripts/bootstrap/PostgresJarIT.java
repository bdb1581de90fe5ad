package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar on PostgreSQL: the walk-through end to end, and two servers sharing one database as instances behind a
 * load balancer do, each answering with what the other wrote.
 */
class PostgresJarIT {

    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";
    private static final String SCRIPTS = AssignLifecycle.SCRIPTS;

    @TempDir
    Path folders;

    private PostgresServers servers;
    private String token;

    @BeforeEach
    void createDatabase() throws InterruptedException {
        servers = new PostgresServers(folders);
        token = servers.mint("--tenant", TENANT);
    }

    @AfterEach
    void dropDatabase() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void theWalkThroughRunsOnPostgresqlAndItsResultIsThereForTheNextServer() throws Exception {
        String id;
        try (RunningJar jar = servers.start(folders.resolve("first"))) {
            GraphClient graph = new GraphClient(jar.awaitPort(), token);
            assertThat(graph.get("/readyz").statusCode()).isEqualTo(200);
            id = AssignLifecycle.run(graph);
            assertThat(jar.terminate()).isZero();
            assertThat(jar.output()).contains("database jdbc:postgresql:").doesNotContain(servers.password());
        }
        try (RunningJar jar = servers.start(folders.resolve("next"))) {
            AssignLifecycle.assertLeftBehind(new GraphClient(jar.awaitPort(), token), id);
            assertThat(jar.terminate()).isZero();
        }
    }

    @Test
    void twoServersOnOneDatabaseEachAnswerWithWhatTheOtherWrote() throws Exception {
        try (RunningJar first = servers.start(folders.resolve("first"));
             RunningJar second = servers.start(folders.resolve("second"))) {
            GraphClient one = new GraphClient(first.awaitPort(), token);
            GraphClient two = new GraphClient(second.awaitPort(), token);

            HttpResponse<String> created = one.post(SCRIPTS, "{\"displayName\":\"Shared\",\"fileName\":\"s.ps1\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            String id = GraphClient.json(created).get("id").asText();
            assertThat(GraphClient.json(two.get(SCRIPTS + "/" + id)).get("displayName").asText()).isEqualTo("Shared");

            assertThat(two.patch(SCRIPTS + "/" + id, "{\"displayName\":\"Renamed\"}").statusCode()).isEqualTo(204);
            assertThat(GraphClient.json(one.get(SCRIPTS + "/" + id)).get("displayName").asText())
                    .isEqualTo("Renamed");

            assertThat(one.post(SCRIPTS + "/" + id + "/assign", "{\"deviceManagementScriptGroupAssignments\":"
                    + "[{\"targetGroupId\":\"" + AssignLifecycle.GROUP + "\"}]}").statusCode()).isEqualTo(204);
            assertThat(AssignLifecycle.groupAssignmentIds(two, id)).containsExactly(id + ":" + AssignLifecycle.GROUP);

            String filter = URLEncoder.encode("startswith(displayName,'REN')", StandardCharsets.UTF_8);
            assertThat(GraphClient.json(two.get(SCRIPTS + "?$filter=" + filter)).get("value").get(0).get("id")
                    .asText()).isEqualTo(id);
            assertThat(one.get(SCRIPTS + "/$count").body()).isEqualTo("1");

            assertThat(two.delete(SCRIPTS + "/" + id).statusCode()).isEqualTo(204);
            assertThat(one.get(SCRIPTS + "/" + id).statusCode()).isEqualTo(404);

            assertThat(first.terminate()).isZero();
            assertThat(second.terminate()).isZero();
            assertThat(first.output() + second.output()).doesNotContain(servers.password());
        }
    }
}
