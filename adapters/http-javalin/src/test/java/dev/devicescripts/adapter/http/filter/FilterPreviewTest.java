package dev.devicescripts.adapter.http.filter;

import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.admin.AdminEndpoints;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.adapter.http.support.SampleTenant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /deviceManagement/evaluateAssignmentFilter} (targeting.md 1.4) over the sample tenant's 26 Windows
 * devices, 9 of them made by Contoso.
 */
class FilterPreviewTest {
    private static final String EVALUATE = "/beta/deviceManagement/evaluateAssignmentFilter";
    private static final String CONTOSO = "(device.manufacturer -eq \\\"Contoso\\\")";
    private static final List<String> CONTOSO_BY_NAME = List.of("BYOD-022", "BYOD-025", "LAB-001", "LAB-004",
            "LAB-007", "WS-010", "WS-013", "WS-016", "WS-019");

    private final GraphApi server = GraphApi.start();
    private final GraphApi reader = server.as(SampleTenant.token("DeviceManagementConfiguration.Read.All"));

    @BeforeEach
    void seed() {
        assertThat(server.as(SampleTenant.token("Devicescripts.Seed")).post(AdminEndpoints.SEED,
                SampleTenant.document()).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Reply evaluate(String data) {
        return reader.post(EVALUATE, "{\"data\":{\"platform\":\"windows10AndLater\"," + data + "}}");
    }

    @Test
    void thePreviewIsAJsonDocumentOfColumnsAndRowsSentAsOctetStream() {
        Reply reply = evaluate("\"rule\":\"" + CONTOSO + "\"");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/octet-stream");
        JsonNode preview = reply.json();
        assertThat(fieldNames(preview)).containsExactly("TotalRowCount", "Columns", "Values");
        assertThat(preview.get("TotalRowCount").asLong()).isEqualTo(9);
        List<String> columns = new ArrayList<>();
        preview.get("Columns").forEach(column -> {
            assertThat(column.get("Type").asText()).isEqualTo("String");
            columns.add(column.get("Name").asText());
        });
        assertThat(columns).containsExactly("deviceCategory", "cpuArchitecture", "deviceId", "deviceName",
                "enrollmentProfileName", "isTpmAttested", "isRooted", "deviceTrustType", "manufacturer", "model",
                "operatingSystemSKU", "operatingSystemVersion", "osVersion", "deviceOwnership", "userPrincipalName");
        assertThat(deviceNames(preview)).isEqualTo(CONTOSO_BY_NAME);
        assertThat(preview.get("Values").get(2).toString()).isEqualTo("[\"\",\"amd64\",\"" + SampleTenant.LAB_001
                + "\",\"LAB-001\",\"\",\"True\",\"\",\"Hybrid Azure AD joined\",\"Contoso\",\"Laptop 7\","
                + "\"Professional\",\"10.0.19045.5131\",\"10.0.19045.5131\",\"Corporate\",\"" + SampleTenant.ADA_UPN
                + "\"]");
        assertThat(reader.post("/beta/deviceManagement/microsoft.graph.evaluateAssignmentFilter",
                "{\"data\":{\"platform\":\"windows10AndLater\",\"rule\":\"" + CONTOSO + "\"}}").json())
                .isEqualTo(preview);
    }

    @Test
    void topAndSkipPageTheMatchesWhichTotalRowCountCountsWhole() {
        JsonNode page = evaluate("\"rule\":\"" + CONTOSO + "\",\"top\":2,\"skip\":2").json();

        assertThat(page.get("TotalRowCount").asLong()).isEqualTo(9);
        assertThat(deviceNames(page)).containsExactly("LAB-001", "LAB-004");
        for (int top : List.of(-1, 101, 500)) {
            assertThat(deviceNames(evaluate("\"rule\":\"" + CONTOSO + "\",\"top\":" + top).json()))
                    .as("top %d counts as 100", top).isEqualTo(CONTOSO_BY_NAME);
        }
        assertThat(deviceNames(evaluate("\"rule\":\"" + CONTOSO + "\",\"top\":0").json())).isEmpty();
        assertGraphError(evaluate("\"rule\":\"" + CONTOSO + "\",\"skip\":-1"), 400, "BadRequest", "data.skip");
        assertGraphError(evaluate("\"rule\":\"" + CONTOSO + "\",\"top\":\"ten\""), 400, "BadRequest", "data.top");
    }

    @Test
    void orderByNamesColumnsAscendingOrDescending() {
        assertThat(deviceNames(evaluate("\"rule\":\"" + CONTOSO + "\",\"orderBy\":[\"deviceName desc\"]").json()))
                .isEqualTo(reversed(CONTOSO_BY_NAME));
        JsonNode byVersion = evaluate("\"rule\":\"" + CONTOSO + "\",\"orderBy\":[\"operatingSystemVersion desc\","
                + "\"deviceName\"]").json();
        assertThat(deviceNames(byVersion)).containsExactly("BYOD-022", "LAB-004", "LAB-007", "WS-010", "WS-016",
                "WS-019", "BYOD-025", "LAB-001", "WS-013");
        assertGraphError(evaluate("\"rule\":\"" + CONTOSO + "\",\"orderBy\":[\"serialNumber\"]"), 400, "BadRequest",
                "data.orderBy", "serialNumber");
        assertGraphError(evaluate("\"rule\":\"" + CONTOSO + "\",\"orderBy\":[\"deviceName sideways\"]"), 400,
                "BadRequest", "deviceName sideways");
    }

    @Test
    void searchNarrowsByAKeywordInNameVersionModelOrManufacturer() {
        JsonNode lab = evaluate("\"rule\":\"" + CONTOSO + "\",\"search\":\"lab\"").json();
        assertThat(lab.get("TotalRowCount").asLong()).isEqualTo(3);
        assertThat(deviceNames(lab)).containsExactly("LAB-001", "LAB-004", "LAB-007");
        assertThat(evaluate("\"rule\":\"(device.deviceName -startsWith \\\"WS\\\")\",\"search\":\"19045\"").json()
                .get("TotalRowCount").asLong()).isEqualTo(3);
        assertThat(evaluate("\"rule\":\"(device.deviceName -startsWith \\\"WS\\\")\",\"search\":\"surface\"").json()
                .get("TotalRowCount").asLong()).isEqualTo(4);
    }

    @Test
    void aRuleIsEvaluatedAsTheLanguageSays() {
        assertThat(evaluate("\"rule\":\"(device.operatingSystemSKU -eq \\\"Professional\\\") and "
                + "(device.deviceOwnership -eq \\\"Personal\\\")\"").json().get("TotalRowCount").asLong())
                .isEqualTo(1);
        assertThat(evaluate("\"rule\":\"(device.operatingSystemVersion -lt 10.0.22000)\"").json()
                .get("TotalRowCount").asLong()).isEqualTo(7);
        assertThat(reader.post(EVALUATE, "{\"data\":{\"platform\":\"macOS\",\"rule\":\"(device.model -eq "
                + "\\\"Laptop 7\\\")\"}}").json().get("TotalRowCount").asLong()).as("no macOS device").isZero();
    }

    @Test
    void theCountFollowsEveryChangeOfTheDevices() {
        GraphApi seeder = server.as(SampleTenant.token("Devicescripts.Seed"));
        String added = "/admin/managedDevices/0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThat(evaluate("\"rule\":\"" + CONTOSO + "\"").json().get("TotalRowCount").asLong()).isEqualTo(9);

        assertThat(seeder.put(added, "{\"deviceName\":\"LAB-100\",\"operatingSystem\":\"Windows\","
                + "\"manufacturer\":\"contoso\"}").status()).isBetween(200, 204);
        assertThat(evaluate("\"rule\":\"" + CONTOSO + "\"").json().get("TotalRowCount").asLong()).isEqualTo(10);

        assertThat(seeder.delete(added).status()).isEqualTo(204);
        assertThat(evaluate("\"rule\":\"" + CONTOSO + "\"").json().get("TotalRowCount").asLong()).isEqualTo(9);
    }

    @Test
    void aMacPreviewShowsTheCellsOfTheMacTable() {
        GraphApi seeder = server.as(SampleTenant.token("Devicescripts.Seed"));
        assertThat(seeder.put("/admin/managedDevices/0f8fad5b-d9cb-469f-a165-70867728950f", "{\"deviceName\":"
                + "\"MAC-1\",\"operatingSystem\":\"macOS\",\"osVersion\":\"14.5\",\"processorArchitecture\":"
                + "\"x64\",\"skuNumber\":4,\"joinType\":\"azureADJoined\"}").status()).isBetween(200, 204);

        JsonNode preview = reader.post(EVALUATE, "{\"data\":{\"platform\":\"macOS\",\"rule\":"
                + "\"(device.operatingSystemVersion -ge 14.0)\"}}").json();

        assertThat(preview.get("TotalRowCount").asLong()).isEqualTo(1);
        assertThat(preview.get("Values").get(0).toString()).as("x64 keeps its name on macOS; no SKU or trust type")
                .isEqualTo("[\"\",\"x64\",\"0f8fad5b-d9cb-469f-a165-70867728950f\",\"MAC-1\",\"\",\"\",\"\","
                        + "\"\",\"\",\"\",\"\",\"14.5\",\"14.5\",\"Unknown\",\"\"]");
    }

    @Test
    void anInvalidRequestIsRefusedNamingWhatIsWrong() {
        assertGraphError(evaluate("\"rule\":\"(device.osVersion -gt \\\"10\\\")\""), 400, "BadRequest",
                "data.rule", "position 18", "'-gt'");
        assertGraphError(evaluate("\"rule\":\" \""), 400, "BadRequest", "data.rule");
        assertGraphError(reader.post(EVALUATE, "{\"data\":{\"rule\":\"" + CONTOSO + "\"}}"), 400, "BadRequest",
                "data.platform");
        assertGraphError(reader.post(EVALUATE, "{\"data\":{\"platform\":\"android\",\"rule\":\"" + CONTOSO + "\"}}"),
                400, "BadRequest", "data.platform", "android");
        assertGraphError(reader.post(EVALUATE, "{\"platform\":\"windows10AndLater\"}"), 400, "BadRequest", "data");
        assertGraphError(server.as(SampleTenant.token("DeviceManagementScripts.ReadWrite.All"))
                .post(EVALUATE, "{\"data\":{\"platform\":\"windows10AndLater\",\"rule\":\"" + CONTOSO + "\"}}"), 403,
                "Forbidden", "DeviceManagementConfiguration.Read.All");
    }

    private static List<String> deviceNames(JsonNode preview) {
        List<String> names = new ArrayList<>();
        preview.get("Values").forEach(row -> names.add(row.get(3).asText()));
        return names;
    }

    private static List<String> reversed(List<String> names) {
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        return reversed;
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
