package dev.devicescripts.adapter.http.server;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.RawHttp;
import dev.devicescripts.adapter.http.support.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /metrics as Prometheus scrapes it: no token, text format, one series per route template, never per path. */
class MetricsTest {
    private static final String SCRIPT_ROUTE = SCRIPTS + "/{scriptKey}";
    private static final String ASSIGN_ROUTE = SCRIPT_ROUTE + "/assign";
    private static final String UNKNOWN_SCRIPT = "00000000-0000-4000-8000-00000000dead";
    private static final String THREE_TARGETS = """
            {"deviceManagementScriptGroupAssignments":[{"targetGroupId":"aaaaaaaa-0000-4000-8000-000000000001"}],
             "deviceManagementScriptAssignments":[
              {"target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget",
                         "groupId":"aaaaaaaa-0000-4000-8000-000000000002"}},
              {"target":{"@odata.type":"#microsoft.graph.allLicensedUsersAssignmentTarget"}}]}""";
    private static final String INCLUDED_AND_EXCLUDED = """
            {"deviceManagementScriptGroupAssignments":[{"targetGroupId":"aaaaaaaa-0000-4000-8000-000000000001"}],
             "deviceManagementScriptAssignments":[
              {"target":{"@odata.type":"#microsoft.graph.exclusionGroupAssignmentTarget",
                         "groupId":"aaaaaaaa-0000-4000-8000-000000000001"}}]}""";

    private final GraphApi api = GraphApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void requestsAreCountedByRouteTemplateMethodAndStatusWithLatencyBucketsAndUnmatchedPathsShareOneLabel() {
        String id = api.createScript("Counted");
        api.get(SCRIPTS + "/" + id);
        api.get(SCRIPTS + "('" + id + "')");
        api.get(SCRIPTS + "/" + UNKNOWN_SCRIPT);
        api.get("/nowhere/" + id);
        api.get("/nowhere/else");

        Reply scraped = api.as(null).get("/metrics");

        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> samples = samples(scraped.body());
        assertThat(samples).containsEntry(requests("count", "GET", 200, SCRIPT_ROUTE), 1.0)
                .containsEntry(requests("count", "GET", 200, SCRIPTS + "({scriptKey})"), 1.0)
                .containsEntry(requests("count", "GET", 404, SCRIPT_ROUTE), 1.0)
                .containsEntry(requests("count", "POST", 201, SCRIPTS), 1.0)
                .containsEntry(requests("count", "GET", 404, ServerMetrics.UNMATCHED_ROUTE), 2.0)
                .containsEntry(requests("bucket", "GET", 200, SCRIPT_ROUTE, "le", "+Inf"), 1.0)
                .containsKey(requests("bucket", "GET", 200, SCRIPT_ROUTE, "le", "0.02"))
                .containsKey(requests("sum", "GET", 200, SCRIPT_ROUTE));
        assertThat(scraped.body()).doesNotContain(id, UNKNOWN_SCRIPT, "nowhere");
    }

    @Test
    void aMethodMadeUpByTheClientIsCountedAsOtherSoNoClientCanAddSeries() {
        RawHttp.RawReply reply = RawHttp.exchangeOrFail(api.server().port(), "BREW",
                SCRIPTS.getBytes(StandardCharsets.US_ASCII),
                List.of(RawHttp.header("Authorization", "Bearer " + GraphApi.ADMIN_TOKEN)), new byte[0]);

        Map<String, Double> samples = samples(api.get("/metrics").body());

        assertThat(samples).containsKey(requests("count", "OTHER", reply.status(), ServerMetrics.UNMATCHED_ROUTE));
        assertThat(samples.keySet()).noneMatch(series -> series.contains("BREW"));
    }

    @Test
    void assignsAreCountedByOutcomeAndEachAcceptedOneNotesHowManyTargetsItNamed() {
        String id = api.createScript("Assigned");
        String assign = SCRIPTS + "/" + id + "/assign";

        assertThat(api.post(assign, THREE_TARGETS).status()).isEqualTo(204);
        assertThat(api.post(assign, "{\"deviceManagementScriptAssignments\":[]}").status()).isEqualTo(204);
        assertThat(api.post(assign, INCLUDED_AND_EXCLUDED).status()).isEqualTo(400);
        assertThat(api.post(SCRIPTS + "/" + UNKNOWN_SCRIPT + "/assign", THREE_TARGETS).status()).isEqualTo(404);
        assertThat(api.as(null).post(assign, THREE_TARGETS).status()).isEqualTo(401);

        Map<String, Double> samples = samples(api.get("/metrics").body());

        assertThat(samples).containsEntry("devicescripts_assigns_total{outcome=\"assigned\"}", 2.0)
                .containsEntry("devicescripts_assigns_total{outcome=\"invalid\"}", 1.0)
                .containsEntry("devicescripts_assigns_total{outcome=\"not_found\"}", 1.0)
                .containsEntry("devicescripts_assigns_total{outcome=\"denied\"}", 1.0)
                .containsEntry("devicescripts_assign_targets_count", 2.0)
                .containsEntry("devicescripts_assign_targets_sum", 3.0)
                .containsEntry("devicescripts_assign_targets_bucket{le=\"1.0\"}", 1.0)
                .containsEntry("devicescripts_assign_targets_bucket{le=\"5.0\"}", 2.0)
                .containsEntry(requests("count", "POST", 204, ASSIGN_ROUTE), 2.0);
    }

    @Test
    void theJvmIsShownMemoryHeapAfterGcGcThreadsClassesCpuAndUptime() {
        Map<String, Double> samples = samples(api.get("/metrics").body());

        assertThat(samples.keySet())
                .anySatisfy(name -> assertThat(name).startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .contains("jvm_memory_usage_after_gc{area=\"heap\",pool=\"long-lived\"}",
                        "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                        "jvm_classes_loaded_classes", "system_cpu_count", "process_cpu_usage",
                        "process_uptime_seconds");
    }

    /** The series of http_server_requests_seconds_{suffix} for one route, method and status (and more labels). */
    private static String requests(String suffix, String method, int status, String route, String... more) {
        StringBuilder labels = new StringBuilder("method=\"" + method + "\",status=\"" + status + "\",uri=\"" + route
                + "\"");
        for (int i = 0; i < more.length; i += 2) {
            labels.append(',').append(more[i]).append("=\"").append(more[i + 1]).append('"');
        }
        return "http_server_requests_seconds_" + suffix + "{" + labels + "}";
    }

    /** Each sample line of the text format: the series (name and labels) to its value. */
    private static Map<String, Double> samples(String scraped) {
        return Arrays.stream(scraped.split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .collect(Collectors.toMap(line -> line.substring(0, line.lastIndexOf(' ')),
                        line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
    }
}
