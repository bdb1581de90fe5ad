package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.support.GraphApi.GROUP;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bodies that Microsoft's PowerShell samples, the Graph SDKs and Terraform really send, accepted as Graph does. */
class RealClientBodiesTest {
    private final GraphApi api = GraphApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void powerShellSampleCreateBodyWithTypeRunScheduleAndStringBooleanIsAccepted() {
        Reply created = api.post(SCRIPTS, RealClientBodies.POWERSHELL_CREATE);

        assertThat(created.status()).isEqualTo(201);
        JsonNode script = created.json();
        assertThat(script.get("displayName").asText()).isEqualTo("Set-TimeZone");
        assertThat(script.get("enforceSignatureCheck").isBoolean()).isTrue();
        assertThat(script.get("enforceSignatureCheck").asBoolean()).isFalse();
        assertThat(script.has("runSchedule")).isFalse();
        assertThat(script.has("@odata.type")).isFalse();
    }

    @Test
    void runAs32BitAsTheStringTrueIsTakenAsTrue() {
        Reply created = api.post(SCRIPTS, RealClientBodies.CREATE_32_BIT_AS_STRING);

        assertThat(created.json().get("runAs32Bit").asBoolean()).isTrue();
    }

    @Test
    void powerShellSampleGroupAssignmentWithTypeAndTheScriptIdAsIdIsAccepted() {
        String id = api.createScript("PowerShell assign");

        Reply assigned = api.post(SCRIPTS + "/" + id + "/assign",
                RealClientBodies.powerShellGroupAssignment(GROUP, id));

        assertThat(assigned.status()).isEqualTo(204);
        JsonNode value = api.get(SCRIPTS + "/" + id + "/groupAssignments").json().get("value");
        assertThat(value).hasSize(1);
        assertThat(value.get(0).get("id").asText()).isEqualTo(id + ":" + GROUP);
    }

    @Test
    void sdkAssignBodyWithoutIdsOrItemTypesIsAccepted() {
        String id = api.createScript("SDK assign");

        Reply assigned = api.post(SCRIPTS + "/" + id + "/assign", RealClientBodies.sdkAssign(GROUP));

        assertThat(assigned.status()).isEqualTo(204);
        assertThat(api.assignmentsOf(id).get("value")).hasSize(1);
    }

    @Test
    void typesWithoutTheLeadingHashAreAccepted() {
        String id = api.createScript("No hash");

        Reply assigned = api.post(SCRIPTS + "/" + id + "/assign", RealClientBodies.ASSIGN_TYPES_WITHOUT_HASH);
        Reply patched = api.patch(SCRIPTS + "/" + id, RealClientBodies.PATCH_TYPE_WITHOUT_HASH);

        assertThat(assigned.status()).isEqualTo(204);
        assertThat(api.assignmentsOf(id).get("value").get(0).get("target").get("@odata.type").asText())
                .isEqualTo("#microsoft.graph.allDevicesAssignmentTarget");
        assertThat(patched.status()).isEqualTo(204);
    }

    @Test
    void exportedAssignmentsWithTheAllZeroFilterIdAndFilterTypeNoneMeanNoFilter() {
        String id = api.createScript("Exported assign");

        Reply assigned = api.post(SCRIPTS + "/" + id + "/assign", RealClientBodies.exportedAssignment(GROUP));

        assertThat(assigned.status()).isEqualTo(204);
        JsonNode target = api.assignmentsOf(id).get("value").get(0).get("target");
        assertThat(target.get("deviceAndAppManagementAssignmentFilterId").isNull()).isTrue();
        assertThat(api.get(SCRIPTS + "/" + id + "/groupAssignments").json().get("value")).hasSize(1);
    }

    @Test
    void terraformsEmptyListRemovesEveryAssignment() {
        String id = api.assignedScript();

        Reply cleared = api.post(SCRIPTS + "/" + id + "/assign", RealClientBodies.TERRAFORM_CLEAR);

        assertThat(cleared.status()).isEqualTo(204);
        assertThat(api.assignmentsOf(id).get("value")).isEmpty();
    }

    @Test
    void anEmptyObjectClearsTheSet() {
        String id = api.assignedScript();

        assertThat(api.post(SCRIPTS + "/" + id + "/assign", RealClientBodies.EMPTY_OBJECT).status()).isEqualTo(204);
        assertThat(api.assignmentsOf(id).get("value")).isEmpty();
    }

    @Test
    void nullCollectionsCountAsAbsent() {
        String id = api.assignedScript();

        Reply cleared = api.post(SCRIPTS + "/" + id + "/assign", RealClientBodies.NULL_COLLECTIONS);

        assertThat(cleared.status()).isEqualTo(204);
        assertThat(api.assignmentsOf(id).get("value")).isEmpty();
    }

    @Test
    void aScriptReadBackAndSentAsPatchIsAcceptedWithItsServerSetPropertiesIgnored() {
        String id = api.createScript("Round trip");
        JsonNode read = api.script(id);

        Reply patched = api.patch(SCRIPTS + "/" + id, read.toString());

        assertThat(patched.status()).isEqualTo(204);
        JsonNode after = api.script(id);
        assertThat(after.get("id").asText()).isEqualTo(id);
        assertThat(after.get("createdDateTime")).isEqualTo(read.get("createdDateTime"));
        assertThat(after.get("scriptContent")).isEqualTo(read.get("scriptContent"));
    }

    @Test
    void aBodyWithoutContentTypeIsTakenAsJson() {
        Reply created = api.send("POST", SCRIPTS,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"displayName\":\"No content type\"}"));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        Reply created = api.send("POST", SCRIPTS,
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Charset\"}"),
                "Content-Type", "application/json; charset=utf-8");

        assertThat(created.status()).isEqualTo(201);
    }
}
