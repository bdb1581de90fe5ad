package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.admin.AdminEndpoints;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.adapter.http.support.SampleTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A script's deviceRunStates, userRunStates and runSummary (targeting.md 1.3.3), from seeded device states. */
class RunStateRoutesTest {
    /** Ada's second device. */
    private static final String BYOD_021 = "4ae21b77-b389-5966-aa1e-56987c7be518";
    /** Alan Turing's device. */
    private static final String LAB_002 = "31039baf-fa4b-5802-b289-6e6d6e03ea6b";
    private static final String ALAN = "8191d8bf-fbd5-59e4-8467-ec146e9be820";
    private static final String UNKNOWN = "99999999-0000-4000-8000-000000000009";

    private final GraphApi api = GraphApi.startWithPageSize(2);
    private final GraphApi admin = api.as(SampleTenant.token("DeviceManagementScripts.ReadWrite.All",
            "Devicescripts.Seed"));
    private String script;

    @BeforeEach
    void seed() {
        assertThat(admin.post(AdminEndpoints.SEED, SampleTenant.document()).status()).isEqualTo(200);
        script = admin.createScript("Inventory");
        Reply seeded = admin.post(AdminEndpoints.SEED, "{\"deviceRunStates\":["
                + state(SampleTenant.LAB_001, "success") + "," + state(BYOD_021, "fail") + ","
                + state(LAB_002, "success") + "," + state(SampleTenant.KIOSK, "scriptError") + "]}");
        assertThat(seeded.status()).as("%s", seeded).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String state(String managedDeviceId, String runState) {
        return "{\"scriptId\":\"" + script + "\",\"managedDeviceId\":\"" + managedDeviceId + "\",\"runState\":\""
                + runState + "\",\"resultMessage\":\"exit 0\",\"lastStateUpdateDateTime\":\"2026-11-20T08:00:00Z\","
                + "\"errorCode\":0}";
    }

    @Test
    void deviceRunStatesPageAndExpandTheirManagedDevice() {
        JsonNode first = admin.get(SCRIPTS + "/" + script + "/deviceRunStates?$expand=managedDevice&$count=true")
                .json();

        assertThat(first.get("@odata.count").asInt()).isEqualTo(4);
        assertThat(first.get("value")).hasSize(2);
        assertThat(first.get("@odata.nextLink").asText()).contains("/deviceRunStates?");
        JsonNode state = first.get("value").get(0);
        assertThat(state.get("id").asText()).startsWith(script + ":");
        assertThat(state.get("managedDevice").get("id").asText()).isEqualTo(state.get("id").asText()
                .substring(script.length() + 1));
        assertThat(admin.get(SCRIPTS + "/" + script + "/deviceRunStates/$count?$filter=runState%20eq%20'success'")
                .body()).isEqualTo("2");
    }

    @Test
    void usersStatesCountTheirDevicesStates() {
        JsonNode users = admin.get(SCRIPTS + "/" + script + "/userRunStates").json().get("value");

        assertThat(users).hasSize(2);
        JsonNode ada = admin.get(SCRIPTS + "/" + script + "/userRunStates/" + script + ":" + SampleTenant.ADA).json();
        assertThat(ada.get("userPrincipalName").asText()).isEqualTo(SampleTenant.ADA_UPN);
        assertThat(ada.get("successDeviceCount").asInt()).isEqualTo(1);
        assertThat(ada.get("errorDeviceCount").asInt()).isEqualTo(1);
        assertThat(admin.get(SCRIPTS + "/" + script + "/userRunStates/" + script + ":" + ALAN + "/deviceRunStates")
                .json().get("value").get(0).get("id").asText()).isEqualTo(script + ":" + LAB_002);
        assertGraphError(admin.get(SCRIPTS + "/" + script + "/userRunStates/" + script + ":" + UNKNOWN), 404,
                "ResourceNotFound", UNKNOWN);
        assertGraphError(admin.get(SCRIPTS + "/" + script + "/userRunStates/" + UNKNOWN), 400, "BadRequest",
                UNKNOWN);
    }

    @Test
    void theSummaryCountsDevicesAndUsers() {
        JsonNode summary = admin.get(SCRIPTS + "/" + script + "/runSummary").json();

        assertThat(summary.get("successDeviceCount").asInt()).isEqualTo(2);
        assertThat(summary.get("errorDeviceCount").asInt()).isEqualTo(2);
        assertThat(summary.get("successUserCount").asInt()).as("Alan").isEqualTo(1);
        assertThat(summary.get("errorUserCount").asInt()).as("Ada").isEqualTo(1);
    }

    @Test
    void anUnknownScriptIsNotFoundAndReadingNeedsAScriptPermission() {
        for (String path : new String[] {"/deviceRunStates", "/userRunStates", "/runSummary"}) {
            assertGraphError(admin.get(SCRIPTS + "/" + UNKNOWN + path), 404, "ResourceNotFound", UNKNOWN);
            assertGraphError(api.as(SampleTenant.token("DeviceManagementManagedDevices.Read.All"))
                    .get(SCRIPTS + "/" + script + path), 403, "Forbidden", "DeviceManagementScripts.Read.All");
        }
        assertThat(api.as(SampleTenant.token("DeviceManagementConfiguration.Read.All"))
                .get(SCRIPTS + "/" + script + "/runSummary").status()).isEqualTo(200);
    }

    @Test
    void aStateOfAScriptThatDoesNotExistIsRefused() {
        Reply refused = admin.post(AdminEndpoints.SEED, "{\"deviceRunStates\":[{\"scriptId\":\"" + UNKNOWN
                + "\",\"managedDeviceId\":\"" + SampleTenant.LAB_001 + "\",\"runState\":\"success\"}]}");

        assertGraphError(refused, 400, "BadRequest", UNKNOWN);
    }
}
