package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through "why does LAB-042 not run Cleanup.ps1?" on the packaged jar: the sample tenant seeded at
 * start, the script created and assigned as the README does, and the answers a person would expect of effective
 * targeting (targeting.md section 4).
 */
class TargetingJarIT {
    private static final Path SAMPLE = Path.of("../docs/samples/contoso.json");
    private static final String TENANT = "8c2a5a9e-3d4f-4b6a-9c1e-2f7d8e9a0b1c";
    private static final String SCRIPTS = "/beta/deviceManagement/deviceManagementScripts";
    private static final String MANAGED_DEVICES = "/beta/deviceManagement/managedDevices";
    /** LAB-042: its managed device, and its Entra device's object id (what groups hold). */
    private static final String LAB_042 = "8fd53026-75e9-5655-8e1f-66bc33ac07b2";
    private static final String LAB_042_ENTRA = "6e20d589-5f72-5917-83c5-1de9d6da302e";
    /** WS-009, in Workstations, which All managed devices holds; and its Entra device. */
    private static final String WS_009 = "d7fd2a57-0a51-57c3-8fa0-fd3b54e657ed";
    private static final String WS_009_ENTRA = "e547db92-8aac-5560-a3cc-c4b8551386a7";
    /** BYOD-021: Entra registered, Ada Lovelace's, who is in Engineering. */
    private static final String BYOD_021 = "4ae21b77-b389-5966-aa1e-56987c7be518";
    private static final String ADA = "88f862ed-d5c5-5a15-b8a0-271eecc4ad3a";

    @TempDir
    Path dataDirectory;

    @Test
    void whyLab042DoesNotRunCleanup() throws Exception {
        String token = JarTokens.mint("--tenant", TENANT, "--scopes", "DeviceManagementScripts.ReadWrite.All "
                + "Directory.Read.All DeviceManagementManagedDevices.Read.All", "--data-dir", dataDirectory.toString());
        try (RunningJar jar = RunningJar.start("--port", "0", "--data-dir", dataDirectory.toString(), "--seed",
                SAMPLE.toString())) {
            GraphClient graph = new GraphClient(jar.awaitPort(), token);
            String allManaged = groupId(graph, "All%20managed%20devices");
            String workstations = groupId(graph, "Workstations");
            String labDevices = groupId(graph, "Lab%20devices");
            String engineering = groupId(graph, "Engineering");
            String freeze = groupId(graph, "Change%20freeze");

            // As the README: Cleanup.ps1 runs as the signed-in user, on every managed device and Engineering's
            // users, but not on the devices in Change freeze.
            HttpResponse<String> created = graph.post(SCRIPTS, "{\"displayName\":\"Cleanup.ps1\","
                    + "\"fileName\":\"Cleanup.ps1\",\"runAsAccount\":\"user\","
                    + "\"scriptContent\":\"UmVtb3ZlLUl0ZW0gJGVudjpURU1QXCogLVJlY3Vyc2U=\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String script = GraphClient.json(created).get("id").asText();
            HttpResponse<String> assigned = graph.post(SCRIPTS + "/" + script + "/assign",
                    "{\"deviceManagementScriptAssignments\":[" + target("groupAssignmentTarget", allManaged) + ","
                            + target("groupAssignmentTarget", engineering) + ","
                            + target("exclusionGroupAssignmentTarget", freeze) + "]}");
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);

            JsonNode targets = value(graph, SCRIPTS + "/" + script + "/devicescripts.effectiveTargets()");
            JsonNode lab = subject(targets, LAB_042);
            assertThat(lab.get("subjectDisplayName").asText()).isEqualTo("LAB-042");
            assertThat(lab.get("state").asText()).isEqualTo("excluded");
            assertThat(lab.get("runContext").asText()).isEqualTo("user");
            JsonNode included = reason(lab, "target.groupNested");
            assertThat(included.get("mode").asText()).isEqualTo("include");
            assertThat(texts(included.get("membershipPath"))).containsExactly(allManaged, labDevices, LAB_042_ENTRA);
            JsonNode exclusion = reason(lab, "target.groupDirect");
            assertThat(exclusion.get("mode").asText()).isEqualTo("exclude");
            assertThat(exclusion.get("groupDisplayName").asText()).isEqualTo("Change freeze");
            assertThat(exclusion.get("outcome").asText()).isEqualTo("excluded");
            JsonNode decision = last(lab.get("reasons"));
            assertThat(decision.get("code").asText()).isEqualTo("decision.excluded");
            assertThat(decision.get("basis").asText()).isEqualTo("documented");

            JsonNode workstation = subject(targets, WS_009);
            assertThat(workstation.get("state").asText()).isEqualTo("included");
            assertThat(workstation.get("applicability").asText()).isEqualTo("applicable");
            assertThat(texts(reason(workstation, "target.groupNested").get("membershipPath")))
                    .containsExactly(allManaged, workstations, WS_009_ENTRA);
            assertThat(last(workstation.get("reasons")).get("code").asText()).isEqualTo("decision.included");

            // Ada's registered laptop is reached through her, and cannot run a user-targeted, user-context script.
            JsonNode byod = subject(targets, BYOD_021);
            assertThat(byod.get("applicability").asText()).isEqualTo("notApplicable");
            assertThat(byod.get("notApplicableReason").asText())
                    .isIn("userTargetingOnRegisteredDevice", "userContextOnRegisteredDevice");
            assertThat(reason(byod, "target.viaPrimaryUser").get("viaUserId").asText()).isEqualTo(ADA);

            // The same answer from the device's side.
            JsonNode scripts = value(graph, MANAGED_DEVICES + "/" + LAB_042 + "/devicescripts.effectiveScripts()");
            assertThat(scripts).hasSize(1);
            assertThat(scripts.get(0).get("scriptDisplayName").asText()).isEqualTo("Cleanup.ps1");
            assertThat(scripts.get(0).get("state").asText()).isEqualTo("excluded");
            assertThat(scripts.get(0).get("reasons")).isEqualTo(lab.get("reasons"));

            JsonNode warnings = value(graph, SCRIPTS + "/" + script + "/devicescripts.targetingWarnings()");
            List<String> codes = new ArrayList<>();
            warnings.forEach(warning -> codes.add(warning.get("code").asText() + "/"
                    + warning.get("severity").asText()));
            assertThat(codes).contains("MixedUserDeviceExclusion/warning", "UserContextOnRegisteredDevices/info");
            assertThat(value(graph, "/beta/deviceManagement/devicescripts.targetingWarnings()")).isEqualTo(warnings);
            assertThat(jar.terminate()).isZero();
        }
    }

    private static String groupId(GraphClient graph, String encodedName) {
        JsonNode groups = value(graph, "/beta/groups?$filter=displayName%20eq%20'" + encodedName + "'&$select=id");
        assertThat(groups).hasSize(1);
        return groups.get(0).get("id").asText();
    }

    private static String target(String type, String groupId) {
        return "{\"target\":{\"@odata.type\":\"#microsoft.graph." + type + "\",\"groupId\":\"" + groupId + "\"}}";
    }

    private static JsonNode value(GraphClient graph, String path) {
        HttpResponse<String> response = graph.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        JsonNode body = GraphClient.json(response);
        assertThat(body.has("@odata.nextLink")).as("one page").isFalse();
        return body.get("value");
    }

    private static JsonNode subject(JsonNode results, String subjectId) {
        for (JsonNode result : results) {
            if (result.get("subjectId").asText().equals(subjectId)) {
                return result;
            }
        }
        throw new AssertionError(subjectId + " is not among " + results);
    }

    private static JsonNode reason(JsonNode result, String code) {
        for (JsonNode reason : result.get("reasons")) {
            if (reason.get("code").asText().equals(code)) {
                return reason;
            }
        }
        throw new AssertionError(code + " is not among " + result.get("reasons"));
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
