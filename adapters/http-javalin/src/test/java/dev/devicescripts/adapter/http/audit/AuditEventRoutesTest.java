package dev.devicescripts.adapter.http.audit;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.BATCH_SCRIPTS;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphApi.CLIENT_APP_ID;
import static dev.devicescripts.adapter.http.support.GraphApi.GROUP;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.TENANT;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.graph.PublicUrl;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.domain.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Intune's audit events over HTTP: what each script write records, and how a client reads, filters and pages them. */
class AuditEventRoutesTest {
    private static final String EVENTS = "/beta/deviceManagement/auditEvents";
    private static final String WRITE = "DeviceManagementScripts.ReadWrite.All";
    private static final String READER = GraphApi.token(TENANT, List.of("DeviceManagementApps.Read.All"), List.of());
    private static final String ADA_ID = "0f5ab5c5-1d3a-4a0e-9c1b-6f3e2d1c0b9a";
    /** Ada, signed in to the app "Pipeline", who may write scripts. */
    private static final String ADA = GraphApi.userToken(TENANT, List.of(WRITE), ADA_ID, "ada@contoso.test",
            "Ada Lovelace", "Pipeline");
    private static final String APP = GraphApi.token(TENANT, List.of(), List.of(WRITE));
    private static final TenantId OTHER_TENANT = TenantId.of("99999999-2222-3333-4444-555555555555");
    private static final String NEW_SCRIPT = "{\"displayName\":\"Audited\",\"scriptContent\":\"V3JpdGUtSG9zdCBoaQ==\"}";

    @Test
    void eachScriptWriteIsOneEventNewestFirstWithItsStringsActorResourceAndValues() {
        try (GraphApi api = GraphApi.start()) {
            GraphApi ada = api.as(ADA);
            String correlation = UUID.randomUUID().toString();
            String id = ada.post(SCRIPTS, NEW_SCRIPT, "client-request-id", correlation).json().get("id").asText();
            assertThat(ada.patch(SCRIPTS + "/" + id, "{\"description\":\"nightly\"}").status()).isEqualTo(204);
            assertThat(ada.post(SCRIPTS + "/" + id + "/assign", "{\"deviceManagementScriptGroupAssignments\":"
                    + "[{\"targetGroupId\":\"" + GROUP + "\"}]}").status()).isEqualTo(204);
            assertThat(ada.delete(SCRIPTS + "/" + id).status()).isEqualTo(204);

            List<JsonNode> events = values(api.as(READER).get(EVENTS));

            assertThat(events).extracting(event -> event.get("activity").asText()).containsExactly(
                    "Delete DeviceManagementScript", "Assign DeviceManagementScript", "Patch DeviceManagementScript",
                    "Create DeviceManagementScript");
            assertThat(events).extracting(event -> event.get("activityOperationType").asText())
                    .containsExactly("Delete", "Action", "Patch", "Create");
            JsonNode created = events.get(3);
            assertThat(created.get("displayName").asText()).isEqualTo("Create DeviceManagementScript");
            assertThat(created.get("activityType").asText()).isEqualTo("Create DeviceManagementScript");
            assertThat(created.get("activityResult").asText()).isEqualTo("Success");
            assertThat(created.get("category").asText()).isEqualTo("DeviceConfiguration");
            assertThat(created.get("componentName").asText()).isEqualTo("DeviceConfiguration");
            assertThat(created.get("correlationId").asText()).isEqualTo(correlation);
            JsonNode actor = created.get("actor");
            assertThat(actor.get("type").asText()).isEqualTo("ItPro");
            assertThat(actor.get("auditActorType").asText()).isEqualTo("ItPro");
            assertThat(actor.get("userId").asText()).isEqualTo(ADA_ID);
            assertThat(actor.get("userPrincipalName").asText()).isEqualTo("ada@contoso.test");
            assertThat(actor.get("applicationId").asText()).isEqualTo(CLIENT_APP_ID);
            assertThat(actor.get("applicationDisplayName").asText()).isEqualTo("Pipeline");
            assertThat(actor.get("ipAddress").asText()).isEqualTo("127.0.0.1");
            JsonNode resource = created.get("resources").get(0);
            assertThat(resource.get("displayName").asText()).isEqualTo("Audited");
            assertThat(resource.get("type").asText()).isEqualTo("DeviceManagementScript");
            assertThat(resource.get("auditResourceType").asText()).isEqualTo("DeviceManagementScript");
            assertThat(resource.get("resourceId").asText()).isEqualTo(id);
            assertThat(modified(created)).containsEntry("displayName", List.of("null", "Audited"));
            assertThat(modified(events.get(2))).containsExactly(Map.entry("description", List.of("null", "nightly")));
            List<String> assignments = modified(events.get(1)).get("assignments");
            assertThat(assignments.get(0)).isEqualTo("[]");
            assertThat(assignments.get(1)).contains(GROUP);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.get("resources").get(0).get("resourceId").asText()).isEqualTo(id);
                assertThat(event.has("resources/resourceId")).as("a property there for $filter only").isFalse();
            });
        }
    }

    @Test
    void anAppActingAsItselfIsAnApplicationActorWithoutAUser() {
        try (GraphApi api = GraphApi.start()) {
            api.as(APP).post(SCRIPTS, NEW_SCRIPT);

            JsonNode actor = values(api.as(READER).get(EVENTS)).get(0).get("actor");

            assertThat(actor.get("auditActorType").asText()).isEqualTo("Application");
            assertThat(actor.get("applicationId").asText()).isEqualTo(CLIENT_APP_ID);
            assertThat(actor.get("userId").isNull()).isTrue();
            assertThat(actor.get("userPrincipalName").isNull()).isTrue();
        }
    }

    @Test
    void aRefusedWriteRecordsNothing() {
        try (GraphApi api = GraphApi.start()) {
            String id = api.createScript("Kept");
            String unknown = SCRIPTS + "/" + UUID.randomUUID();
            GraphApi readOnly = api.as(GraphApi.token(TENANT, List.of("DeviceManagementScripts.Read.All"),
                    List.of()));

            assertThat(api.post(SCRIPTS, "{\"displayName\":\"X\",\"runAsAccount\":\"nobody\"}").status())
                    .isEqualTo(400);
            assertThat(readOnly.post(SCRIPTS, NEW_SCRIPT).status()).isEqualTo(403);
            assertThat(readOnly.patch(SCRIPTS + "/" + id, "{\"description\":\"x\"}").status()).isEqualTo(403);
            assertThat(api.patch(unknown, "{\"description\":\"x\"}").status()).isEqualTo(404);
            assertThat(api.patch(SCRIPTS + "/" + id, "{\"runAsAccount\":\"nobody\"}").status()).isEqualTo(400);
            assertThat(api.delete(unknown).status()).isEqualTo(404);
            assertThat(api.post(unknown + "/assign", "{\"deviceManagementScriptGroupAssignments\":[]}").status())
                    .isEqualTo(404);
            assertThat(api.post(SCRIPTS + "/" + id + "/assign", "{\"deviceManagementScriptGroupAssignments\":"
                    + "[{\"targetGroupId\":\"not a group\"}]}").status()).isEqualTo(400);

            assertThat(api.as(READER).get(EVENTS + "/$count").body()).isEqualTo("1");
        }
    }

    @Test
    void anotherTenantSeesNoneOfTheEventsNorAnyOneById() {
        try (GraphApi api = GraphApi.start()) {
            api.createScript("Ours");
            String eventId = values(api.as(READER).get(EVENTS)).get(0).get("id").asText();
            GraphApi other = api.as(GraphApi.token(OTHER_TENANT, List.of("DeviceManagementApps.ReadWrite.All"),
                    List.of()));

            assertThat(values(other.get(EVENTS))).isEmpty();
            assertThat(other.get(EVENTS + "/$count").body()).isEqualTo("0");
            assertGraphError(other.get(EVENTS + "/" + eventId), 404, "ResourceNotFound", eventId);
            Reply ours = api.as(READER).get(EVENTS + "('" + eventId + "')?$select=activity");
            assertThat(ours.status()).isEqualTo(200);
            assertThat(ours.json().get("@odata.context").asText())
                    .isEqualTo("https://graph.microsoft.com/beta/$metadata#deviceManagement/auditEvents/$entity");
            assertThat(fieldNames(ours.json())).containsExactly("@odata.context", "id", "activity");
            assertGraphError(api.as(READER).get(EVENTS + "/" + UUID.randomUUID()), 404, "ResourceNotFound",
                    "No auditEvent");
            assertGraphError(api.as(READER).get(EVENTS + "/nope"), 400, "BadRequest", "'nope'", "GUID");
        }
    }

    @Test
    void aClientFiltersByWhatTheSpecListsJoinedWithAnd() {
        try (GraphApi api = GraphApi.start()) {
            String correlation = UUID.randomUUID().toString();
            String first = api.post(SCRIPTS, NEW_SCRIPT, "client-request-id", correlation).json().get("id").asText();
            String second = api.createScript("Second");
            api.patch(SCRIPTS + "/" + second, "{\"description\":\"x\"}");
            GraphApi reader = api.as(READER);
            List<JsonNode> all = values(reader.get(EVENTS));
            String newest = all.get(0).get("activityDateTime").asText();
            String middle = all.get(1).get("activityDateTime").asText();

            assertThat(activities(reader, "category eq 'DeviceConfiguration' and componentName eq "
                    + "'DeviceConfiguration'")).hasSize(3);
            assertThat(activities(reader, "activityOperationType eq 'Patch'")).containsExactly("Patch");
            assertThat(activities(reader, "activityOperationType ne 'Patch'")).containsExactly("Create", "Create");
            assertThat(activities(reader, "correlationId eq '" + correlation + "'")).containsExactly("Create");
            assertThat(activities(reader, "resources/any(r:r/resourceId eq '" + second + "')"))
                    .containsExactly("Patch", "Create");
            assertThat(activities(reader, "resources/any(r:r/resourceId eq '" + first + "') and "
                    + "activityOperationType eq 'Patch'")).isEmpty();
            assertThat(ids(reader, "activityDateTime ge " + middle)).hasSize(2);
            assertThat(ids(reader, "activityDateTime gt " + middle)).hasSize(1);
            assertThat(ids(reader, "activityDateTime lt " + middle)).hasSize(1);
            assertThat(ids(reader, "activityDateTime le " + newest + " and activityDateTime ge " + middle))
                    .hasSize(2);
            assertGraphError(reader.get(EVENTS + "?$filter=" + encoded("actor eq 'x'")), 400, "BadRequest",
                    "'actor' is not a property");
        }
    }

    @Test
    void aClientOrdersSelectsCountsAndPages() {
        try (GraphApi api = GraphApi.startWithPageSize(2)) {
            for (int i = 0; i < 5; i++) {
                api.createScript("Script " + i);
            }
            GraphApi reader = api.as(READER);
            List<String> newestFirst = pagedIds(reader, EVENTS);
            List<String> oldestFirst = new ArrayList<>(newestFirst);
            Collections.reverse(oldestFirst);

            assertThat(newestFirst).hasSize(5);
            assertThat(pagedIds(reader, EVENTS + "?$orderby=activityDateTime%20desc")).isEqualTo(newestFirst);
            assertThat(pagedIds(reader, EVENTS + "?$orderby=activityDateTime")).isEqualTo(oldestFirst);
            assertThat(values(reader.get(EVENTS + "?$top=1"))).extracting(event -> event.get("id").asText())
                    .containsExactly(newestFirst.get(0));
            Reply counted = reader.get(EVENTS + "?$count=true&$select=activity,correlationId");
            assertThat(counted.json().get("@odata.count").asLong()).isEqualTo(5);
            assertThat(counted.json().get("@odata.context").asText()).isEqualTo(
                    "https://graph.microsoft.com/beta/$metadata#deviceManagement/auditEvents(activity,correlationId)");
            assertThat(fieldNames(counted.json().get("value").get(0))).containsExactly("id", "activity",
                    "correlationId");
            assertGraphError(reader.get(EVENTS + "?$select=resources/resourceId"), 400, "BadRequest",
                    "'resources/resourceId'", "not a property of auditEvent");
        }
    }

    @Test
    void theFunctionsListTheCategoriesAndTheActivityTypesWrittenInOne() {
        try (GraphApi api = GraphApi.start()) {
            GraphApi reader = api.as(READER);

            assertThat(strings(reader.get(EVENTS + "/getAuditCategories()"))).containsExactly("Other",
                    "Enrollment", "Compliance", "DeviceConfiguration", "Device", "Application", "EBookManagement",
                    "ConditionalAccess", "OnPremiseAccess", "Role", "SoftwareUpdates", "DeviceSetupConfiguration");
            assertThat(strings(reader.get(EVENTS + "/microsoft.graph.getAuditActivityTypes("
                    + "category='DeviceConfiguration')"))).containsExactly("Create DeviceManagementScript",
                    "Patch DeviceManagementScript", "Delete DeviceManagementScript", "Assign DeviceManagementScript",
                    "Create DeviceAndAppManagementAssignmentFilter", "Patch DeviceAndAppManagementAssignmentFilter",
                    "Delete DeviceAndAppManagementAssignmentFilter");
            assertThat(strings(reader.get(EVENTS + "/getAuditActivityTypes(category='Compliance')"))).isEmpty();
            assertGraphError(reader.get(EVENTS + "/getAuditActivityTypes()"), 400, "BadRequest", "category");
            assertGraphError(reader.get(EVENTS + "/getAuditActivityTypes(kind='Role')"), 400, "BadRequest",
                    "category");
            assertGraphError(reader.get(EVENTS + "/getAuditActivityTypes(category=Role)"), 400, "BadRequest",
                    "category");
        }
    }

    @Test
    void writesToTheLogAreRefusedAsGraphRefusesAMethodNoRouteTakes() {
        try (GraphApi api = GraphApi.start()) {
            api.createScript("Audited");
            String entry = EVENTS + "/" + values(api.as(READER).get(EVENTS)).get(0).get("id").asText();
            GraphApi admin = api.as(GraphApi.token(TENANT, List.of("DeviceManagementApps.ReadWrite.All"),
                    List.of()));

            for (Reply refused : List.of(admin.post(EVENTS, "{}"), admin.post(entry, "{}"), admin.patch(entry, "{}"),
                    admin.delete(entry))) {
                assertGraphError(refused, 400, "No method match route template", "read-only");
            }
            assertThat(api.as(READER).get(EVENTS + "/$count").body()).isEqualTo("1");
        }
    }

    @Test
    void readingTheLogTakesTheAppsPermissionsGraphDocumentsForIt() {
        try (GraphApi api = GraphApi.start()) {
            assertGraphError(api.get(EVENTS), 403, "Forbidden", "DeviceManagementApps.Read.All",
                    "DeviceManagementApps.ReadWrite.All");
            assertGraphError(api.get(EVENTS + "/getAuditCategories()"), 403, "Forbidden",
                    "DeviceManagementApps.Read.All");
            assertThat(api.as(GraphApi.token(TENANT, List.of(), List.of("DeviceManagementApps.Read.All")))
                    .get(EVENTS).status()).isEqualTo(200);
        }
    }

    @Test
    void theCorrelationIdIsAGuidClientRequestIdElseTheRequestIdAndEachRequestOfABatchHasItsOwn() {
        try (GraphApi api = GraphApi.start()) {
            String mine = UUID.randomUUID().toString();
            Reply notGuid = api.post(SCRIPTS, NEW_SCRIPT, "client-request-id", "pipeline-run-7");
            Reply batch = api.post(BATCH, batch(
                    request("1", "POST", BATCH_SCRIPTS, NEW_SCRIPT, "Content-Type", "application/json",
                            "client-request-id", mine),
                    request("2", "POST", BATCH_SCRIPTS, NEW_SCRIPT, "Content-Type", "application/json",
                            "client-request-id", "step-two"),
                    request("3", "POST", BATCH_SCRIPTS, NEW_SCRIPT, "Content-Type", "application/json")));
            Map<String, JsonNode> steps = responsesById(batch);

            List<JsonNode> events = values(api.as(READER).get(EVENTS + "?$orderby=activityDateTime"));

            assertThat(events).extracting(event -> event.get("correlationId").asText()).containsExactly(
                    notGuid.header("request-id"), mine,
                    steps.get("2").get("headers").get("request-id").asText(),
                    steps.get("3").get("headers").get("request-id").asText());
            assertThat(events).extracting(event -> event.get("correlationId").asText())
                    .doesNotHaveDuplicates().doesNotContain(batch.header("request-id"));
            assertThat(events).extracting(event -> event.get("actor").get("ipAddress").asText())
                    .containsOnly("127.0.0.1");
        }
    }

    @Test
    void theAddressIsTheClientsAsTheServerSeesItAForwardedOnlyBehindATrustedProxy() {
        try (GraphApi direct = GraphApi.start();
             GraphApi proxied = GraphApi.startWithPublicUrl(new PublicUrl(Optional.empty(), true), 100)) {
            for (GraphApi api : List.of(direct, proxied)) {
                api.post(SCRIPTS, NEW_SCRIPT, "X-Forwarded-For", "203.0.113.9");
                api.post(BATCH, batch(request("1", "POST", BATCH_SCRIPTS, NEW_SCRIPT, "Content-Type",
                        "application/json", "X-Forwarded-For", "198.51.100.1")), "X-Forwarded-For", "203.0.113.9");
            }

            assertThat(values(direct.as(READER).get(EVENTS))).extracting(
                    event -> event.get("actor").get("ipAddress").asText()).containsOnly("127.0.0.1");
            assertThat(values(proxied.as(READER).get(EVENTS))).extracting(
                    event -> event.get("actor").get("ipAddress").asText()).containsOnly("203.0.113.9");
        }
    }

    private static List<JsonNode> values(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return StreamSupport.stream(reply.json().get("value").spliterator(), false).toList();
    }

    private static List<String> strings(Reply reply) {
        assertThat(reply.json().get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#Collection(Edm.String)");
        return values(reply).stream().map(JsonNode::asText).toList();
    }

    /** Each modified property of the event's resource: its old and new values ("null" for none). */
    private static Map<String, List<String>> modified(JsonNode event) {
        Map<String, List<String>> modified = new LinkedHashMap<>();
        event.get("resources").get(0).get("modifiedProperties").forEach(property -> modified.put(
                property.get("displayName").asText(),
                List.of(property.get("oldValue").asText(), property.get("newValue").asText())));
        return modified;
    }

    private static List<String> activities(GraphApi reader, String filter) {
        return values(reader.get(EVENTS + "?$filter=" + encoded(filter))).stream()
                .map(event -> event.get("activityOperationType").asText()).toList();
    }

    private static List<String> ids(GraphApi reader, String filter) {
        return values(reader.get(EVENTS + "?$filter=" + encoded(filter))).stream()
                .map(event -> event.get("id").asText()).toList();
    }

    /** The ids of every page, following the nextLinks. */
    private static List<String> pagedIds(GraphApi reader, String path) {
        List<String> ids = new ArrayList<>();
        String next = path;
        while (next != null) {
            JsonNode page = reader.get(next).json();
            page.get("value").forEach(event -> ids.add(event.get("id").asText()));
            next = page.has("@odata.nextLink")
                    ? page.get("@odata.nextLink").asText().substring(reader.url("").length())
                    : null;
        }
        return ids;
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String encoded(String filter) {
        return filter.replace(" ", "%20");
    }
}
