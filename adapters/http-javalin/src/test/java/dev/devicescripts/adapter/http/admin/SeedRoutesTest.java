package dev.devicescripts.adapter.http.admin;

import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.adapter.http.support.SampleTenant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /admin/seed and /admin/managedDevices/{id} (targeting.md 1.3.4), over a real socket. */
class SeedRoutesTest {
    private static final String MANAGED_DEVICES = "/beta/deviceManagement/managedDevices";
    private static final String USER = "11111111-0000-4000-8000-000000000001";
    private static final String DEVICE = "22222222-0000-4000-8000-000000000001";
    private static final String GROUP = "33333333-0000-4000-8000-000000000001";
    private static final String NOBODY = "99999999-0000-4000-8000-000000000009";

    private final GraphApi api = GraphApi.startWithPageSize(100);
    private final GraphApi seeder = api.as(SampleTenant.token("Devicescripts.Seed"));
    private final GraphApi reader = api.as(SampleTenant.token("DeviceManagementManagedDevices.ReadWrite.All"));

    @AfterEach
    void stop() {
        api.close();
    }

    private static String document(String sections) {
        return "{\"tenantId\":\"" + SampleTenant.TENANT + "\"" + (sections.isEmpty() ? "" : ",") + sections + "}";
    }

    private static String user(String id, String upn) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + upn + "\",\"userPrincipalName\":\"" + upn + "\"}";
    }

    private static List<Integer> counts(Reply reply) {
        JsonNode json = reply.json();
        return List.of(json.get("created").asInt(), json.get("updated").asInt(), json.get("unchanged").asInt());
    }

    private long managedDeviceCount() {
        return Long.parseLong(reader.get(MANAGED_DEVICES + "/$count").body());
    }

    @Test
    void theSampleTenantLoadsOnceAndAgainUnchanged() {
        Reply first = seeder.post(AdminEndpoints.SEED, SampleTenant.document());
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(counts(first)).containsExactly(SampleTenant.OBJECTS + SampleTenant.REGISTERED_BY_THE_SEED, 0, 0);

        Reply again = seeder.post(AdminEndpoints.SEED, SampleTenant.document());

        assertThat(counts(again)).containsExactly(0, 0, SampleTenant.OBJECTS);
        assertThat(managedDeviceCount()).isEqualTo(SampleTenant.MANAGED_DEVICES);
    }

    @Test
    void aManagedDeviceWithoutAzureADDeviceIdIsRegisteredAndOneWithNullStaysUnregistered() {
        seeder.post(AdminEndpoints.SEED, SampleTenant.document());

        JsonNode registered = reader.get(MANAGED_DEVICES + "/" + SampleTenant.REGISTERED_ON_SEED).json();
        JsonNode unregistered = reader.get(MANAGED_DEVICES + "/" + SampleTenant.UNREGISTERED).json();

        assertThat(registered.get("azureADDeviceId").asText()).matches("[0-9a-f-]{36}");
        assertThat(registered.get("azureADRegistered").asBoolean()).isTrue();
        assertThat(unregistered.get("azureADDeviceId").isNull()).isTrue();
        assertThat(unregistered.get("azureADRegistered").asBoolean()).isFalse();
    }

    @Test
    void aPrimaryUserGivenByIdOnlyHasItsNamesFilledFromTheUserReadLater() {
        Reply seeded = seeder.post(AdminEndpoints.SEED, document("\"managedDevices\":[{\"id\":\"" + DEVICE
                + "\",\"deviceName\":\"PC-1\",\"userId\":\"" + USER + "\"}],\"users\":["
                + user(USER, "eve@contoso.test") + "]"));

        assertThat(seeded.status()).as("%s", seeded).isEqualTo(200);
        JsonNode device = reader.get(MANAGED_DEVICES + "/" + DEVICE).json();
        assertThat(device.get("userPrincipalName").asText()).isEqualTo("eve@contoso.test");
        assertThat(device.get("userDisplayName").asText()).isEqualTo("eve@contoso.test");
    }

    @Test
    void aReferenceToNothingIsRefusedNamingItAndNothingIsApplied() {
        Reply refused = seeder.post(AdminEndpoints.SEED, document("\"users\":[" + user(USER, "eve@contoso.test")
                + "],\"managedDevices\":[{\"id\":\"" + DEVICE + "\",\"userId\":\"" + NOBODY + "\"}],"
                + "\"groups\":[{\"id\":\"" + GROUP + "\",\"displayName\":\"G\",\"members\":[\"" + NOBODY + "\"]}]"));

        assertGraphError(refused, 400, "BadRequest", NOBODY, GROUP, DEVICE);
        assertThat(managedDeviceCount()).isZero();
        assertThat(seeder.post(AdminEndpoints.SEED, document("\"users\":[" + user(USER, "eve@contoso.test") + "]"))
                .json().get("created").asInt()).as("the user was not kept either").isEqualTo(1);
    }

    /**
     * Intune's record keeps the ids of its primary user and Entra device when the directory deletes them, so a later
     * seed that does not name them is no reference to nothing; one that names them must find them, anywhere in it.
     */
    @Test
    void aUserAndEntraDeviceDeletedThroughGraphStayNamedByTheirManagedDeviceAndLaterSeedsAreAccepted() {
        seeder.post(AdminEndpoints.SEED, SampleTenant.document());
        String azureADDeviceId = reader.get(MANAGED_DEVICES + "/" + SampleTenant.LAB_001).json()
                .get("azureADDeviceId").asText();
        GraphApi directory = api.as(SampleTenant.token("Directory.ReadWrite.All"));
        String entraDevice = directory.get("/beta/devices(deviceId='" + azureADDeviceId + "')").json().get("id")
                .asText();
        assertThat(directory.delete("/beta/devices/" + entraDevice).status()).isEqualTo(204);
        assertThat(directory.delete("/beta/users/" + SampleTenant.ADA).status()).isEqualTo(204);

        Reply later = seeder.post(AdminEndpoints.SEED, document("\"users\":[" + user(USER, "eve@contoso.test") + "]"));

        assertThat(later.status()).as("%s", later).isEqualTo(200);
        JsonNode lab = reader.get(MANAGED_DEVICES + "/" + SampleTenant.LAB_001).json();
        assertThat(lab.get("azureADDeviceId").asText()).isEqualTo(azureADDeviceId);
        assertThat(lab.get("userId").asText()).isEqualTo(SampleTenant.ADA);
        Reply naming = seeder.post(AdminEndpoints.SEED, document("\"managedDevices\":[{\"id\":\"" + DEVICE
                + "\",\"azureADDeviceId\":\"" + azureADDeviceId + "\",\"userId\":\"" + SampleTenant.ADA + "\"}]"));
        assertGraphError(naming, 400, "BadRequest", DEVICE, "azureADDeviceId names " + azureADDeviceId,
                "userId names " + SampleTenant.ADA);
        Reply deviceAfter = seeder.post(AdminEndpoints.SEED, document("\"managedDevices\":[{\"id\":\"" + DEVICE
                + "\",\"azureADDeviceId\":\"" + azureADDeviceId + "\"}],\"devices\":[{\"id\":\"" + entraDevice
                + "\",\"deviceId\":\"" + azureADDeviceId + "\",\"displayName\":\"LAB-001\"}]"));
        assertThat(deviceAfter.status()).as("%s", deviceAfter).isEqualTo(200);
    }

    @Test
    void aBadValueLaterInTheDocumentUndoesWhatCameBeforeIt() {
        Reply refused = seeder.post(AdminEndpoints.SEED, document("\"managedDevices\":[{\"id\":\"" + DEVICE
                + "\",\"azureADDeviceId\":null},{\"id\":\"" + NOBODY + "\",\"joinType\":\"cloudJoined\"}]"));

        assertGraphError(refused, 400, "BadRequest", "managedDevices[1].joinType", "azureADJoined");
        assertThat(managedDeviceCount()).isZero();
    }

    @Test
    void eachWrongValueIsNamedByItsPathInTheDocument() {
        assertGraphError(seeder.post(AdminEndpoints.SEED, document("\"users\":[{\"id\":\"not-a-guid\"}]")), 400,
                "BadRequest", "users[0].id", "GUID");
        assertGraphError(seeder.post(AdminEndpoints.SEED, document("\"managedDevices\":[{\"id\":\"" + DEVICE
                + "\",\"enrolledDateTime\":\"yesterday\"}]")), 400, "BadRequest", "managedDevices[0].enrolledDateTime");
        assertGraphError(seeder.post(AdminEndpoints.SEED, document("\"managedDevices\":[{\"id\":\"" + DEVICE
                + "\",\"usersLoggedOn\":[{\"userId\":\"x\"}]}]")), 400, "BadRequest",
                "managedDevices[0].usersLoggedOn[0].userId");
        assertGraphError(seeder.post(AdminEndpoints.SEED, document("\"groups\":[{\"id\":\"" + GROUP
                + "\",\"displayName\":\"G\",\"colour\":\"red\"}]")), 400, "BadRequest", "groups[0].colour");
        assertGraphError(seeder.post(AdminEndpoints.SEED, document("\"printers\":[]")), 400, "BadRequest",
                "printers");
        assertGraphError(seeder.post(AdminEndpoints.SEED, "{\"users\":[}"), 400, "BadRequest", "not valid JSON");
        assertGraphError(seeder.post(AdminEndpoints.SEED, document("\"groups\":[{\"id\":\"" + GROUP
                + "\",\"displayName\":\"G\",\"members\":[\"" + GROUP + "\"]}]")), 400, "BadRequest",
                "groups[0].members");
    }

    @Test
    void aDocumentOfAnotherTenantIsRefused() {
        Reply refused = api.as(GraphApi.token(GraphApi.TENANT, List.of("Devicescripts.Seed"), List.of()))
                .post(AdminEndpoints.SEED, SampleTenant.document());

        assertGraphError(refused, 400, "BadRequest", "tenantId", SampleTenant.TENANT.toString());
    }

    @Test
    void seedingNeedsTheSeedPermissionAsScopeOrRole() {
        assertGraphError(reader.post(AdminEndpoints.SEED, document("")), 403, "Forbidden", "Devicescripts.Seed");
        assertThat(api.as(GraphApi.token(SampleTenant.TENANT, List.of(), List.of("Devicescripts.Seed")))
                .post(AdminEndpoints.SEED, document("")).status()).isEqualTo(200);
        assertThat(api.as(null).post(AdminEndpoints.SEED, document("")).status()).isEqualTo(401);
        assertGraphError(reader.put("/admin/managedDevices/" + DEVICE, "{}"), 403, "Forbidden", "Devicescripts.Seed");
    }

    @Test
    void oneManagedDeviceIsPutPatchedAndDeleted() {
        Reply put = seeder.put("/admin/managedDevices/" + DEVICE, "{\"deviceName\":\"PC-1\",\"azureADDeviceId\":null,"
                + "\"joinType\":\"azureADJoined\",\"isTpmAttested\":true}");
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        assertThat(put.json().get("id").asText()).isEqualTo(DEVICE);

        Reply patched = seeder.patch("/admin/managedDevices/" + DEVICE, "{\"deviceName\":\"PC-2\"}");

        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        JsonNode device = reader.get(MANAGED_DEVICES + "/" + DEVICE).json();
        assertThat(device.get("deviceName").asText()).isEqualTo("PC-2");
        assertThat(device.get("joinType").asText()).isEqualTo("azureADJoined");
        assertThat(seeder.delete("/admin/managedDevices/" + DEVICE).status()).isEqualTo(204);
        assertGraphError(reader.get(MANAGED_DEVICES + "/" + DEVICE), 404, "ResourceNotFound", DEVICE);
        assertGraphError(seeder.patch("/admin/managedDevices/" + DEVICE, "{}"), 404, "ResourceNotFound", DEVICE);
        assertGraphError(seeder.put("/admin/managedDevices/" + DEVICE, "{\"id\":\"" + NOBODY + "\"}"), 400,
                "BadRequest", "id", NOBODY);
    }
}
