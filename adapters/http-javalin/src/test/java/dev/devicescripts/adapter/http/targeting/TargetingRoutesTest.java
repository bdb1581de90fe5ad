package dev.devicescripts.adapter.http.targeting;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.admin.AdminEndpoints;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.domain.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The effective targeting functions (targeting.md section 4) over a small tenant: Cleanup includes the device group
 * Pilot (which holds LAB-2 directly and LAB-1 through the nested group Laptops) with a filter LAB-1 does not match,
 * excludes the device group Blocked (LAB-2), and includes the user group Staff (Bob, the primary user of LAB-3);
 * Unused has no assignment.
 */
class TargetingRoutesTest {
    static final String ADA = "a0000000-0000-4000-8000-000000000001";
    static final String BOB = "a0000000-0000-4000-8000-000000000002";
    static final String PILOT = "b0000000-0000-4000-8000-000000000001";
    static final String LAPTOPS = "b0000000-0000-4000-8000-000000000002";
    static final String BLOCKED = "b0000000-0000-4000-8000-000000000003";
    static final String STAFF = "b0000000-0000-4000-8000-000000000004";
    static final String ENTRA_1 = "c0000000-0000-4000-8000-000000000001";
    static final String LAB_1 = "e0000000-0000-4000-8000-000000000001";
    static final String LAB_2 = "e0000000-0000-4000-8000-000000000002";
    static final String LAB_3 = "e0000000-0000-4000-8000-000000000003";
    private static final String SCRIPTS = GraphApi.SCRIPTS;
    private static final String DEVICES = "/beta/deviceManagement/managedDevices";
    private static final String READ_SCRIPTS = "DeviceManagementScripts.Read.All";
    private static final String READ_GROUPS = "GroupMember.Read.All";
    private static final String READ_DEVICES = "DeviceManagementManagedDevices.Read.All";

    private final GraphApi server = GraphApi.start();
    private final GraphApi reader = server.as(token(GraphApi.TENANT, READ_SCRIPTS, READ_GROUPS, READ_DEVICES));
    private String cleanup;
    private String unused;
    private String filter;

    @BeforeEach
    void seed() {
        GraphApi admin = server.as(token(GraphApi.TENANT, "DeviceManagementScripts.ReadWrite.All",
                "DeviceManagementConfiguration.ReadWrite.All", "Devicescripts.Seed"));
        assertThat(admin.post(AdminEndpoints.SEED, document()).status()).isEqualTo(200);
        Reply created = admin.post("/beta/deviceManagement/assignmentFilters", "{\"displayName\":\"Fabrikam\","
                + "\"platform\":\"windows10AndLater\",\"rule\":\"(device.manufacturer -eq \\\"Fabrikam\\\")\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        filter = created.json().get("id").asText();
        cleanup = admin.createScript("Cleanup");
        unused = admin.createScript("Unused");
        Reply assigned = admin.post(SCRIPTS + "/" + cleanup + "/assign", "{\"deviceManagementScriptAssignments\":["
                + target("groupAssignmentTarget", PILOT, ",\"deviceAndAppManagementAssignmentFilterId\":\"" + filter
                + "\",\"deviceAndAppManagementAssignmentFilterType\":\"include\"") + ","
                + target("exclusionGroupAssignmentTarget", BLOCKED, "") + ","
                + target("groupAssignmentTarget", STAFF, "") + "]}");
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(204);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void effectiveTargetsListsWhoIsReachedAndExcludedWithTheirPathsInIdOrder() {
        Reply reply = reader.get(SCRIPTS + "/" + cleanup + "/devicescripts.effectiveTargets()");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#Collection(devicescripts.targetResult)");
        JsonNode values = reply.json().get("value");
        assertThat(ids(values, "subjectId")).as("users and devices merged, never the notTargeted Ada")
                .containsExactly(BOB, LAB_1, LAB_2, LAB_3);
        JsonNode lab1 = values.get(1);
        assertThat(fieldNames(lab1)).containsExactly("subjectType", "subjectId", "subjectDisplayName", "state",
                "applicability", "notApplicableReason", "runContext", "reasons");
        assertThat(lab1.get("subjectType").asText()).isEqualTo("device");
        assertThat(lab1.get("subjectDisplayName").asText()).isEqualTo("LAB-1");
        assertThat(lab1.get("state").asText()).isEqualTo("included");
        assertThat(lab1.get("applicability").asText()).isEqualTo("applicable");
        assertThat(lab1.get("notApplicableReason").isNull()).isTrue();
        assertThat(lab1.get("runContext").asText()).isEqualTo("system");
        JsonNode nested = lab1.get("reasons").get(0);
        assertThat(fieldNames(nested)).containsExactly("code", "outcome", "assignmentId", "targetType", "mode",
                "groupId", "groupDisplayName", "dimension", "membershipPath", "viaUserId", "filter", "message",
                "basis");
        assertThat(nested.get("code").asText()).isEqualTo("target.groupNested");
        assertThat(nested.get("assignmentId").asText()).isEqualTo(cleanup + ":" + PILOT);
        assertThat(nested.get("targetType").asText()).isEqualTo("groupAssignmentTarget");
        assertThat(nested.get("mode").asText()).isEqualTo("include");
        assertThat(nested.get("groupId").asText()).isEqualTo(PILOT);
        assertThat(nested.get("groupDisplayName").asText()).isEqualTo("Pilot");
        assertThat(nested.get("dimension").asText()).isEqualTo("device");
        assertThat(nested.get("membershipPath").toString())
                .isEqualTo("[\"" + PILOT + "\",\"" + LAPTOPS + "\",\"" + ENTRA_1 + "\"]");
        assertThat(nested.get("filter").toString()).as("evaluated, not applied to a script")
                .isEqualTo("{\"id\":\"" + filter + "\",\"type\":\"include\",\"result\":\"notMatch\","
                        + "\"applied\":false}");
        assertThat(nested.get("basis").asText()).isEqualTo("decision");
        JsonNode decision = last(lab1.get("reasons"));
        assertThat(fieldNames(decision)).containsExactly("code", "outcome", "message", "basis");
        assertThat(decision.get("code").asText()).isEqualTo("decision.included");
        assertThat(decision.get("basis").asText()).isEqualTo("documented");

        assertThat(values.get(2).get("state").asText()).isEqualTo("excluded");
        assertThat(last(values.get(2).get("reasons")).get("code").asText()).isEqualTo("decision.excluded");
        JsonNode viaBob = values.get(3).get("reasons").get(0);
        assertThat(viaBob.get("code").asText()).isEqualTo("target.viaPrimaryUser");
        assertThat(viaBob.get("viaUserId").asText()).isEqualTo(BOB);
        assertThat(viaBob.get("dimension").asText()).isEqualTo("user");
        assertThat(values.get(0).get("subjectType").asText()).isEqualTo("user");
        assertThat(values.get(0).get("reasons").get(0).get("code").asText()).isEqualTo("target.groupDirect");
    }

    @Test
    void applyFiltersLetsTheFilterExcludeTheDeviceItDoesNotMatch() {
        String targets = SCRIPTS + "/" + cleanup + "/devicescripts.effectiveTargets";

        JsonNode applied = reader.get(targets + "(applyFilters=true)").json().get("value").get(1);
        assertThat(applied.get("subjectId").asText()).isEqualTo(LAB_1);
        assertThat(applied.get("state").asText()).isEqualTo("excluded");
        assertThat(last(applied.get("reasons")).get("code").asText()).isEqualTo("decision.filterExcluded");
        assertThat(applied.get("reasons").get(0).get("filter").get("applied").asBoolean()).isTrue();
        assertThat(reader.get(targets + "(applyFilters=false)").json())
                .isEqualTo(reader.get(targets + "()").json());
        assertThat(ids(reader.get(targets + "()?$filter=state%20eq%20'excluded'").json().get("value"), "subjectId"))
                .containsExactly(LAB_2);
        assertThat(ids(reader.get(targets + "(applyFilters=true)?$filter=state%20eq%20'excluded'%20and%20"
                + "subjectType%20eq%20'device'").json().get("value"), "subjectId")).containsExactly(LAB_1, LAB_2);
        assertThat(reader.get(targets + "()/$count?$filter=state%20ne%20'excluded'").body()).isEqualTo("3");
    }

    @Test
    void selectAndTopPageThroughEveryTargetWithNextLinks() {
        String targets = SCRIPTS + "/" + cleanup + "/devicescripts.effectiveTargets()";
        JsonNode selected = reader.get(targets + "?$select=state").json();
        assertThat(selected.get("@odata.context").asText()).endsWith("targetResult)(state)");
        assertThat(fieldNames(selected.get("value").get(0))).as("the key always").containsExactly("subjectId",
                "state");
        assertGraphError(reader.get(targets + "?$orderby=state"), 400, "BadRequest", "$orderby",
                "keeps its own order (by subjectId)");

        List<String> paged = new ArrayList<>();
        String next = targets + "?$top=1&$count=true";
        int pages = 0;
        while (next != null) {
            JsonNode page = reader.get(next).json();
            assertThat(page.get("value").size()).isLessThanOrEqualTo(1);
            if (pages == 0) {
                assertThat(page.get("@odata.count").asLong()).isEqualTo(4);
            }
            paged.addAll(ids(page.get("value"), "subjectId"));
            next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText()
                    .substring(server.url("").length()) : null;
            pages++;
        }
        assertThat(paged).containsExactly(BOB, LAB_1, LAB_2, LAB_3);
        assertThat(pages).isGreaterThanOrEqualTo(4);
    }

    @Test
    void effectiveScriptsOfADeviceAndOfAUserListEveryScriptNotTargetedOnesIncluded() {
        Map<String, JsonNode> ofLab2 = byName(reader.get(DEVICES + "/" + LAB_2
                + "/devicescripts.effectiveScripts()").json());
        assertThat(ofLab2.keySet()).containsExactlyInAnyOrder("Cleanup", "Unused");
        JsonNode cleanupOnLab2 = ofLab2.get("Cleanup");
        assertThat(fieldNames(cleanupOnLab2)).containsExactly("scriptId", "scriptDisplayName", "runAsAccount",
                "subjectType", "subjectId", "subjectDisplayName", "state", "applicability", "notApplicableReason",
                "runContext", "reasons");
        assertThat(cleanupOnLab2.get("scriptId").asText()).isEqualTo(cleanup);
        assertThat(cleanupOnLab2.get("runAsAccount").asText()).isEqualTo("system");
        assertThat(cleanupOnLab2.get("subjectId").asText()).isEqualTo(LAB_2);
        assertThat(cleanupOnLab2.get("state").asText()).isEqualTo("excluded");
        assertThat(ofLab2.get("Unused").get("state").asText()).isEqualTo("notTargeted");
        assertThat(last(ofLab2.get("Unused").get("reasons")).get("code").asText()).isEqualTo("decision.notTargeted");

        Reply ofBob = reader.get("/beta/users/bob@contoso.test/devicescripts.effectiveScripts()");
        assertThat(ofBob.status()).as("%s", ofBob).isEqualTo(200);
        Map<String, JsonNode> bobs = byName(ofBob.json());
        assertThat(bobs.get("Cleanup").get("subjectType").asText()).isEqualTo("user");
        assertThat(bobs.get("Cleanup").get("subjectId").asText()).isEqualTo(BOB);
        assertThat(bobs.get("Cleanup").get("state").asText()).isEqualTo("included");
        assertThat(bobs.get("Unused").get("state").asText()).isEqualTo("notTargeted");
        assertThat(reader.get("/beta/users/" + BOB + "/devicescripts.effectiveScripts()?$filter=state%20eq%20"
                + "'notTargeted'&$select=scriptDisplayName").json().get("value").toString())
                .isEqualTo("[{\"scriptId\":\"" + unused + "\",\"scriptDisplayName\":\"Unused\"}]");
    }

    @Test
    void assignedScriptsOfAGroupNameTheAssignmentsOnItAndOnTheGroupsHoldingIt() {
        JsonNode viaParent = reader.get("/beta/groups/" + LAPTOPS + "/devicescripts.assignedScripts()").json();
        assertThat(viaParent.get("@odata.context").asText()).endsWith("#Collection(devicescripts.groupScriptLink)");
        assertThat(viaParent.get("value").toString()).isEqualTo("[{\"scriptId\":\"" + cleanup + "\","
                + "\"scriptDisplayName\":\"Cleanup\",\"assignmentId\":\"" + cleanup + ":" + PILOT + "\","
                + "\"targetType\":\"groupAssignmentTarget\",\"mode\":\"include\",\"via\":\"parentGroup\","
                + "\"groupPath\":[\"" + PILOT + "\",\"" + LAPTOPS + "\"],\"filter\":{\"id\":\"" + filter + "\","
                + "\"type\":\"include\"}}]");
        JsonNode direct = reader.get("/beta/groups/" + PILOT + "/devicescripts.assignedScripts()").json()
                .get("value").get(0);
        assertThat(direct.get("via").asText()).isEqualTo("direct");
        assertThat(direct.get("groupPath").toString()).isEqualTo("[\"" + PILOT + "\"]");
        JsonNode excluded = reader.get("/beta/groups/" + BLOCKED + "/devicescripts.assignedScripts()").json()
                .get("value").get(0);
        assertThat(excluded.get("targetType").asText()).isEqualTo("exclusionGroupAssignmentTarget");
        assertThat(excluded.get("mode").asText()).isEqualTo("exclude");
        assertThat(excluded.get("filter").isNull()).isTrue();
        assertThat(reader.get("/beta/groups/" + LAPTOPS + "/devicescripts.assignedScripts()?$filter=via%20eq%20"
                + "'direct'").json().get("value").size()).isZero();
    }

    @Test
    void warningsOfAScriptAndOfTheTenantCarryTheirCodesAndSeverities() {
        JsonNode ofCleanup = reader.get(SCRIPTS + "/" + cleanup + "/devicescripts.targetingWarnings()").json();
        assertThat(ofCleanup.get("@odata.context").asText()).endsWith("#Collection(devicescripts.targetingWarning)");
        JsonNode ignored = find(ofCleanup.get("value"), "code", "FilterIgnoredForScripts");
        assertThat(fieldNames(ignored)).containsExactly("id", "code", "severity", "scriptId", "scriptDisplayName",
                "assignmentId", "groupId", "filterId", "message");
        assertThat(ignored.get("severity").asText()).isEqualTo("warning");
        assertThat(ignored.get("scriptId").asText()).isEqualTo(cleanup);
        assertThat(ignored.get("assignmentId").asText()).isEqualTo(cleanup + ":" + PILOT);
        assertThat(ignored.get("filterId").asText()).isEqualTo(filter);
        assertThat(ids(ofCleanup.get("value"), "scriptId")).containsOnly(cleanup);

        String tenantWarnings = "/beta/deviceManagement/devicescripts.targetingWarnings()";
        JsonNode tenant = reader.get(tenantWarnings).json().get("value");
        assertThat(ids(tenant, "scriptId")).contains(cleanup, unused);
        JsonNode unassigned = reader.get(tenantWarnings + "?$filter=code%20eq%20'Unassigned'").json().get("value");
        assertThat(unassigned.size()).isEqualTo(1);
        assertThat(unassigned.get(0).get("scriptId").asText()).isEqualTo(unused);
        assertThat(unassigned.get(0).get("severity").asText()).isEqualTo("info");
        assertThat(unassigned.get(0).get("assignmentId").isNull()).isTrue();
        assertThat(reader.get(tenantWarnings + "?$filter=severity%20eq%20'info'%20and%20scriptId%20eq%20'" + unused
                + "'")
                .json().get("value").size()).isEqualTo(1);
    }

    @Test
    void eachOfTheThreePermissionFamiliesIsNeededAndTheRefusalNamesTheMissingOne() {
        String targets = SCRIPTS + "/" + cleanup + "/devicescripts.effectiveTargets()";
        String ofBob = "/beta/users/" + BOB + "/devicescripts.effectiveScripts()";
        Map<String, List<String>> without = Map.of(READ_SCRIPTS, List.of(READ_GROUPS, READ_DEVICES),
                READ_GROUPS, List.of(READ_SCRIPTS, READ_DEVICES), READ_DEVICES, List.of(READ_SCRIPTS, READ_GROUPS));
        without.forEach((missing, held) -> {
            GraphApi caller = server.as(token(GraphApi.TENANT, held.toArray(String[]::new)));
            assertGraphError(caller.get(targets), 403, "Forbidden", missing);
            assertGraphError(caller.get(ofBob), 403, "Authorization_RequestDenied", missing);
        });
        assertThat(server.as(token(GraphApi.TENANT, "DeviceManagementConfiguration.Read.All", "Directory.Read.All",
                "DeviceManagementManagedDevices.ReadWrite.All")).get(targets).status())
                .as("the other permissions of each family").isEqualTo(200);
    }

    @Test
    void anotherTenantsScriptDeviceUserAndGroupAreNotFound() {
        GraphApi stranger = server.as(token(TenantId.of("99999999-2222-3333-4444-555555555555"), READ_SCRIPTS,
                READ_GROUPS, READ_DEVICES));

        assertGraphError(stranger.get(SCRIPTS + "/" + cleanup + "/devicescripts.effectiveTargets()"), 404,
                "ResourceNotFound", cleanup);
        assertGraphError(stranger.get(SCRIPTS + "/" + cleanup + "/devicescripts.targetingWarnings()"), 404,
                "ResourceNotFound", cleanup);
        assertGraphError(stranger.get(DEVICES + "/" + LAB_1 + "/devicescripts.effectiveScripts()"), 404,
                "ResourceNotFound", LAB_1);
        assertGraphError(stranger.get("/beta/users/" + BOB + "/devicescripts.effectiveScripts()"), 404,
                "Request_ResourceNotFound", BOB);
        assertGraphError(stranger.get("/beta/users/bob@contoso.test/devicescripts.effectiveScripts()"), 404,
                "Request_ResourceNotFound", "bob@contoso.test");
        assertGraphError(stranger.get("/beta/groups/" + PILOT + "/devicescripts.assignedScripts()"), 404,
                "Request_ResourceNotFound", PILOT);
        assertThat(stranger.get("/beta/deviceManagement/devicescripts.targetingWarnings()").json().get("value")
                .size()).isZero();
    }

    @Test
    void aBadApplyFiltersIsRefusedNamingItAsEachServiceRefuses() {
        assertGraphError(reader.get(SCRIPTS + "/" + cleanup + "/devicescripts.effectiveTargets(applyFilters=yes)"),
                400, "BadRequest", "applyFilters", "yes");
        assertGraphError(reader.get("/beta/users/" + BOB + "/devicescripts.effectiveScripts(applyFilters=1)"),
                400, "Request_BadRequest", "applyFilters", "1");
        assertGraphError(reader.get(DEVICES + "/" + LAB_1 + "/devicescripts.effectiveScripts(verbose=true)"),
                400, "BadRequest", "applyFilters", "verbose=true");
        assertGraphError(reader.get(SCRIPTS + "/not-a-guid/devicescripts.effectiveTargets()"), 400, "BadRequest",
                "not-a-guid");
    }

    @Test
    void aBatchReachesTheFunctions() {
        Map<String, JsonNode> responses = responsesById(reader.post(BATCH, batch(
                request("targets", "GET", "/deviceManagement/deviceManagementScripts/" + cleanup
                        + "/devicescripts.effectiveTargets()?$select=state", null),
                request("links", "GET", "/groups/" + LAPTOPS + "/devicescripts.assignedScripts()", null))));

        assertThat(responses.get("targets").get("status").asInt()).isEqualTo(200);
        assertThat(ids(responses.get("targets").get("body").get("value"), "subjectId"))
                .containsExactly(BOB, LAB_1, LAB_2, LAB_3);
        assertThat(responses.get("links").get("status").asInt()).isEqualTo(200);
        assertThat(responses.get("links").get("body").get("value").get(0).get("via").asText())
                .isEqualTo("parentGroup");
    }

    private static String token(TenantId tenant, String... scopes) {
        return GraphApi.token(tenant, List.of(scopes), List.of());
    }

    private static String target(String type, String groupId, String more) {
        return "{\"target\":{\"@odata.type\":\"#microsoft.graph." + type + "\",\"groupId\":\"" + groupId + "\""
                + more + "}}";
    }

    /** Ada and Bob, licensed; Pilot holds Laptops (which holds LAB-1's Entra device) and LAB-2's; Staff holds Bob. */
    static String document() {
        return "{\"tenantId\":\"" + GraphApi.TENANT + "\","
                + "\"users\":[" + user(ADA, "ada") + "," + user(BOB, "bob") + "],"
                + "\"groups\":[" + group(LAPTOPS, "Laptops", ENTRA_1) + "," + group(PILOT, "Pilot", LAPTOPS, entra(2))
                + "," + group(BLOCKED, "Blocked", entra(2)) + "," + group(STAFF, "Staff", BOB) + "],"
                + "\"devices\":[" + device(1) + "," + device(2) + "," + device(3) + "],"
                + "\"managedDevices\":[" + managed(1, ADA) + "," + managed(2, null) + "," + managed(3, BOB) + "]}";
    }

    private static String user(String id, String name) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"userPrincipalName\":\"" + name
                + "@contoso.test\",\"accountEnabled\":true,\"assignedLicenses\":[{\"skuId\":"
                + "\"6fd2c87f-b296-42f0-b197-1e91e994b900\",\"disabledPlans\":[]}]}";
    }

    private static String group(String id, String name, String... members) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"mailEnabled\":false,\"mailNickname\":\""
                + name.toLowerCase() + "\",\"securityEnabled\":true,\"members\":[\"" + String.join("\",\"", members)
                + "\"]}";
    }

    private static String entra(int n) {
        return "c0000000-0000-4000-8000-00000000000" + n;
    }

    private static String deviceId(int n) {
        return "d0000000-0000-4000-8000-00000000000" + n;
    }

    private static String device(int n) {
        return "{\"id\":\"" + entra(n) + "\",\"deviceId\":\"" + deviceId(n) + "\",\"displayName\":\"LAB-" + n
                + "\",\"operatingSystem\":\"Windows\",\"operatingSystemVersion\":\"10.0.22631.4460\","
                + "\"trustType\":\"AzureAd\",\"accountEnabled\":true}";
    }

    private static String managed(int n, String userId) {
        return "{\"id\":\"e0000000-0000-4000-8000-00000000000" + n + "\",\"deviceName\":\"LAB-" + n + "\","
                + "\"azureADDeviceId\":\"" + deviceId(n) + "\",\"joinType\":\"azureADJoined\","
                + "\"operatingSystem\":\"Windows\",\"osVersion\":\"10.0.22631.4460\",\"skuNumber\":4,"
                + "\"managedDeviceOwnerType\":\"company\",\"processorArchitecture\":\"x64\","
                + "\"manufacturer\":\"Contoso\",\"model\":\"Laptop 7\""
                + (userId == null ? "" : ",\"userId\":\"" + userId + "\"") + "}";
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> ids(JsonNode values, String field) {
        List<String> ids = new ArrayList<>();
        values.forEach(value -> ids.add(value.get(field).asText()));
        return ids;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static JsonNode find(JsonNode values, String field, String value) {
        for (Iterator<JsonNode> items = values.elements(); items.hasNext(); ) {
            JsonNode item = items.next();
            if (item.get(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + values);
    }

    private static Map<String, JsonNode> byName(JsonNode page) {
        Map<String, JsonNode> byName = new HashMap<>();
        page.get("value").forEach(result -> byName.put(result.get("scriptDisplayName").asText(), result));
        return byName;
    }
}
