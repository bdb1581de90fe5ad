package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.BATCH_SCRIPTS;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphApi.GROUP;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.token;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertInnerError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.domain.TenantId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Another tenant's script does not exist for a caller, whatever the route and whatever its permissions. */
class TenantIsolationTest {
    private static final TenantId OTHER_TENANT = TenantId.of("99999999-8888-7777-6666-555555555555");

    private final GraphApi api = GraphApi.start();
    private final GraphApi otherTenant = api.as(token(OTHER_TENANT,
            List.of("DeviceManagementScripts.ReadWrite.All"), List.of()));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anotherTenantsScriptIsNotFoundOnEveryRouteAndNothingOfItChanges() {
        String id = api.assignedScript();
        List<Object> before = api.stored(id);
        String script = SCRIPTS + "/" + id;

        assertNotFound(otherTenant.get(script), id);
        assertNotFound(otherTenant.get(SCRIPTS + "('" + id + "')"), id);
        assertNotFound(otherTenant.patch(script, "{\"displayName\":\"Theirs\"}"), id);
        assertNotFound(otherTenant.delete(script), id);
        assertNotFound(otherTenant.post(script + "/assign", "{}"), id);
        assertNotFound(otherTenant.get(script + "/assignments"), id);
        assertNotFound(otherTenant.get(script + "/assignments/" + id + ":" + GROUP), id);
        assertNotFound(otherTenant.get(script + "/groupAssignments"), id);
        assertNotFound(otherTenant.get(script + "/groupAssignments/" + id + ":" + GROUP), id);
        assertThat(otherTenant.get(SCRIPTS).json().get("value")).isEmpty();
        assertThat(otherTenant.get(SCRIPTS + "/$count").body()).isEqualTo("0");

        assertThat(api.stored(id)).isEqualTo(before);
    }

    @Test
    void anotherTenantsScriptIsNotFoundExpandedAndNeverListedWithItsAssignments() {
        String ours = api.assignedScript();
        String theirs = otherTenant.createScript("Theirs");

        assertNotFound(otherTenant.get(SCRIPTS + "/" + ours + "?$expand=assignments"), ours);
        JsonNode listed = otherTenant.get(SCRIPTS + "?$expand=assignments,groupAssignments").json();
        assertThat(ids(listed)).containsExactly(theirs);
    }

    @Test
    void anotherTenantsBatchFindsNotTheScriptItReadsPatchesAssignsOrDeletesAndChangesNothing() {
        String id = api.assignedScript();
        List<Object> before = api.stored(id);
        String script = BATCH_SCRIPTS + "/" + id;

        Map<String, JsonNode> responses = responsesById(otherTenant.post(BATCH, batch(
                request("get", "GET", script, null),
                request("patch", "PATCH", script, "{\"displayName\":\"Theirs\"}", "Content-Type", "application/json"),
                request("assign", "POST", script + "/assign", "{}", "Content-Type", "application/json"),
                request("delete", "DELETE", script, null))));

        assertThat(responses).hasSize(4).allSatisfy((request, response) ->
                assertInnerError(response, 404, "ResourceNotFound", id));
        assertThat(api.stored(id)).isEqualTo(before);
    }

    @Test
    void eachTenantListsAndCountsOnlyItsOwnScripts() {
        String ours = api.createScript("Ours");
        String theirs = otherTenant.createScript("Theirs");

        assertThat(ids(api.get(SCRIPTS).json())).containsExactly(ours);
        assertThat(ids(otherTenant.get(SCRIPTS).json())).containsExactly(theirs);
        assertThat(api.count()).isEqualTo(1);
        assertThat(otherTenant.count()).isEqualTo(1);
    }

    private static void assertNotFound(Reply reply, String id) {
        assertGraphError(reply, 404, "ResourceNotFound", id);
    }

    private static List<String> ids(JsonNode list) {
        return list.get("value").findValuesAsText("id");
    }
}
