package dev.devicescripts.adapter.http.server;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.batchOfReads;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.TENANT;
import static dev.devicescripts.adapter.http.support.GraphApi.token;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.domain.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling over HTTP with tiny limits per hour: no token refills while a test runs, so none depends on timing.
 */
class ThrottlingTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final List<String> READ_WRITE = List.of("DeviceManagementScripts.ReadWrite.All");
    private static final List<String> DIRECTORY_AND_DEVICES = List.of("DeviceManagementScripts.ReadWrite.All",
            "Directory.ReadWrite.All", "DeviceManagementManagedDevices.ReadWrite.All");
    private static final String GROUPS = "/beta/groups";
    private static final String MANAGED_DEVICES = "/beta/deviceManagement/managedDevices";
    private static final String GROUP = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String ASSIGN_GROUP = "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":\""
            + GROUP + "\"}]}";

    private GraphApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theFourthWriteOfThreeAllowedIsTooManyRequestsWithRetryAfterAndChangesNothing() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(3, 3, 1_000, 1_000, HOUR));
        String id = api.createScript("First");
        String script = SCRIPTS + "/" + id;
        assertThat(api.patch(script, "{\"description\":\"second write\"}").status()).isEqualTo(204);
        assertThat(api.post(script + "/assign", ASSIGN_GROUP).status()).isEqualTo(204);
        JsonNode scriptBefore = api.script(id);
        JsonNode assignmentsBefore = api.assignmentsOf(id);

        assertTooManyRequests(api.post(SCRIPTS, "{\"displayName\":\"Fourth\"}"), "3 writes per tenant");
        assertTooManyRequests(api.patch(script, "{\"displayName\":\"Fourth\"}"), "3 writes per tenant");
        assertTooManyRequests(api.post(script + "/assign", "{}"), "3 writes per tenant");
        assertTooManyRequests(api.delete(script), "3 writes per tenant");

        assertThat(api.count()).isEqualTo(1);
        assertThat(api.script(id)).isEqualTo(scriptBefore);
        assertThat(api.assignmentsOf(id)).isEqualTo(assignmentsBefore);
    }

    @Test
    void readsPassAfterTheWriteLimitUntilTheRequestLimit() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(1, 1, 5, 5, HOUR));
        api.createScript("Only");
        assertTooManyRequests(api.post(SCRIPTS, "{\"displayName\":\"Refused\"}"), "1 writes per tenant");

        for (int read = 2; read <= 5; read++) {
            assertThat(api.get(SCRIPTS).status()).as("read %d", read).isEqualTo(200);
        }
        assertTooManyRequests(api.get(SCRIPTS), "5 requests per tenant");
    }

    @Test
    void anotherTenantIsNotLimitedByThisTenantsRequests() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(1, 1, 1, 1, HOUR));
        api.createScript("Ours");
        assertTooManyRequests(api.get(SCRIPTS), "1 requests per tenant");

        GraphApi otherTenant = api.as(token(TenantId.of("99999999-8888-7777-6666-555555555555"), READ_WRITE,
                List.of()));
        assertThat(otherTenant.post(SCRIPTS, "{\"displayName\":\"Theirs\"}").status()).isEqualTo(201);
    }

    @Test
    void anotherAppOfTheTenantIsNotLimitedByThisAppsWritesButByTheTenants() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(3, 2, 1_000, 1_000, HOUR));
        api.createScript("First");
        api.createScript("Second");
        assertTooManyRequests(api.post(SCRIPTS, "{\"displayName\":\"Third\"}"), "2 writes per app in a tenant");

        GraphApi otherApp = api.as(token(TENANT, READ_WRITE, List.of(), "0f4e7d2a-6b1c-4e8f-9a3d-2c5b8e1f7a90"));
        assertThat(otherApp.post(SCRIPTS, "{\"displayName\":\"Third\"}").status()).isEqualTo(201);
        assertTooManyRequests(otherApp.post(SCRIPTS, "{\"displayName\":\"Fourth\"}"), "3 writes per tenant");
    }

    /** The directory's collections and Intune's managed devices take their tokens as the scripts do. */
    @Test
    void groupAndManagedDeviceRequestsAreCountedAndRefusedLikeScriptOnes() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(2, 2, 5, 1_000, HOUR));
        GraphApi admin = api.as(token(TENANT, DIRECTORY_AND_DEVICES, List.of()));
        assertThat(admin.post(GROUPS, newGroup("First")).status()).isEqualTo(201);
        assertThat(admin.delete(MANAGED_DEVICES + "/" + GROUP).status()).isEqualTo(404); // refused, yet a write

        assertTooManyRequests(admin.post(GROUPS, newGroup("Second")), "2 writes per tenant");
        JsonNode groups = admin.get(GROUPS).json();
        assertThat(groups.get("value")).extracting(group -> group.get("displayName").asText())
                .containsExactly("First");
        String first = groups.get("value").get(0).get("id").asText();
        assertThat(admin.get(GROUPS + "/" + first + "/members").status()).isEqualTo(200);
        assertThat(admin.get(MANAGED_DEVICES).status()).isEqualTo(200);

        assertTooManyRequests(admin.get(MANAGED_DEVICES), "5 requests per tenant");
        assertTooManyRequests(admin.get(GROUPS), "5 requests per tenant");
        assertTooManyRequests(admin.get(SCRIPTS), "5 requests per tenant");
    }

    @Test
    void aTenantFloodingTheDirectoryAndItsDevicesDoesNotRefuseAnotherTenant() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(1, 1, 2, 2, HOUR));
        GraphApi ours = api.as(token(TENANT, DIRECTORY_AND_DEVICES, List.of()));
        assertThat(ours.post(GROUPS, newGroup("Ours")).status()).isEqualTo(201);
        assertThat(ours.get(MANAGED_DEVICES).status()).isEqualTo(200);
        assertTooManyRequests(ours.get(GROUPS), "2 requests per tenant");
        assertTooManyRequests(ours.get(MANAGED_DEVICES), "2 requests per tenant");

        GraphApi theirs = api.as(token(TenantId.of("99999999-8888-7777-6666-555555555555"), DIRECTORY_AND_DEVICES,
                List.of()));
        assertThat(theirs.post(GROUPS, newGroup("Theirs")).status()).isEqualTo(201);
        assertThat(theirs.get(MANAGED_DEVICES).status()).isEqualTo(200);
    }

    private static String newGroup(String displayName) {
        return "{\"displayName\":\"" + displayName + "\",\"mailEnabled\":false,\"mailNickname\":\""
                + displayName.toLowerCase(Locale.ROOT) + "\",\"securityEnabled\":true}";
    }

    /** The batch itself is not charged; each of its requests is, as if sent alone. */
    @Test
    void aBatchOfReadsTakesNoWriteAndOneRequestPerReadItHolds() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(1, 1, 6, 1_000, HOUR));
        assertThat(responsesById(api.post(BATCH, batchOfReads(2)))).allSatisfy(ThrottlingTest::assertOk);
        assertThat(responsesById(api.post(BATCH, batchOfReads(2)))).allSatisfy(ThrottlingTest::assertOk);
        assertThat(api.post(SCRIPTS, "{\"displayName\":\"The one write\"}").status()).isEqualTo(201);

        // Four reads and a write took five of the six requests: the sixth is the first read of the next batch.
        Map<String, JsonNode> last = responsesById(api.post(BATCH, batchOfReads(2)));

        assertOk("1", last.get("1"));
        assertThat(last.get("2").get("status").asInt()).isEqualTo(429);
        assertThat(last.get("2").get("headers").get("Retry-After").asText()).matches("\\d+");
        assertThat(last.get("2").get("body").get("error").get("message").asText()).contains("6 requests per tenant");
    }

    @Test
    void healthChecksAreNeverThrottled() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(1, 1, 1, 1, HOUR));
        api.get(SCRIPTS);
        assertTooManyRequests(api.get(SCRIPTS), "1 requests per tenant");

        for (int check = 0; check < 3; check++) {
            assertThat(api.as(null).get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void aRequestWithoutAValidTokenIsAnswered401AndTakesNoToken() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(1, 1, 1, 1, HOUR));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(api.as(null).post(SCRIPTS, "{\"displayName\":\"Anonymous\"}").status()).isEqualTo(401);
        }

        assertThat(api.post(SCRIPTS, "{\"displayName\":\"Admin\"}").status()).isEqualTo(201);
    }

    /** The throttle runs before the use case that checks permissions, as Graph counts requests as they arrive. */
    @Test
    void aWriteRefusedForItsPermissionsStillCounts() {
        api = GraphApi.startWithThrottle(new ThrottleLimits(2, 2, 1_000, 1_000, HOUR));
        GraphApi reader = api.as(token(TENANT, List.of("DeviceManagementScripts.Read.All"), List.of()));
        assertThat(reader.post(SCRIPTS, "{\"displayName\":\"Refused\"}").status()).isEqualTo(403);

        api.createScript("Allowed");
        assertTooManyRequests(api.post(SCRIPTS, "{\"displayName\":\"Third\"}"), "2 writes per tenant");
    }

    @Test
    void withoutThrottleLimitsAThousandQuickWritesAllPass() {
        api = GraphApi.start();
        for (int write = 0; write < 1_000; write++) {
            assertThat(api.post(SCRIPTS, "{\"displayName\":\"Script " + write + "\"}").status()).isEqualTo(201);
        }

        assertThat(api.count()).isEqualTo(1_000);
    }

    private static void assertOk(String id, JsonNode response) {
        assertThat(response.get("status").asInt()).as("request %s: %s", id, response).isEqualTo(200);
    }

    /** Graph's 429: its error shape, naming the limit, and a Retry-After of whole seconds within the window. */
    private static void assertTooManyRequests(Reply reply, String limit) {
        assertGraphError(reply, 429, "TooManyRequests", limit);
        assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, HOUR.toSeconds());
    }
}
