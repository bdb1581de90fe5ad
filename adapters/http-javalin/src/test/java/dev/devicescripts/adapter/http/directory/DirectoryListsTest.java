package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.DEVICES;
import static dev.devicescripts.adapter.http.directory.Directory.GROUPS;
import static dev.devicescripts.adapter.http.directory.Directory.MISSING;
import static dev.devicescripts.adapter.http.directory.Directory.USERS;
import static dev.devicescripts.adapter.http.directory.Directory.addMember;
import static dev.devicescripts.adapter.http.directory.Directory.assertNotFound;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefused;
import static dev.devicescripts.adapter.http.directory.Directory.device;
import static dev.devicescripts.adapter.http.directory.Directory.securityGroup;
import static dev.devicescripts.adapter.http.directory.Directory.unifiedGroup;
import static dev.devicescripts.adapter.http.directory.Directory.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The directory's lists (spec 1.1 to 1.3.1) through the generic machinery in the directory's dialect: the three
 * collections looked up as clients look them up, and members, transitiveMembers, memberOf and transitiveMemberOf.
 */
class DirectoryListsTest {
    private static final String CONTEXT = "https://graph.microsoft.com/beta/$metadata#";

    private final GraphApi server = GraphApi.start();
    private final GraphApi api = server.as(GraphApi.DIRECTORY_ADMIN_TOKEN);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aGroupIsFoundByItsNameAsAutomationFindsIt() {
        String pilot = securityGroup(api, "Pilot devices");
        securityGroup(api, "Pilot users");
        String sales = unifiedGroup(api, "Sales");

        JsonNode byName = api.get(GROUPS + "?$filter=" + encoded("displayName eq 'Pilot devices'")).json();

        assertThat(byName.get("@odata.context").asText()).isEqualTo(CONTEXT + "groups");
        assertThat(ids(byName)).containsExactly(pilot);
        assertThat(byName.get("value").get(0).has("@odata.type")).isFalse();
        assertThat(ids(api.get(GROUPS + "?$filter=" + encoded("startswith(displayName,'pilot')")).json()))
                .hasSize(2);
        assertThat(ids(api.get(GROUPS + "?$filter=" + encoded("groupTypes/any(c:c eq 'Unified')")).json()))
                .containsExactly(sales);
        assertThat(api.get(GROUPS + "/$count", "ConsistencyLevel", "eventual").body()).isEqualTo("3");
    }

    @Test
    void usersAndDevicesAreFoundByTheirKeysAndNames() {
        String ada = user(api, "ada@contoso.test");
        user(api, "grace@contoso.test");
        String laptop = device(api, "LAB-042");
        device(api, "LAB-043");
        String deviceId = api.get(DEVICES + "/" + laptop).json().get("deviceId").asText();

        JsonNode users = api.get(USERS + "?$filter=" + encoded("userPrincipalName eq 'ADA@contoso.test'")).json();
        assertThat(users.get("@odata.context").asText()).isEqualTo(CONTEXT + "users");
        assertThat(ids(users)).containsExactly(ada);
        JsonNode devices = api.get(DEVICES + "?$filter=" + encoded("deviceId eq '" + deviceId + "'")).json();
        assertThat(devices.get("@odata.context").asText()).isEqualTo(CONTEXT + "devices");
        assertThat(ids(devices)).containsExactly(laptop);
        assertThat(ids(api.get(DEVICES + "?$filter=" + encoded("displayName eq 'LAB-042'")).json()))
                .containsExactly(laptop);
    }

    @Test
    void membersAreDirectoryObjectsEachWithItsTypeAndItsOwnProperties() {
        String pilot = securityGroup(api, "Pilot");
        String ada = user(api, "ada@contoso.test");
        String laptop = device(api, "LAB-042");
        String nested = securityGroup(api, "Nested");
        for (String member : List.of(ada, laptop, nested)) {
            addMember(api, pilot, member);
        }

        JsonNode members = api.get(GROUPS + "/" + pilot + "/members").json();

        assertThat(members.get("@odata.context").asText()).isEqualTo(CONTEXT + "directoryObjects");
        assertThat(members.get("value")).extracting(item -> item.get("@odata.type").asText(),
                        item -> item.get("id").asText(), item -> item.fieldNames().next())
                .containsExactlyInAnyOrder(tuple("#microsoft.graph.user", ada, "@odata.type"),
                        tuple("#microsoft.graph.device", laptop, "@odata.type"),
                        tuple("#microsoft.graph.group", nested, "@odata.type"));
        JsonNode user = itemOf(members, ada);
        assertThat(user.get("userPrincipalName").asText()).isEqualTo("ada@contoso.test");
        assertThat(itemOf(members, laptop).get("deviceId").asText()).isNotBlank();
        assertThat(itemOf(members, nested).get("securityEnabled").asBoolean()).isTrue();
        assertThat(api.get(GROUPS + "('" + pilot + "')/members").json().get("value")).hasSize(3);
        assertThat(api.get(GROUPS + "/" + pilot + "/members/$count", "ConsistencyLevel", "eventual").body())
                .isEqualTo("3");
    }

    @Test
    void transitiveListsWalkNestingFlatOnceEachAndEndInCycles() {
        String top = securityGroup(api, "Top");
        String middle = securityGroup(api, "Middle");
        String bottom = securityGroup(api, "Bottom");
        String ada = user(api, "ada@contoso.test");
        String laptop = device(api, "LAB-042");
        addMember(api, top, middle);
        addMember(api, middle, bottom);
        addMember(api, bottom, top); // a cycle: every walk must end
        addMember(api, middle, ada);
        addMember(api, bottom, ada);
        addMember(api, bottom, laptop);

        assertThat(ids(api.get(GROUPS + "/" + top + "/members").json())).containsExactly(middle);
        assertThat(ids(api.get(GROUPS + "/" + top + "/transitiveMembers").json()))
                .containsExactlyInAnyOrder(middle, bottom, ada, laptop);
        assertThat(ids(api.get(DEVICES + "/" + laptop + "/memberOf").json())).containsExactly(bottom);
        assertThat(ids(api.get(DEVICES + "/" + laptop + "/transitiveMemberOf").json()))
                .containsExactlyInAnyOrder(top, middle, bottom);
        assertThat(ids(api.get(USERS + "/ada@contoso.test/memberOf").json())).containsExactlyInAnyOrder(middle, bottom);
        assertThat(ids(api.get(USERS + "/" + ada + "/transitiveMemberOf").json()))
                .containsExactlyInAnyOrder(top, middle, bottom);
        assertThat(ids(api.get(GROUPS + "/" + middle + "/memberOf").json())).containsExactly(top);
        JsonNode parents = api.get(GROUPS + "/" + middle + "/transitiveMemberOf").json();
        assertThat(ids(parents)).containsExactlyInAnyOrder(top, bottom);
        assertThat(parents.get("value").get(0).get("@odata.type").asText()).isEqualTo("#microsoft.graph.group");
    }

    @Test
    void aDeletedGroupLeavesItsParentsAndADeletedUserEveryGroup() {
        String parent = securityGroup(api, "Parent");
        String child = securityGroup(api, "Child");
        String ada = user(api, "ada@contoso.test");
        addMember(api, parent, child);
        addMember(api, parent, ada);
        addMember(api, child, ada);

        api.delete(GROUPS + "/" + child);
        assertThat(ids(api.get(GROUPS + "/" + parent + "/members").json())).containsExactly(ada);
        assertThat(ids(api.get(USERS + "/" + ada + "/memberOf").json())).containsExactly(parent);

        api.delete(USERS + "/" + ada);
        assertThat(api.get(GROUPS + "/" + parent + "/transitiveMembers").json().get("value")).isEmpty();
    }

    @Test
    void theListsOfAnUnknownOrMalformedObjectAreRefusedAsTheDirectoryRefuses() {
        for (String list : List.of(GROUPS + "/%s/members", GROUPS + "/%s/transitiveMembers", GROUPS + "/%s/memberOf",
                GROUPS + "/%s/transitiveMemberOf", USERS + "/%s/memberOf", USERS + "/%s/transitiveMemberOf",
                DEVICES + "/%s/memberOf", DEVICES + "/%s/transitiveMemberOf")) {
            assertNotFound(api.get(list.formatted(MISSING)), MISSING);
            assertRefused(api.get(list.formatted("abc")), 400, "Invalid object identifier 'abc'.");
        }
    }

    @Test
    void aUsersGroupsNeedTheirOwnPermissionsWhichGroupMemberReadAllgrants() {
        String pilot = securityGroup(api, "Pilot");
        String ada = user(api, "ada@contoso.test");
        addMember(api, pilot, ada);
        GraphApi memberReader = server.as(GraphApi.token(GraphApi.TENANT, List.of("GroupMember.Read.All"),
                List.of()));

        assertThat(ids(memberReader.get(USERS + "/" + ada + "/memberOf").json())).containsExactly(pilot);
        assertThat(ids(memberReader.get(GROUPS + "/" + pilot + "/members").json())).containsExactly(ada);
        Directory.assertRefusedNaming(memberReader.get(USERS + "/" + ada), 403, "User.Read.All");
    }

    @Test
    void membersOfAKindTheCallerCannotReadAreListedWithTheirIdAndTypeOnly() {
        String pilot = securityGroup(api, "Pilot");
        String nested = securityGroup(api, "Nested");
        String ada = user(api, "ada@contoso.test");
        String laptop = device(api, "LAB-042");
        for (String member : List.of(nested, ada, laptop)) {
            addMember(api, pilot, member);
        }
        addMember(api, nested, ada);
        GraphApi userReader = server.as(GraphApi.token(GraphApi.TENANT, List.of("Group.Read.All",
                "User.Read.All"), List.of()));
        GraphApi groupReader = server.as(GraphApi.token(GraphApi.TENANT, List.of(), List.of("Group.Read.All")));

        for (String list : List.of("/members", "/transitiveMembers")) {
            JsonNode members = userReader.get(GROUPS + "/" + pilot + list).json();
            assertThat(fieldsOf(itemOf(members, laptop))).as(list).containsExactly("@odata.type", "id");
            assertThat(itemOf(members, laptop).get("@odata.type").asText()).isEqualTo("#microsoft.graph.device");
            assertThat(itemOf(members, ada).get("userPrincipalName").asText()).isEqualTo("ada@contoso.test");
            assertThat(itemOf(members, nested).get("displayName").asText()).isEqualTo("Nested");

            JsonNode selected = groupReader.get(GROUPS + "/" + pilot + list + "?$select=displayName").json();
            assertThat(fieldsOf(itemOf(selected, ada))).as(list).containsExactly("@odata.type", "id");
            assertThat(fieldsOf(itemOf(selected, laptop))).as(list).containsExactly("@odata.type", "id");
            assertThat(fieldsOf(itemOf(selected, nested))).containsExactly("@odata.type", "id", "displayName");
        }
        JsonNode asAdmin = api.get(GROUPS + "/" + pilot + "/members").json();
        assertThat(itemOf(asAdmin, laptop).get("displayName").asText()).isEqualTo("LAB-042");
    }

    private static List<String> fieldsOf(JsonNode item) {
        List<String> fields = new ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private static JsonNode itemOf(JsonNode list, String id) {
        for (JsonNode item : list.get("value")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("value").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
