package dev.devicescripts.adapter.http.managed;

import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.admin.AdminEndpoints;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.adapter.http.support.SampleTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /deviceManagement/managedDevices and /users/{id}/managedDevices (targeting.md 1.3.2) over the sample tenant. */
class ManagedDeviceRoutesTest {
    private static final String DEVICES = "/beta/deviceManagement/managedDevices";
    private static final String UNKNOWN = "99999999-0000-4000-8000-000000000009";

    private final GraphApi api = GraphApi.startWithPageSize(10);
    private final GraphApi reader = api.as(SampleTenant.token("DeviceManagementManagedDevices.Read.All"));
    private final GraphApi writer = api.as(SampleTenant.token("DeviceManagementManagedDevices.ReadWrite.All"));

    @BeforeEach
    void seed() {
        assertThat(api.as(SampleTenant.token("Devicescripts.Seed")).post(AdminEndpoints.SEED,
                SampleTenant.document()).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theListPagesThroughEveryDeviceInIdOrder() {
        List<String> ids = new ArrayList<>();
        String next = DEVICES;
        for (int page = 0; next != null && page < 10; page++) {
            JsonNode json = reader.get(next).json();
            json.get("value").forEach(device -> ids.add(device.get("id").asText()));
            next = json.has("@odata.nextLink") ? json.get("@odata.nextLink").asText().replaceFirst("^http://[^/]+", "")
                    : null;
        }

        assertThat(ids).hasSize(SampleTenant.MANAGED_DEVICES).isSorted().doesNotHaveDuplicates();
        assertThat(reader.get(DEVICES).json().get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#deviceManagement/managedDevices");
    }

    @Test
    void theDocumentedFiltersSelectDevices() {
        JsonNode lab = reader.get(DEVICES + "?$filter=deviceName%20eq%20'LAB-001'&$select=deviceName,joinType").json();
        assertThat(lab.get("value")).hasSize(1);
        assertThat(lab.get("value").get(0).get("joinType").asText()).isEqualTo("hybridAzureADJoined");
        assertThat(lab.get("value").get(0).has("model")).isFalse();
        assertThat(reader.get(DEVICES + "/$count?$filter=userId%20eq%20'" + SampleTenant.ADA + "'").body())
                .isEqualTo("2");
        assertThat(reader.get(DEVICES + "/$count?$filter=operatingSystem%20eq%20'Windows'").body())
                .isEqualTo(String.valueOf(SampleTenant.MANAGED_DEVICES));
        assertGraphError(reader.get(DEVICES + "?$filter=joinType%20eq%20'cloud'"), 400, "BadRequest", "cloud");
    }

    @Test
    void oneDeviceAndItsPrimaryUser() {
        JsonNode device = reader.get(DEVICES + "/" + SampleTenant.LAB_001).json();
        assertThat(device.get("deviceName").asText()).isEqualTo("LAB-001");
        assertThat(device.get("userPrincipalName").asText()).isEqualTo(SampleTenant.ADA_UPN);
        assertThat(device.get("roleScopeTagIds")).hasSize(1);
        assertThat(device.has("isTpmAttested")).as("not a Graph property").isFalse();

        JsonNode users = reader.get(DEVICES + "/" + SampleTenant.LAB_001 + "/users").json();
        assertThat(users.get("value")).hasSize(1);
        assertThat(users.get("value").get(0).get("id").asText()).isEqualTo(SampleTenant.ADA);
        assertThat(reader.get(DEVICES + "/" + SampleTenant.KIOSK + "/users").json().get("value")).isEmpty();
        JsonNode expanded = reader.get(DEVICES + "/" + SampleTenant.LAB_001 + "?$expand=users").json();
        assertThat(expanded.get("users").get(0).get("userPrincipalName").asText()).isEqualTo(SampleTenant.ADA_UPN);
    }

    @Test
    void unknownAndMalformedIdsAreRefused() {
        assertGraphError(reader.get(DEVICES + "/" + UNKNOWN), 404, "ResourceNotFound", UNKNOWN);
        assertGraphError(reader.get(DEVICES + "/" + UNKNOWN + "/users"), 404, "ResourceNotFound", UNKNOWN);
        assertGraphError(reader.get(DEVICES + "/LAB-001"), 400, "BadRequest", "LAB-001");
        assertGraphError(writer.delete(DEVICES + "/" + UNKNOWN), 404, "ResourceNotFound", UNKNOWN);
    }

    @Test
    void aCreateIsRefusedAsIntuneRefusesIt() {
        Reply refused = writer.post(DEVICES, "{\"deviceName\":\"PC-1\"}");

        assertGraphError(refused, 400, "No method match route template", "POST");
        assertThat(refused.json().get("error").get("message").asText()).isEqualTo("No OData route exists that match "
                + "template ~/singleton/navigation with http verb POST for request "
                + "/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices.");
    }

    @Test
    void deleteRemovesIntunesRecordOnly() {
        String azureADDeviceId = reader.get(DEVICES + "/" + SampleTenant.LAB_001).json().get("azureADDeviceId")
                .asText();

        assertGraphError(reader.delete(DEVICES + "/" + SampleTenant.LAB_001), 403, "Forbidden",
                "DeviceManagementManagedDevices.ReadWrite.All");
        assertThat(writer.delete(DEVICES + "/" + SampleTenant.LAB_001).status()).isEqualTo(204);

        assertGraphError(reader.get(DEVICES + "/" + SampleTenant.LAB_001), 404, "ResourceNotFound",
                SampleTenant.LAB_001);
        assertThat(reader.get(DEVICES + "/$count").body()).isEqualTo(String.valueOf(SampleTenant.MANAGED_DEVICES - 1));
        // The Entra device stays: a device that names it again is no dangling reference.
        assertThat(api.as(SampleTenant.token("Devicescripts.Seed")).put("/admin/managedDevices/"
                + SampleTenant.LAB_001, "{\"azureADDeviceId\":\"" + azureADDeviceId + "\"}").status()).isEqualTo(200);
    }

    @Test
    void aUsersManagedDevicesAreThoseWhosePrimaryUserItIs() {
        JsonNode devices = reader.get("/beta/users/" + SampleTenant.ADA + "/managedDevices?$select=deviceName").json();

        assertThat(devices.get("value")).extracting(device -> device.get("deviceName").asText())
                .containsExactlyInAnyOrder("LAB-001", "BYOD-021");
        assertThat(reader.get("/beta/users/" + SampleTenant.ADA + "/managedDevices/$count").body()).isEqualTo("2");
        assertGraphError(reader.get("/beta/users/" + UNKNOWN + "/managedDevices"), 404, "ResourceNotFound", UNKNOWN);
        assertGraphError(reader.get("/beta/users/nobody/managedDevices"), 400, "BadRequest",
                "Invalid object identifier 'nobody'.");
    }

    @Test
    void aUsersManagedDevicesAreFoundByItsUserPrincipalNameAsByItsId() {
        for (String user : List.of("/" + SampleTenant.ADA_UPN, "/" + SampleTenant.ADA_UPN.toUpperCase(Locale.ROOT),
                "('" + SampleTenant.ADA_UPN + "')")) {
            JsonNode devices = reader.get("/beta/users" + user + "/managedDevices?$select=deviceName").json();

            assertThat(devices.get("value")).as(user).extracting(device -> device.get("deviceName").asText())
                    .containsExactlyInAnyOrder("LAB-001", "BYOD-021");
            assertThat(reader.get("/beta/users" + user + "/managedDevices/$count").body()).isEqualTo("2");
        }
        assertGraphError(reader.get("/beta/users/nobody@contoso.test/managedDevices"), 404, "ResourceNotFound",
                "nobody@contoso.test");
    }

    @Test
    void readingNeedsAnIntuneDevicePermissionAndSeesItsOwnTenantOnly() {
        GraphApi scriptsOnly = api.as(SampleTenant.token("DeviceManagementScripts.ReadWrite.All"));
        assertGraphError(scriptsOnly.get(DEVICES), 403, "Forbidden", "DeviceManagementManagedDevices.Read.All");
        assertGraphError(scriptsOnly.get("/beta/users/" + SampleTenant.ADA + "/managedDevices"), 403, "Forbidden",
                "DeviceManagementManagedDevices.Read.All");
        GraphApi otherTenant = api.as(GraphApi.token(GraphApi.TENANT,
                List.of("DeviceManagementManagedDevices.ReadWrite.All"), List.of()));
        assertThat(otherTenant.get(DEVICES + "/$count").body()).isEqualTo("0");
        assertGraphError(otherTenant.get(DEVICES + "/" + SampleTenant.LAB_001), 404, "ResourceNotFound",
                SampleTenant.LAB_001);
        assertGraphError(otherTenant.delete(DEVICES + "/" + SampleTenant.LAB_001), 404, "ResourceNotFound",
                SampleTenant.LAB_001);
    }
}
