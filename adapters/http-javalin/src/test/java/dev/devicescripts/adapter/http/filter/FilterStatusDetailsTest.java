package dev.devicescripts.adapter.http.filter;

import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.admin.AdminEndpoints;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.adapter.http.support.SampleTenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /deviceManagement/getAssignmentFiltersStatusDetails} (targeting.md 4.6) over the sample tenant: LAB-001
 * (Windows, made by Contoso) against a Contoso filter, a Surface filter and a macOS filter, and a script whose targets
 * name the Contoso filter to include and to exclude and the Surface filter to include.
 */
class FilterStatusDetailsTest {
    private static final String STATUS = "/beta/deviceManagement/getAssignmentFiltersStatusDetails";
    private static final String MAC = "0f8fad5b-d9cb-469f-a165-70867728950f";
    private static final String MISSING = "0f0f0f0f-0000-4000-8000-00000000abcd";

    private final GraphApi server = GraphApi.start();
    private final GraphApi admin = server.as(SampleTenant.token("DeviceManagementConfiguration.ReadWrite.All",
            "DeviceManagementScripts.ReadWrite.All"));
    private final GraphApi reader = server.as(SampleTenant.token("DeviceManagementConfiguration.Read.All"));
    private String contoso;
    private String surface;
    private String macOs;
    private String script;

    @BeforeEach
    void seed() {
        GraphApi seeder = server.as(SampleTenant.token("Devicescripts.Seed"));
        assertThat(seeder.post(AdminEndpoints.SEED, SampleTenant.document()).status()).isEqualTo(200);
        assertThat(seeder.put("/admin/managedDevices/" + MAC, "{\"deviceName\":\"MAC-1\",\"operatingSystem\":"
                + "\"macOS\",\"osVersion\":\"14.5\",\"processorArchitecture\":\"x64\"}").status()).isBetween(200, 204);
        contoso = AssignmentFilterRoutesTest.create(admin, "Contoso", "windows10AndLater",
                "(device.manufacturer -eq \\\"Contoso\\\")");
        surface = AssignmentFilterRoutesTest.create(admin, "Surface", "windows10AndLater",
                "(device.model -startsWith \\\"Surface\\\")");
        macOs = AssignmentFilterRoutesTest.create(admin, "Sonoma", "macOS", "(device.operatingSystemVersion -ge 14.0)");
        script = admin.createScript("Inventory");
        assertThat(admin.post(GraphApi.SCRIPTS + "/" + script + "/assign", "{\"deviceManagementScriptAssignments\":["
                + target("allLicensedUsersAssignmentTarget", "", contoso, "include") + ","
                + target("allDevicesAssignmentTarget", "", contoso, "exclude") + ","
                + target("groupAssignmentTarget", ",\"groupId\":\"" + GraphApi.GROUP + "\"", surface, "include")
                + "]}").status()).isEqualTo(204);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String target(String type, String more, String filterId, String filterType) {
        return "{\"target\":{\"@odata.type\":\"#microsoft.graph." + type + "\"" + more
                + ",\"deviceAndAppManagementAssignmentFilterId\":\"" + filterId + "\","
                + "\"deviceAndAppManagementAssignmentFilterType\":\"" + filterType + "\"}}";
    }

    private Reply status(String body) {
        return reader.post(STATUS, body);
    }

    @Test
    void theAnswerIsGraphsAssignmentFilterStatusDetailsBareWithItsContext() {
        Reply reply = status("{\"managedDeviceId\":\"" + SampleTenant.LAB_001 + "\",\"payloadId\":\"" + script
                + "\",\"userId\":\"" + SampleTenant.ADA + "\",\"assignmentFilterIds\":[\"" + contoso + "\"]}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode details = reply.json();
        assertThat(fieldNames(details)).containsExactly("@odata.context", "managedDeviceId", "payloadId", "userId",
                "deviceProperties", "evalutionSummaries");
        assertThat(details.get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#microsoft.graph.assignmentFilterStatusDetails");
        assertThat(details.get("managedDeviceId").asText()).isEqualTo(SampleTenant.LAB_001);
        assertThat(details.get("payloadId").asText()).isEqualTo(script);
        assertThat(details.get("userId").asText()).isEqualTo(SampleTenant.ADA);
        assertThat(details.get("deviceProperties").toString()).as("the Windows table's values of LAB-001")
                .isEqualTo("[{\"name\":\"deviceName\",\"value\":\"LAB-001\"},{\"name\":\"manufacturer\",\"value\":"
                        + "\"Contoso\"},{\"name\":\"model\",\"value\":\"Laptop 7\"},{\"name\":\"deviceCategory\","
                        + "\"value\":null},{\"name\":\"enrollmentProfileName\",\"value\":null},{\"name\":"
                        + "\"osVersion\",\"value\":\"10.0.19045.5131\"},{\"name\":\"operatingSystemVersion\","
                        + "\"value\":\"10.0.19045.5131\"},{\"name\":\"operatingSystemSKU\",\"value\":"
                        + "\"Professional\"},{\"name\":\"deviceOwnership\",\"value\":\"Corporate\"},{\"name\":"
                        + "\"deviceTrustType\",\"value\":\"Hybrid Azure AD joined\"},{\"name\":\"cpuArchitecture\","
                        + "\"value\":\"amd64\"},{\"name\":\"isTpmAttested\",\"value\":\"True\"}]");
        JsonNode summary = details.get("evalutionSummaries").get(0);
        assertThat(fieldNames(summary)).containsExactly("assignmentFilterId", "assignmentFilterLastModifiedDateTime",
                "assignmentFilterDisplayName", "assignmentFilterPlatform", "evaluationResult", "evaluationDateTime",
                "assignmentFilterType", "assignmentFilterTypeAndEvaluationResults");
        assertThat(summary.get("assignmentFilterId").asText()).isEqualTo(contoso);
        assertThat(summary.get("assignmentFilterLastModifiedDateTime").asText())
                .isEqualTo(reader.get(AssignmentFilterRoutesTest.FILTERS + "/" + contoso).json()
                        .get("lastModifiedDateTime").asText());
        assertThat(summary.get("assignmentFilterDisplayName").asText()).isEqualTo("Contoso");
        assertThat(summary.get("assignmentFilterPlatform").asText()).isEqualTo("windows10AndLater");
        assertThat(summary.get("evaluationResult").asText()).isEqualTo("match");
        assertThat(Instant.parse(summary.get("evaluationDateTime").asText()))
                .isAfter(Instant.parse(summary.get("assignmentFilterLastModifiedDateTime").asText()));
        assertThat(summary.get("assignmentFilterType").asText()).as("the first type the payload names it with")
                .isEqualTo("include");
        assertThat(summary.get("assignmentFilterTypeAndEvaluationResults").toString()).isEqualTo(
                "[{\"assignmentFilterType\":\"include\",\"evaluationResult\":\"match\"},"
                        + "{\"assignmentFilterType\":\"exclude\",\"evaluationResult\":\"match\"}]");
    }

    @Test
    void eachFilterMatchesOrNotOnADeviceOfItsPlatformAndIsNotEvaluatedOnAnother() {
        String filters = ",\"assignmentFilterIds\":[\"" + contoso + "\",\"" + surface + "\",\"" + macOs + "\"]}";

        JsonNode windows = status("{\"managedDeviceId\":\"" + SampleTenant.LAB_001 + "\"" + filters).json();
        assertThat(results(windows)).containsExactly("match", "notMatch", "notEvaluated");
        assertThat(windows.get("payloadId").isNull()).isTrue();
        assertThat(windows.get("userId").isNull()).isTrue();
        assertThat(windows.get("evalutionSummaries").get(1).get("assignmentFilterType").asText())
                .as("no payload names it").isEqualTo("none");
        assertThat(windows.get("evalutionSummaries").get(1).get("assignmentFilterTypeAndEvaluationResults")
                .toString()).isEqualTo("[{\"assignmentFilterType\":\"none\",\"evaluationResult\":\"notMatch\"}]");

        JsonNode mac = status("{\"managedDeviceId\":\"" + MAC + "\"" + filters).json();
        assertThat(results(mac)).containsExactly("notEvaluated", "notEvaluated", "match");
        assertThat(mac.get("deviceProperties").toString()).as("the macOS table's values")
                .isEqualTo("[{\"name\":\"deviceName\",\"value\":\"MAC-1\"},{\"name\":\"manufacturer\",\"value\":"
                        + "null},{\"name\":\"model\",\"value\":null},{\"name\":\"deviceCategory\",\"value\":null},"
                        + "{\"name\":\"osVersion\",\"value\":\"14.5\"},{\"name\":\"operatingSystemVersion\","
                        + "\"value\":\"14.5\"},{\"name\":\"deviceOwnership\",\"value\":\"Unknown\"},{\"name\":"
                        + "\"cpuArchitecture\",\"value\":\"x64\"}]");
    }

    @Test
    void withoutFilterIdsTheFiltersAreThoseThePayloadsTargetsNamePagedByTopAndSkip() {
        String device = "{\"managedDeviceId\":\"" + SampleTenant.LAB_001 + "\"";
        String payload = device + ",\"payloadId\":\"" + script + "\"";

        JsonNode named = status(payload + "}").json();
        assertThat(filterIds(named)).containsExactly(contoso, surface);
        assertThat(named.get("evalutionSummaries").get(1).get("assignmentFilterTypeAndEvaluationResults")
                .toString()).isEqualTo("[{\"assignmentFilterType\":\"include\",\"evaluationResult\":\"notMatch\"}]");
        assertThat(filterIds(status(payload + ",\"assignmentFilterIds\":[]}").json())).containsExactly(contoso,
                surface);
        assertThat(filterIds(status(payload + ",\"top\":1,\"skip\":1}").json())).containsExactly(surface);
        assertThat(filterIds(status(payload + ",\"top\":500}").json())).as("top 500 counts as 100")
                .containsExactly(contoso, surface);
        assertThat(filterIds(status(payload + ",\"top\":0}").json())).isEmpty();
        assertThat(filterIds(status(device + "}").json())).as("no filters and no payload").isEmpty();
        assertThat(status(device + "}").json().get("deviceProperties").size()).isEqualTo(12);
        assertGraphError(status(payload + ",\"skip\":-1}"), 400, "BadRequest", "skip");
    }

    @Test
    void anInvalidRequestIsA400NamingTheFieldAndAnUnknownIdA404NamingIt() {
        String device = "{\"managedDeviceId\":\"" + SampleTenant.LAB_001 + "\"";
        assertGraphError(status("{\"payloadId\":\"" + script + "\"}"), 400, "BadRequest", "managedDeviceId");
        assertGraphError(status("{\"managedDeviceId\":\"LAB-001\"}"), 400, "BadRequest", "managedDeviceId");
        assertGraphError(status(device + ",\"payloadId\":\"Inventory\"}"), 400, "BadRequest", "payloadId");
        assertGraphError(status(device + ",\"assignmentFilterIds\":[\"" + contoso + "\",\"x\"]}"), 400,
                "BadRequest", "assignmentFilterIds[1]");
        assertGraphError(status(device + ",\"top\":\"ten\"}"), 400, "BadRequest", "top");
        assertGraphError(status(device + ",\"deviceId\":\"x\"}"), 400, "BadRequest", "deviceId");

        assertGraphError(status("{\"managedDeviceId\":\"" + MISSING + "\"}"), 404, "ResourceNotFound", MISSING);
        assertGraphError(status(device + ",\"assignmentFilterIds\":[\"" + contoso + "\",\"" + MISSING + "\"]}"),
                404, "ResourceNotFound", MISSING);
        assertGraphError(status(device + ",\"payloadId\":\"" + MISSING + "\"}"), 404, "ResourceNotFound", MISSING);
        assertGraphError(server.as(GraphApi.token(GraphApi.TENANT, List.of("DeviceManagementConfiguration.Read.All"),
                List.of())).post(STATUS, device + "}"), 404, "ResourceNotFound", SampleTenant.LAB_001);
    }

    @Test
    void aCallerWithoutADeviceManagementConfigurationPermissionIsForbidden() {
        assertGraphError(server.as(SampleTenant.token("DeviceManagementScripts.ReadWrite.All")).post(STATUS,
                "{\"managedDeviceId\":\"" + SampleTenant.LAB_001 + "\"}"), 403, "Forbidden",
                "DeviceManagementConfiguration.Read.All");
        assertThat(admin.post(STATUS, "{\"managedDeviceId\":\"" + SampleTenant.LAB_001 + "\"}").status())
                .as("ReadWrite reads too").isEqualTo(200);
    }

    @Test
    void theActionIsAlsoServedUnderItsPrefixedName() {
        String body = "{\"managedDeviceId\":\"" + SampleTenant.LAB_001 + "\",\"payloadId\":\"" + script + "\"}";

        JsonNode plain = status(body).json();
        JsonNode prefixed = reader.post("/beta/deviceManagement/microsoft.graph.getAssignmentFiltersStatusDetails",
                body).json();

        assertThat(withoutEvaluationTimes(prefixed)).isEqualTo(withoutEvaluationTimes(plain));
        assertThat(filterIds(prefixed)).containsExactly(contoso, surface);
    }

    /** The answer without evaluationDateTime, which is the time of each request. */
    private static JsonNode withoutEvaluationTimes(JsonNode details) {
        JsonNode copy = details.deepCopy();
        copy.get("evalutionSummaries").forEach(summary -> ((ObjectNode) summary).remove("evaluationDateTime"));
        return copy;
    }

    private static List<String> results(JsonNode details) {
        List<String> results = new ArrayList<>();
        details.get("evalutionSummaries").forEach(summary -> results.add(summary.get("evaluationResult").asText()));
        return results;
    }

    private static List<String> filterIds(JsonNode details) {
        List<String> ids = new ArrayList<>();
        details.get("evalutionSummaries").forEach(summary -> ids.add(summary.get("assignmentFilterId").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
