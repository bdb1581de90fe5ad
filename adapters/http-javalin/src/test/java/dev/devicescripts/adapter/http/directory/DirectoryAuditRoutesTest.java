package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.DEVICES;
import static dev.devicescripts.adapter.http.directory.Directory.GROUPS;
import static dev.devicescripts.adapter.http.directory.Directory.MISSING;
import static dev.devicescripts.adapter.http.directory.Directory.USERS;
import static dev.devicescripts.adapter.http.directory.Directory.addMember;
import static dev.devicescripts.adapter.http.support.GraphApi.CLIENT_APP_ID;
import static dev.devicescripts.adapter.http.support.GraphApi.TENANT;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.admin.AdminEndpoints;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.adapter.http.support.SampleTenant;
import dev.devicescripts.domain.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Entra's directory audits over HTTP: what each group, member, user, device and seed write records, and how a client
 * reads and filters them; and that Intune's changes go to Intune's log, never both.
 */
class DirectoryAuditRoutesTest {
    private static final String AUDITS = "/beta/auditLogs/directoryAudits";
    private static final String EVENTS = "/beta/deviceManagement/auditEvents";
    private static final String FILTERS = "/beta/deviceManagement/assignmentFilters";
    private static final String ADA_ID = "0f5ab5c5-1d3a-4a0e-9c1b-6f3e2d1c0b9a";
    private static final List<String> WRITES = List.of("Directory.ReadWrite.All",
            "DeviceManagementConfiguration.ReadWrite.All", "DeviceManagementScripts.ReadWrite.All");
    private static final String ADA = GraphApi.userToken(TENANT, WRITES, ADA_ID, "ada@contoso.test",
            "Ada Lovelace", "Pipeline");
    private static final String APP = GraphApi.token(TENANT, List.of(), WRITES);
    private static final String READER = GraphApi.token(TENANT,
            List.of("AuditLog.Read.All", "DeviceManagementApps.Read.All"), List.of());

    private final GraphApi server = GraphApi.start();
    private final GraphApi ada = server.as(ADA);
    private final GraphApi reader = server.as(READER);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachGroupAndMemberWriteIsOneEntryWithItsStringsInitiatorTargetsAndValues() {
        String correlation = UUID.randomUUID().toString();
        String group = created(ada.post(GROUPS, "{\"displayName\":\"Pilot\",\"mailEnabled\":false,"
                + "\"mailNickname\":\"pilot\",\"securityEnabled\":true}", "client-request-id", correlation));
        String user = Directory.user(ada, "grace@contoso.test");
        assertThat(ada.patch(GROUPS + "/" + group, "{\"description\":\"Ring 0\"}").status()).isEqualTo(204);
        assertThat(addMember(ada, group, user).status()).isEqualTo(204);
        assertThat(ada.delete(GROUPS + "/" + group + "/members/" + user + "/$ref").status()).isEqualTo(204);
        assertThat(ada.delete(GROUPS + "/" + group).status()).isEqualTo(204);

        List<JsonNode> entries = oldestFirst();

        assertThat(entries).extracting(entry -> entry.get("activityDisplayName").asText()).containsExactly(
                "Add group", "Add user", "Update group", "Add member to group", "Remove member from group",
                "Delete group");
        assertThat(entries).extracting(entry -> entry.get("operationType").asText())
                .containsExactly("Add", "Add", "Update", "Assign", "Unassign", "Delete");
        assertThat(entries).extracting(entry -> entry.get("category").asText()).containsExactly("GroupManagement",
                "UserManagement", "GroupManagement", "GroupManagement", "GroupManagement", "GroupManagement");
        JsonNode added = entries.get(0);
        assertThat(added.get("correlationId").asText()).isEqualTo(correlation);
        assertThat(added.get("result").asText()).isEqualTo("success");
        assertThat(added.get("loggedByService").asText()).isEqualTo("Core Directory");
        JsonNode initiatedBy = added.get("initiatedBy");
        assertThat(initiatedBy.get("app").isNull()).isTrue();
        assertThat(initiatedBy.get("user").get("id").asText()).isEqualTo(ADA_ID);
        assertThat(initiatedBy.get("user").get("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(initiatedBy.get("user").get("userPrincipalName").asText()).isEqualTo("ada@contoso.test");
        assertThat(initiatedBy.get("user").get("ipAddress").asText()).isEqualTo("127.0.0.1");
        JsonNode target = added.get("targetResources").get(0);
        assertThat(target.get("id").asText()).isEqualTo(group);
        assertThat(target.get("displayName").asText()).isEqualTo("Pilot");
        assertThat(target.get("type").asText()).isEqualTo("Group");
        assertThat(modified(target)).contains("displayName: null -> Pilot");
        assertThat(modified(entries.get(2).get("targetResources").get(0)))
                .containsExactly("description: null -> Ring 0");
        for (JsonNode member : List.of(entries.get(3), entries.get(4))) {
            assertThat(member.get("targetResources")).extracting(resource -> resource.get("id").asText())
                    .containsExactlyInAnyOrder(group, user);
        }
        assertThat(entries.get(1).get("targetResources").get(0).get("userPrincipalName").asText())
                .isEqualTo("grace@contoso.test");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.has("initiatedBy/user/id")).isFalse());
        assertThat(values(reader.get(EVENTS))).as("Intune's log").isEmpty();
    }

    @Test
    void eachUserAndDeviceWriteIsOneEntryOfItsCategory() {
        String user = Directory.user(ada, "grace@contoso.test");
        ada.patch(USERS + "/" + user, "{\"displayName\":\"Grace Hopper\"}");
        ada.delete(USERS + "/" + user);
        String device = Directory.device(ada, "LAB-100");
        ada.patch(DEVICES + "/" + device, "{\"displayName\":\"LAB-101\"}");
        ada.delete(DEVICES + "/" + device);

        List<JsonNode> entries = oldestFirst();

        assertThat(entries).extracting(entry -> entry.get("activityDisplayName").asText()).containsExactly(
                "Add user", "Update user", "Delete user", "Add device", "Update device", "Delete device");
        assertThat(entries).extracting(entry -> entry.get("category").asText()).containsExactly("UserManagement",
                "UserManagement", "UserManagement", "Device", "Device", "Device");
        assertThat(modified(entries.get(1).get("targetResources").get(0)))
                .containsExactly("displayName: grace -> Grace Hopper");
        assertThat(modified(entries.get(4).get("targetResources").get(0)))
                .containsExactly("displayName: LAB-100 -> LAB-101");
        assertThat(entries.get(3).get("targetResources").get(0).get("type").asText()).isEqualTo("Device");
    }

    @Test
    void anAppActingAsItselfIsTheInitiatorAndItsWritesFilterByItsAppId() {
        Directory.securityGroup(server.as(APP), "By the app");
        Directory.securityGroup(ada, "By Ada");

        List<JsonNode> byTheApp = values(reader.get(AUDITS + "?$filter=initiatedBy/app/appId%20eq%20'"
                + CLIENT_APP_ID + "'"));

        assertThat(byTheApp).singleElement().satisfies(entry -> {
            assertThat(entry.get("initiatedBy").get("user").isNull()).isTrue();
            assertThat(entry.get("initiatedBy").get("app").get("appId").asText()).isEqualTo(CLIENT_APP_ID);
            assertThat(entry.get("targetResources").get(0).get("displayName").asText()).isEqualTo("By the app");
        });
    }

    @Test
    void aClientFiltersByWhatTheSpecLists() {
        String correlation = UUID.randomUUID().toString();
        String group = created(ada.post(GROUPS, "{\"displayName\":\"Pilot\",\"mailEnabled\":false,"
                + "\"mailNickname\":\"pilot\",\"securityEnabled\":true}", "client-request-id", correlation));
        String user = Directory.user(ada, "grace@contoso.test");
        addMember(ada, group, user);
        Directory.securityGroup(server.as(APP), "By the app");
        String second = oldestFirst().get(1).get("activityDateTime").asText();

        assertThat(activities("activityDisplayName eq 'Add group'")).containsExactly("Add group", "Add group");
        assertThat(activities("startswith(activityDisplayName,'Add m')")).containsExactly("Add member to group");
        assertThat(activities("category eq 'UserManagement'")).containsExactly("Add user");
        assertThat(activities("correlationId eq '" + correlation + "'")).containsExactly("Add group");
        assertThat(activities("loggedByService eq 'Core Directory' and result eq 'success'")).hasSize(4);
        assertThat(activities("initiatedBy/user/id eq '" + ADA_ID + "'")).hasSize(3);
        assertThat(activities("initiatedBy/user/userPrincipalName eq 'ADA@contoso.test'")).hasSize(3);
        assertThat(activities("targetResources/any(t:t/id eq '" + user + "')"))
                .containsExactly("Add member to group", "Add user");
        assertThat(activities("activityDateTime ge " + second)).hasSize(3);
        assertThat(activities("activityDateTime le " + second)).hasSize(2);
        assertThat(activities("activityDateTime eq " + second)).containsExactly("Add user");
        assertGraphError(reader.get(AUDITS + "?$select=targetResources/id"), 400, "BadRequest",
                "'targetResources/id'", "not a property of directoryAudit");
        assertThat(reader.get(AUDITS + "?$orderby=activityDateTime&$top=1").json().get("value").get(0)
                .get("activityDisplayName").asText()).isEqualTo("Add group");
        assertThat(reader.get(AUDITS + "/$count?$filter=category%20eq%20'GroupManagement'").body()).isEqualTo("3");
    }

    @Test
    void aSeedDocumentIsOneEntryOfDevicescriptsWithItsCounts() {
        GraphApi seeder = server.as(SampleTenant.token("Devicescripts.Seed"));
        assertThat(seeder.post(AdminEndpoints.SEED, SampleTenant.document()).status()).isEqualTo(200);

        List<JsonNode> entries = values(server.as(SampleTenant.token("AuditLog.Read.All")).get(AUDITS));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.get("activityDisplayName").asText()).isEqualTo("Seed directory");
            assertThat(entry.get("loggedByService").asText()).isEqualTo("devicescripts");
            assertThat(entry.get("additionalDetails")).isNotEmpty();
        });
    }

    @Test
    void filterWritesAreIntunesEventsAndScriptWritesNeverReachTheDirectorysLog() {
        String filter = created(ada.post(FILTERS, "{\"displayName\":\"Contoso\",\"platform\":\"windows10AndLater\","
                + "\"rule\":\"(device.manufacturer -eq \\\"Contoso\\\")\"}"));
        assertThat(ada.patch(FILTERS + "/" + filter, "{\"description\":\"Lab\"}").status()).isEqualTo(204);
        assertThat(ada.delete(FILTERS + "/" + filter).status()).isEqualTo(204);
        ada.createScript("Script");

        List<JsonNode> events = values(reader.get(EVENTS + "?$orderby=activityDateTime"));

        assertThat(events).extracting(event -> event.get("activity").asText()).containsExactly(
                "Create DeviceAndAppManagementAssignmentFilter", "Patch DeviceAndAppManagementAssignmentFilter",
                "Delete DeviceAndAppManagementAssignmentFilter", "Create DeviceManagementScript");
        assertThat(events.get(1).get("resources").get(0).get("resourceId").asText()).isEqualTo(filter);
        assertThat(events.get(1).get("resources").get(0).get("modifiedProperties").get(0).get("newValue").asText())
                .isEqualTo("Lab");
        assertThat(values(reader.get(AUDITS))).isEmpty();
    }

    @Test
    void aRefusedWriteRecordsNothingAndAnotherTenantSeesNothing() {
        String group = Directory.securityGroup(ada, "Pilot");
        GraphApi groupReader = server.as(GraphApi.token(TENANT, List.of("Group.Read.All"), List.of()));

        assertThat(ada.post(GROUPS, "{\"displayName\":\"No nickname\"}").status()).isEqualTo(400);
        assertThat(groupReader.patch(GROUPS + "/" + group, "{\"description\":\"x\"}").status()).isEqualTo(403);
        assertThat(ada.patch(GROUPS + "/" + MISSING, "{\"description\":\"x\"}").status()).isEqualTo(404);
        assertThat(addMember(ada, group, MISSING).status()).isEqualTo(404);
        assertThat(ada.delete(USERS + "/" + MISSING).status()).isEqualTo(404);

        List<JsonNode> entries = values(reader.get(AUDITS));
        assertThat(entries).hasSize(1);
        String id = entries.get(0).get("id").asText();
        GraphApi other = server.as(GraphApi.token(TenantId.of("99999999-2222-3333-4444-555555555555"),
                List.of("AuditLog.Read.All"), List.of()));
        assertThat(values(other.get(AUDITS))).isEmpty();
        assertGraphError(other.get(AUDITS + "/" + id), 404, "ResourceNotFound", "No directoryAudit");
        Reply own = reader.get(AUDITS + "/" + id);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#auditLogs/directoryAudits/$entity");
    }

    @Test
    void readingNeedsAuditLogReadAllAndWritesAreRefused() {
        Directory.securityGroup(ada, "Pilot");
        String entry = AUDITS + "/" + values(reader.get(AUDITS)).get(0).get("id").asText();

        assertGraphError(ada.get(AUDITS), 403, "Forbidden", "AuditLog.Read.All");
        assertGraphError(server.as(GraphApi.token(TENANT, List.of("DeviceManagementApps.Read.All"), List.of()))
                .get(AUDITS + "/$count"), 403, "Forbidden", "AuditLog.Read.All");
        for (Reply refused : List.of(ada.post(AUDITS, "{}"), ada.patch(entry, "{}"), ada.delete(entry))) {
            assertGraphError(refused, 400, "No method match route template", "read-only");
        }
        assertThat(reader.get(AUDITS + "/$count").body()).isEqualTo("1");
        assertThat(values(reader.get(EVENTS))).as("Intune's log").isEmpty();
    }

    private List<JsonNode> oldestFirst() {
        return values(reader.get(AUDITS + "?$orderby=activityDateTime"));
    }

    private List<String> activities(String filter) {
        return values(reader.get(AUDITS + "?$filter=" + filter.replace(" ", "%20"))).stream()
                .map(entry -> entry.get("activityDisplayName").asText()).toList();
    }

    private static List<JsonNode> values(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return StreamSupport.stream(reply.json().get("value").spliterator(), false).toList();
    }

    /** Each modified property as "name: old -> new". */
    private static List<String> modified(JsonNode target) {
        List<String> modified = new ArrayList<>();
        target.get("modifiedProperties").forEach(property -> modified.add(property.get("displayName").asText()
                + ": " + property.get("oldValue").asText() + " -> " + property.get("newValue").asText()));
        return modified;
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().get("id").asText();
    }
}
