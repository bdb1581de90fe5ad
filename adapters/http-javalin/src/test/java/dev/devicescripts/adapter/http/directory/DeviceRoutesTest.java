package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.DEVICES;
import static dev.devicescripts.adapter.http.directory.Directory.MISSING;
import static dev.devicescripts.adapter.http.directory.Directory.assertNotFound;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefused;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /devices}, one device by object id and by its deviceId alternate key (spec 1.3.1). */
class DeviceRoutesTest {
    private static final String DEVICE_ID = "4f9a1c2e-0b1d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String LAPTOP = "{\"accountEnabled\":true,\"deviceId\":\"" + DEVICE_ID + "\","
            + "\"displayName\":\"LAB-042\",\"operatingSystem\":\"Windows\","
            + "\"operatingSystemVersion\":\"10.0.22631.4460\",\"trustType\":\"AzureAd\","
            + "\"alternativeSecurityIds\":[{\"type\":2,\"key\":\"Y3YxN2E1MWFlYw==\"}]}";

    private final GraphApi server = GraphApi.start();
    private final GraphApi api = server.as(GraphApi.DIRECTORY_ADMIN_TOKEN);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRegisteredDeviceIsAnswered201AndReadsBackByObjectIdAndByDeviceId() {
        Reply created = api.post(DEVICES, LAPTOP);

        assertThat(created.status()).isEqualTo(201);
        JsonNode device = created.json();
        String id = device.get("id").asText();
        assertThat(id).isNotEqualTo(DEVICE_ID);
        assertThat(created.header("Location")).isEqualTo(api.url(DEVICES + "/" + id));
        assertThat(device.get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#devices/$entity");
        assertThat(device.get("deviceId").asText()).isEqualTo(DEVICE_ID);
        assertThat(device.get("displayName").asText()).isEqualTo("LAB-042");
        assertThat(device.get("trustType").asText()).isEqualTo("AzureAd");
        assertThat(device.get("registrationDateTime").asText()).endsWith("Z");
        assertThat(device.has("alternativeSecurityIds")).isFalse();
        assertThat(api.get(DEVICES + "/" + id).json()).isEqualTo(device);
        assertThat(api.get(DEVICES + "(deviceId='" + DEVICE_ID + "')").json()).isEqualTo(device);
        assertNotFound(api.get(DEVICES + "/" + DEVICE_ID), DEVICE_ID);
        assertNotFound(api.get(DEVICES + "(deviceId='" + id + "')"), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"accountEnabled", "deviceId", "displayName", "operatingSystem", "operatingSystemVersion"})
    void aDeviceWithoutARequiredPropertyIsRefusedNamingIt(String missing) {
        String without = LAPTOP.replaceAll("\"" + missing + "\":[^,}]+,?", "");

        assertRefused(api.post(DEVICES, without), 400,
                "A value is required for property '" + missing + "' of resource 'Device'.");
    }

    @Test
    void aDeviceIdIsAGuidUniqueInTheTenant() {
        assertThat(api.post(DEVICES, LAPTOP).status()).isEqualTo(201);

        assertRefused(api.post(DEVICES, LAPTOP), 400,
                "Another object with the same value for property deviceId already exists.");
        assertRefused(api.post(DEVICES, LAPTOP.replace(DEVICE_ID, "lab-042")), 400,
                "Invalid value specified for property 'deviceId' of resource 'Device'.");
        assertRefused(api.post(DEVICES, LAPTOP.replace("AzureAd", "Domain")), 400,
                "Invalid value specified for property 'trustType' of resource 'Device'.");
    }

    @Test
    void aPatchChangesTheDeviceButNotItsDeviceId() {
        String id = api.post(DEVICES, LAPTOP).json().get("id").asText();

        assertThat(api.patch(DEVICES + "/" + id, "{\"displayName\":\"LAB-043\",\"accountEnabled\":false,"
                + "\"isCompliant\":true}").status()).isEqualTo(204);
        assertRefusedNaming(api.patch(DEVICES + "/" + id, "{\"deviceId\":\"" + MISSING + "\"}"), 400, "deviceId");

        JsonNode device = api.get(DEVICES + "/" + id).json();
        assertThat(device.get("displayName").asText()).isEqualTo("LAB-043");
        assertThat(device.get("accountEnabled").asBoolean()).isFalse();
        assertThat(device.get("isCompliant").asBoolean()).isTrue();
        assertThat(device.get("deviceId").asText()).isEqualTo(DEVICE_ID);
    }

    @Test
    void aDeletedDeviceIsGone() {
        String id = api.post(DEVICES, LAPTOP).json().get("id").asText();

        assertThat(api.delete(DEVICES + "/" + id).status()).isEqualTo(204);

        assertNotFound(api.get(DEVICES + "/" + id), id);
        assertNotFound(api.get(DEVICES + "(deviceId='" + DEVICE_ID + "')"), DEVICE_ID);
        assertNotFound(api.delete(DEVICES + "/" + id), id);
    }

    @Test
    void anUnknownDeviceIsNotFoundAndAMalformedIdRefused() {
        assertNotFound(api.get(DEVICES + "/" + MISSING), MISSING);
        assertNotFound(api.patch(DEVICES + "/" + MISSING, "{}"), MISSING);
        assertRefused(api.get(DEVICES + "/LAB-042"), 400, "Invalid object identifier 'LAB-042'.");
        assertRefused(api.get(DEVICES + "(deviceId='LAB-042')"), 400, "Invalid object identifier 'LAB-042'.");
    }
}
