package dev.devicescripts.adapter.http.filter;

import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.domain.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /deviceManagement/assignmentFilters} and its functions (targeting.md 1.4) as a client sees them. */
class AssignmentFilterRoutesTest {
    static final String FILTERS = "/beta/deviceManagement/assignmentFilters";
    static final String WINDOWS_RULE = "(device.manufacturer -eq \\\"Contoso\\\")";
    static final String ADMIN = GraphApi.token(GraphApi.TENANT,
            List.of("DeviceManagementConfiguration.ReadWrite.All"), List.of());
    private static final String READER = GraphApi.token(GraphApi.TENANT,
            List.of("DeviceManagementConfiguration.Read.All"), List.of());
    private static final String MISSING = "0f0f0f0f-0000-4000-8000-00000000abcd";
    private static final String GROUP = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String METADATA = "https://graph.microsoft.com/beta/$metadata#";

    private final GraphApi server = GraphApi.start();
    private final GraphApi api = server.as(ADMIN);
    private final GraphApi reader = server.as(READER);

    @AfterEach
    void stop() {
        server.close();
    }

    /** Creates a filter through the route and answers its id. */
    static String create(GraphApi api, String displayName, String platform, String rule) {
        Reply created = api.post(FILTERS, body(displayName, platform, rule));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static String body(String displayName, String platform, String rule) {
        return "{\"displayName\":\"" + displayName + "\",\"platform\":\"" + platform + "\",\"rule\":\"" + rule
                + "\"}";
    }

    @Test
    void aCreatedFilterComesBackWithTheServerSetPropertiesAndDefaultsInGraphsOrder() {
        Reply created = api.post(FILTERS, body("Contoso laptops", "windows10AndLater", WINDOWS_RULE));

        assertThat(created.status()).isEqualTo(201);
        JsonNode filter = created.json();
        String id = filter.get("id").asText();
        assertThat(created.header("Location")).endsWith(FILTERS + "/" + id);
        assertThat(filter.get("@odata.context").asText()).isEqualTo(METADATA + "deviceManagement/assignmentFilters"
                + "/$entity");
        assertThat(fieldNames(filter)).containsExactly("@odata.context", "id",
                "createdDateTime", "lastModifiedDateTime", "displayName", "description", "platform", "rule",
                "roleScopeTags", "payloads", "assignmentFilterManagementType");
        assertThat(filter.get("description").isNull()).isTrue();
        assertThat(filter.get("rule").asText()).isEqualTo("(device.manufacturer -eq \"Contoso\")");
        assertThat(filter.get("roleScopeTags").toString()).isEqualTo("[\"0\"]");
        assertThat(filter.get("payloads").toString()).isEqualTo("[]");
        assertThat(filter.get("assignmentFilterManagementType").asText()).isEqualTo("devices");
        assertThat(filter.get("lastModifiedDateTime")).isEqualTo(filter.get("createdDateTime"));
        assertThat(reader.get(FILTERS + "/" + id).json()).isEqualTo(filter);
        assertThat(reader.get(FILTERS + "('" + id + "')?$select=displayName").json().get("displayName").asText())
                .isEqualTo("Contoso laptops");
    }

    @Test
    void aCreateIsRefusedNamingTheFieldOrTheRulesTokenAndPosition() {
        assertGraphError(api.post(FILTERS, "{\"platform\":\"windows10AndLater\",\"rule\":\"" + WINDOWS_RULE
                + "\"}"), 400, "BadRequest", "displayName");
        assertGraphError(api.post(FILTERS, "{\"displayName\":\"x\",\"rule\":\"" + WINDOWS_RULE + "\"}"), 400,
                "BadRequest", "platform");
        assertGraphError(api.post(FILTERS, body("x", "windows11", WINDOWS_RULE)), 400, "BadRequest", "platform",
                "windows11");
        assertGraphError(api.post(FILTERS, "{\"displayName\":\"x\",\"platform\":\"macOS\"}"), 400, "BadRequest",
                "rule");
        assertGraphError(api.post(FILTERS, body("x", "windows10AndLater", "(device.osVersion -gt \\\"10\\\")")),
                400, "BadRequest", "rule", "position 18", "'-gt'");
        assertGraphError(api.post(FILTERS, body("x", "windows10AndLater", "(device.deviceName -eq \\\""
                + "a".repeat(3_100) + "\\\")")), 400, "BadRequest", "rule", "3072");
        assertGraphError(api.post(FILTERS, body("x", "android", "(device.deviceName -eq \\\"a\\\")")), 400,
                "BadRequest", "platform");
        assertGraphError(api.post(FILTERS, "{\"displayName\":\"x\",\"platform\":\"macOS\",\"rule\":\"" + WINDOWS_RULE
                + "\",\"color\":\"red\"}"), 400, "BadRequest", "color");
        assertGraphError(api.post(FILTERS, "{\"displayName\":\"x\",\"platform\":\"macOS\",\"rule\":\"" + WINDOWS_RULE
                + "\",\"roleScopeTags\":[null]}"), 400, "BadRequest", "roleScopeTags");
        assertThat(reader.get(FILTERS + "/$count").body()).isEqualTo("0");
    }

    @Test
    void theListFiltersByPlatformManagementTypeAndDisplayName() {
        create(api, "Contoso", "windows10AndLater", WINDOWS_RULE);
        String mac = create(api, "Macs", "macOS", "(device.model -startsWith \\\"MacBook\\\")");

        JsonNode macs = reader.get(FILTERS + "?$filter=platform%20eq%20'macOS'").json();
        assertThat(macs.get("@odata.context").asText()).isEqualTo(METADATA + "deviceManagement/assignmentFilters");
        assertThat(macs.get("value")).hasSize(1);
        assertThat(macs.get("value").get(0).get("id").asText()).isEqualTo(mac);
        assertThat(reader.get(FILTERS + "/$count?$filter=assignmentFilterManagementType%20eq%20'devices'").body())
                .isEqualTo("2");
        assertThat(reader.get(FILTERS + "?$filter=startswith(displayName,'cont')").json().get("value"))
                .hasSize(1);
        assertGraphError(reader.get(FILTERS + "?$filter=platform%20eq%20'windows11'"), 400, "BadRequest",
                "windows11");
    }

    @Test
    void aPatchChangesNameRuleAndTagsButNeverThePlatform() {
        String id = create(api, "Contoso", "windows10AndLater", WINDOWS_RULE);
        JsonNode before = reader.get(FILTERS + "/" + id).json();

        assertThat(api.patch(FILTERS + "/" + id, "{\"displayName\":\"Fabrikam\",\"rule\":\"(device.manufacturer -eq "
                + "\\\"Fabrikam\\\")\",\"roleScopeTags\":[\"0\",\"7\"],\"platform\":\"windows10AndLater\"}").status())
                .isEqualTo(204);

        JsonNode after = reader.get(FILTERS + "/" + id).json();
        assertThat(after.get("displayName").asText()).isEqualTo("Fabrikam");
        assertThat(after.get("rule").asText()).isEqualTo("(device.manufacturer -eq \"Fabrikam\")");
        assertThat(after.get("roleScopeTags").toString()).isEqualTo("[\"0\",\"7\"]");
        assertThat(after.get("createdDateTime")).isEqualTo(before.get("createdDateTime"));
        assertThat(after.get("lastModifiedDateTime").asText()).isGreaterThan(before.get("lastModifiedDateTime")
                .asText());

        assertGraphError(api.patch(FILTERS + "/" + id, "{\"platform\":\"macOS\"}"), 400, "BadRequest", "platform");
        assertGraphError(api.patch(FILTERS + "/" + id, "{\"assignmentFilterManagementType\":\"apps\"}"), 400,
                "BadRequest", "assignmentFilterManagementType");
        assertGraphError(api.patch(FILTERS + "/" + id, "{\"rule\":\"(device.manufacturer -eq 'x')\"}"), 400,
                "BadRequest", "rule", "position 25", "single quotes");
        assertGraphError(api.patch(FILTERS + "/" + id, "{\"displayName\":\" \"}"), 400, "BadRequest",
                "displayName");
        assertThat(reader.get(FILTERS + "/" + id).json()).isEqualTo(after);
    }

    @Test
    void unknownAndMalformedKeysAreRefused() {
        assertGraphError(reader.get(FILTERS + "/" + MISSING), 404, "ResourceNotFound", MISSING);
        assertGraphError(api.patch(FILTERS + "/" + MISSING, "{\"displayName\":\"x\"}"), 404, "ResourceNotFound",
                MISSING);
        assertGraphError(api.delete(FILTERS + "/" + MISSING), 404, "ResourceNotFound", MISSING);
        assertGraphError(reader.get(FILTERS + "/" + MISSING + "/getSupportedProperties()"), 404,
                "ResourceNotFound", MISSING);
        assertGraphError(reader.get(FILTERS + "/not-a-guid"), 400, "BadRequest", "not-a-guid");
    }

    @Test
    void aDeletedFilterIsGone() {
        String id = create(api, "Contoso", "windows10AndLater", WINDOWS_RULE);

        assertThat(api.delete(FILTERS + "/" + id).status()).isEqualTo(204);

        assertGraphError(reader.get(FILTERS + "/" + id), 404, "ResourceNotFound", id);
    }

    @Test
    void payloadsAreTheScriptAssignmentsThatNameTheFilterAndKeepItFromBeingDeleted() {
        String id = create(api, "Contoso", "windows10AndLater", WINDOWS_RULE);
        String other = create(api, "Other", "windows10AndLater", WINDOWS_RULE);
        String script = api.createScript("Inventory");
        assertThat(api.post(GraphApi.SCRIPTS + "/" + script + "/assign", "{\"deviceManagementScriptAssignments\":["
                + target("groupAssignmentTarget", ",\"groupId\":\"" + GROUP + "\"", id, "include") + ","
                + target("allDevicesAssignmentTarget", "", id, "exclude") + ","
                + target("allLicensedUsersAssignmentTarget", "", other, "include") + "]}").status()).isEqualTo(204);

        JsonNode payloads = reader.get(FILTERS + "/" + id).json().get("payloads");
        assertThat(payloads.toString()).isEqualTo("[{\"payloadId\":\"" + script + "\",\"payloadType\":"
                + "\"deviceConfigurationAndCompliance\",\"groupId\":\"" + GROUP + "\",\"assignmentFilterType\":"
                + "\"include\"},{\"payloadId\":\"" + script + "\",\"payloadType\":\"deviceConfigurationAndCompliance\","
                + "\"groupId\":\"adadadad-808e-44e2-905a-0b7873a8a531\",\"assignmentFilterType\":\"exclude\"}]");
        JsonNode listed = reader.get(FILTERS + "?$filter=displayName%20eq%20'Other'").json().get("value").get(0);
        assertThat(listed.get("payloads").get(0).get("groupId").asText())
                .isEqualTo("acacacac-9df4-4c7d-9d50-4ef0226f57a9");

        assertGraphError(api.delete(FILTERS + "/" + id), 400, "BadRequest", "'Inventory' (" + script + ")");
        assertThat(reader.get(FILTERS + "/" + id).status()).isEqualTo(200);
        assertThat(api.post(GraphApi.SCRIPTS + "/" + script + "/assign", "{\"deviceManagementScriptAssignments\":[]}")
                .status()).isEqualTo(204);
        assertThat(api.delete(FILTERS + "/" + id).status()).isEqualTo(204);
    }

    private static String target(String type, String more, String filterId, String filterType) {
        return "{\"target\":{\"@odata.type\":\"#microsoft.graph." + type + "\"" + more
                + ",\"deviceAndAppManagementAssignmentFilterId\":\"" + filterId + "\","
                + "\"deviceAndAppManagementAssignmentFilterType\":\"" + filterType + "\"}}";
    }

    @Test
    void aTenantHoldsTwoHundredFilters() {
        for (int i = 0; i < 200; i++) {
            create(api, "Filter " + i, "windows10AndLater", WINDOWS_RULE);
        }

        assertGraphError(api.post(FILTERS, body("One too many", "windows10AndLater", WINDOWS_RULE)), 400,
                "BadRequest", "200");
        assertThat(reader.get(FILTERS + "/$count").body()).isEqualTo("200");
    }

    @Test
    void validateFilterAnswersOnlyWhetherTheRuleIsValidAndRefusesAnEmptyRule() {
        for (String action : List.of("/validateFilter", "/microsoft.graph.validateFilter")) {
            Reply valid = api.post(FILTERS + action, validation("windows10AndLater", WINDOWS_RULE));
            assertThat(valid.status()).isEqualTo(200);
            assertThat(valid.json().toString()).isEqualTo("{\"@odata.context\":\"" + METADATA
                    + "microsoft.graph.assignmentFilterValidationResult\",\"isValidRule\":true}");
        }
        assertThat(api.post(FILTERS + "/validateFilter", validation("windows10AndLater",
                "(device.deviceName -eq 'LAB')")).json().get("isValidRule").asBoolean()).isFalse();
        assertThat(api.post(FILTERS + "/validateFilter", validation("macOS",
                "(device.enrollmentProfileName -eq \\\"x\\\")")).json().get("isValidRule").asBoolean()).isFalse();
        assertThat(api.post(FILTERS + "/validateFilter", validation("android", WINDOWS_RULE)).json()
                .get("isValidRule").asBoolean()).isFalse();
        assertGraphError(api.post(FILTERS + "/validateFilter", validation("windows10AndLater", " ")), 400,
                "BadRequest", "rule");
        assertGraphError(api.post(FILTERS + "/validateFilter", "{\"deviceAndAppManagementAssignmentFilter\":"
                + "{\"platform\":\"windows10AndLater\"}}"), 400, "BadRequest", "rule");
        assertGraphError(api.post(FILTERS + "/validateFilter", "{\"deviceAndAppManagementAssignmentFilter\":"
                + "{\"rule\":\"" + WINDOWS_RULE + "\"}}"), 400, "BadRequest", "platform");
        assertGraphError(api.post(FILTERS + "/validateFilter", "{}"), 400, "BadRequest",
                "deviceAndAppManagementAssignmentFilter");
    }

    static String validation(String platform, String rule) {
        return "{\"deviceAndAppManagementAssignmentFilter\":{\"displayName\":\"check\",\"platform\":\"" + platform
                + "\",\"rule\":\"" + rule + "\"}}";
    }

    @Test
    void supportedPropertiesComeFromThePlatformsTable() {
        for (String function : List.of("/getPlatformSupportedProperties(platform='windows10AndLater')",
                "/microsoft.graph.getPlatformSupportedProperties(platform='windows10AndLater')")) {
            JsonNode windows = reader.get(FILTERS + function).json();
            assertThat(windows.get("@odata.context").asText())
                    .isEqualTo(METADATA + "Collection(microsoft.graph.assignmentFilterSupportedProperty)");
            assertThat(names(windows)).contains("deviceName", "operatingSystemSKU", "isTpmAttested")
                    .doesNotContain("isRooted");
        }
        JsonNode windows = reader.get(FILTERS + "/getPlatformSupportedProperties(platform='windows10AndLater')")
                .json();
        assertThat(property(windows, "deviceName").toString()).isEqualTo("{\"name\":\"deviceName\",\"dataType\":"
                + "\"String\",\"isCollection\":false,\"propertyRegexConstraint\":null,\"supportedOperators\":"
                + "[\"equals\",\"notEquals\",\"in\",\"notIn\",\"startsWith\",\"contains\",\"notContains\"],"
                + "\"supportedValues\":[]}");
        assertThat(property(windows, "operatingSystemVersion").get("dataType").asText()).isEqualTo("Version");
        assertThat(property(windows, "operatingSystemVersion").get("propertyRegexConstraint").asText())
                .isEqualTo("^\\d+(\\.\\d+){1,3}$");
        assertThat(property(windows, "deviceOwnership").get("dataType").asText()).isEqualTo("Enum");
        assertThat(property(windows, "deviceOwnership").get("supportedValues").toString())
                .isEqualTo("[\"Personal\",\"Corporate\",\"Unknown\"]");

        String mac = create(api, "Macs", "macOS", "(device.model -startsWith \\\"MacBook\\\")");
        for (String function : List.of("/getSupportedProperties()", "/microsoft.graph.getSupportedProperties()")) {
            assertThat(names(reader.get(FILTERS + "/" + mac + function).json())).contains("deviceName")
                    .doesNotContain("enrollmentProfileName", "operatingSystemSKU");
        }
        assertThat(reader.get(FILTERS + "/getPlatformSupportedProperties(platform='android')").json().get("value"))
                .isEmpty();
        assertGraphError(reader.get(FILTERS + "/getPlatformSupportedProperties(platform='windows11')"), 400,
                "BadRequest", "windows11");
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.get("value").forEach(property -> names.add(property.get("name").asText()));
        return names;
    }

    private static JsonNode property(JsonNode properties, String name) {
        for (JsonNode property : properties.get("value")) {
            if (property.get("name").asText().equals(name)) {
                return property;
            }
        }
        throw new AssertionError("no " + name + " in " + properties);
    }

    @Test
    void getStateIsAlwaysEnabled() {
        for (String function : List.of("/getState()", "/microsoft.graph.getState()")) {
            assertThat(reader.get(FILTERS + function).json().toString()).isEqualTo("{\"@odata.context\":\""
                    + METADATA + "microsoft.graph.assignmentFilterState\",\"enabled\":true}");
        }
    }

    @Test
    void readingTakesAConfigurationPermissionAndWritingItsReadWriteForm() {
        String id = create(api, "Contoso", "windows10AndLater", WINDOWS_RULE);
        GraphApi scriptsOnly = server.as(GraphApi.ADMIN_TOKEN);

        assertGraphError(reader.post(FILTERS, body("x", "windows10AndLater", WINDOWS_RULE)), 403, "Forbidden",
                "DeviceManagementConfiguration.ReadWrite.All");
        assertGraphError(reader.patch(FILTERS + "/" + id, "{\"displayName\":\"x\"}"), 403, "Forbidden",
                "DeviceManagementConfiguration.ReadWrite.All");
        assertGraphError(reader.delete(FILTERS + "/" + id), 403, "Forbidden",
                "DeviceManagementConfiguration.ReadWrite.All");
        assertGraphError(reader.post(FILTERS + "/validateFilter", validation("windows10AndLater", WINDOWS_RULE)),
                403, "Forbidden", "DeviceManagementConfiguration.ReadWrite.All");
        assertGraphError(scriptsOnly.get(FILTERS), 403, "Forbidden", "DeviceManagementConfiguration.Read.All");
        assertGraphError(scriptsOnly.get(FILTERS + "/getState()"), 403, "Forbidden", "Read.All");
        assertGraphError(scriptsOnly.get(FILTERS + "/getPlatformSupportedProperties(platform='macOS')"), 403,
                "Forbidden", "Read.All");
        assertThat(reader.get(FILTERS).json().get("value")).hasSize(1);
    }

    @Test
    void anotherTenantsFilterIsNotFound() {
        String id = create(api, "Contoso", "windows10AndLater", WINDOWS_RULE);
        GraphApi stranger = server.as(GraphApi.token(TenantId.of("99999999-2222-3333-4444-555555555555"),
                List.of("DeviceManagementConfiguration.ReadWrite.All"), List.of()));

        assertGraphError(stranger.get(FILTERS + "/" + id), 404, "ResourceNotFound", id);
        assertGraphError(stranger.delete(FILTERS + "/" + id), 404, "ResourceNotFound", id);
        assertThat(stranger.get(FILTERS).json().get("value")).isEmpty();
        assertThat(reader.get(FILTERS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void aBatchCreatesAFilterAndValidatesARule() {
        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("create", "POST", "/deviceManagement/assignmentFilters", body("Batched", "windows10AndLater",
                        WINDOWS_RULE), "Content-Type", "application/json"),
                request("validate", "POST", "/deviceManagement/assignmentFilters/validateFilter",
                        validation("windows10AndLater", "(device.deviceName -eq LAB)"),
                        "Content-Type", "application/json"))));

        assertThat(responses.get("create").get("status").asInt()).isEqualTo(201);
        assertThat(responses.get("create").get("body").get("displayName").asText()).isEqualTo("Batched");
        assertThat(responses.get("validate").get("status").asInt()).isEqualTo(200);
        assertThat(responses.get("validate").get("body").get("isValidRule").asBoolean()).isFalse();
        assertThat(reader.get(FILTERS + "/$count").body()).isEqualTo("1");
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
