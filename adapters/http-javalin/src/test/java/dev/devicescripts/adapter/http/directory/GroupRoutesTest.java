package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.GROUPS;
import static dev.devicescripts.adapter.http.directory.Directory.MISSING;
import static dev.devicescripts.adapter.http.directory.Directory.addMember;
import static dev.devicescripts.adapter.http.directory.Directory.assertNotFound;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefused;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefusedNaming;
import static dev.devicescripts.adapter.http.directory.Directory.securityGroup;
import static dev.devicescripts.adapter.http.directory.Directory.unifiedGroup;
import static dev.devicescripts.adapter.http.directory.Directory.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /groups} and one group (spec 1.1): create, get, PATCH, DELETE, and every refusal of them. */
class GroupRoutesTest {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String REQUIRED = "A value is required for property '%s' of resource 'Group'.";

    private final GraphApi server = GraphApi.start();
    private final GraphApi api = server.as(GraphApi.DIRECTORY_ADMIN_TOKEN);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCreatedGroupIsAnsweredWhole201WithItsLocationAndReadsBackTheSame() {
        Reply created = api.post(GROUPS, "{\"displayName\":\"Pilot devices\",\"description\":\"Ring 0\","
                + "\"mailEnabled\":false,\"mailNickname\":\"pilot-devices\",\"securityEnabled\":true}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode group = created.json();
        String id = group.get("id").asText();
        assertThat(id).matches(GUID);
        assertThat(created.header("Location")).isEqualTo(api.url(GROUPS + "/" + id));
        assertThat(group.get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#groups/$entity");
        assertThat(group.has("@odata.type")).isFalse();
        assertThat(fieldNames(group)).containsExactly("@odata.context", "id", "deletedDateTime", "createdDateTime",
                "description", "displayName", "groupTypes", "mail", "mailEnabled", "mailNickname", "membershipRule",
                "membershipRuleProcessingState", "securityEnabled");
        assertThat(group.get("displayName").asText()).isEqualTo("Pilot devices");
        assertThat(group.get("description").asText()).isEqualTo("Ring 0");
        assertThat(group.get("groupTypes")).isEmpty();
        assertThat(group.get("mail").isNull()).isTrue();
        assertThat(group.get("deletedDateTime").isNull()).isTrue();
        assertThat(group.get("membershipRule").isNull()).isTrue();
        assertThat(group.get("createdDateTime").asText()).endsWith("Z");
        assertThat(api.get(GROUPS + "/" + id).json()).isEqualTo(group);
        assertThat(api.get(GROUPS + "('" + id + "')").json()).isEqualTo(group);
    }

    @Test
    void getSelectsPropertiesAndNamesThemInTheContext() {
        String id = securityGroup(api, "Pilot");

        JsonNode selected = api.get(GROUPS + "/" + id + "?$select=displayName,securityEnabled").json();

        assertThat(fieldNames(selected)).containsExactly("@odata.context", "id", "displayName", "securityEnabled");
        assertThat(selected.get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#groups(displayName,securityEnabled)/$entity");
    }

    @Test
    void aUnifiedAndADynamicGroupKeepTheirTypesAndTheDynamicOneItsRule() {
        String unified = unifiedGroup(api, "Sales");
        String dynamic = Directory.dynamicGroup(api, "Windows devices");

        assertThat(api.get(GROUPS + "/" + unified).json().get("groupTypes").get(0).asText()).isEqualTo("Unified");
        JsonNode group = api.get(GROUPS + "/" + dynamic).json();
        assertThat(group.get("groupTypes").get(0).asText()).isEqualTo("DynamicMembership");
        assertThat(group.get("membershipRule").asText()).isEqualTo("(device.deviceOSType -eq \"Windows\")");
        assertThat(group.get("membershipRuleProcessingState").asText()).isEqualTo("On");
    }

    @ParameterizedTest
    @ValueSource(strings = {"displayName", "mailEnabled", "mailNickname", "securityEnabled"})
    void aGroupWithoutARequiredPropertyIsRefusedNamingIt(String missing) {
        String body = "{\"displayName\":\"Pilot\",\"mailEnabled\":false,\"mailNickname\":\"pilot\","
                + "\"securityEnabled\":true}";
        String without = body.replaceAll("\"" + missing + "\":[^,}]+,?", "").replace(",}", "}");

        assertRefused(api.post(GROUPS, without), 400, REQUIRED.formatted(missing));
        assertThat(api.get(GROUPS).json().get("value")).isEmpty();
    }

    @Test
    void aMailEnabledSecurityGroupIsRefusedAsGraphRefusesIt() {
        assertRefused(api.post(GROUPS, "{\"displayName\":\"Mail\",\"mailEnabled\":true,\"mailNickname\":\"mail\","
                + "\"securityEnabled\":true}"), 400, "The service does not currently support writes of "
                + "mail-enabled groups. Please ensure that the mail-enablement property is unset and the "
                + "security-enablement property is set.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a@b", "semi;colon", "par(en", "back\\\\slash", "quote\\\"d", "comma,"})
    void aMailNicknameOfWhitespaceOrReservedCharactersIsRefused(String nickname) {
        assertRefused(api.post(GROUPS, "{\"displayName\":\"Pilot\",\"mailEnabled\":false,\"mailNickname\":\""
                        + nickname + "\",\"securityEnabled\":true}"), 400,
                "Invalid value specified for property 'mailNickname' of resource 'Group'.");
    }

    @Test
    void aMailNicknameOfSixtyFiveCharactersIsRefusedAndOfSixtyFourTaken() {
        String body = "{\"displayName\":\"Long\",\"mailEnabled\":false,\"mailNickname\":\"%s\","
                + "\"securityEnabled\":true}";

        assertRefused(api.post(GROUPS, body.formatted("n".repeat(65))), 400,
                "Invalid value specified for property 'mailNickname' of resource 'Group'.");
        assertThat(api.post(GROUPS, body.formatted("n".repeat(64))).status()).isEqualTo(201);
    }

    @Test
    void aUnifiedGroupsNicknameIsUniqueAmongUnifiedGroupsIgnoringCaseButSecurityGroupsMayShareIt() {
        unifiedGroup(api, "Sales");
        String body = "{\"displayName\":\"Sales 2\",\"mailEnabled\":%s,\"mailNickname\":\"SALES\","
                + "\"securityEnabled\":%s,\"groupTypes\":%s}";

        assertRefused(api.post(GROUPS, body.formatted("true", "false", "[\"Unified\"]")), 400,
                "Another object with the same value for property mailNickname already exists.");
        assertThat(api.post(GROUPS, body.formatted("false", "true", "[]")).status()).isEqualTo(201);
    }

    @Test
    void anUnknownPropertyIsRefusedNamingIt() {
        assertRefusedNaming(api.post(GROUPS, "{\"displayName\":\"Pilot\",\"mailEnabled\":false,"
                + "\"mailNickname\":\"pilot\",\"securityEnabled\":true,\"visibility\":\"Private\"}"), 400,
                "visibility");
        String id = securityGroup(api, "Pilot");
        assertRefusedNaming(api.patch(GROUPS + "/" + id, "{\"securityEnabled\":false}"), 400, "securityEnabled");
    }

    @Test
    void membersBoundOnCreateAreMembersAtOnce() {
        String ada = user(api, "ada@contoso.test");

        String id = created(api.post(GROUPS, "{\"displayName\":\"Bound\",\"mailEnabled\":false,"
                + "\"mailNickname\":\"bound\",\"securityEnabled\":true,\"members@odata.bind\":["
                + "\"https://graph.microsoft.com/beta/directoryObjects/" + ada + "\"],\"owners@odata.bind\":["
                + "\"https://graph.microsoft.com/v1.0/users/" + ada + "\"]}"));

        assertRefused(addMember(api, id, ada), 400, "One or more added object references already exist for the "
                + "following modified properties: 'members'.");
    }

    @Test
    void aCreateBindingAMissingObjectCreatesNothing() {
        String ada = user(api, "ada@contoso.test");

        assertNotFound(api.post(GROUPS, "{\"displayName\":\"Bound\",\"mailEnabled\":false,"
                + "\"mailNickname\":\"bound\",\"securityEnabled\":true,\"members@odata.bind\":["
                + "\"https://graph.microsoft.com/beta/users/" + ada + "\","
                + "\"https://graph.microsoft.com/beta/users/" + MISSING + "\"]}"), MISSING);
        assertThat(api.get(GROUPS).json().get("value")).isEmpty();
    }

    @Test
    void aPatchBindsUpToTwentyMembersAllOrNothing() {
        String id = securityGroup(api, "Pilot");
        List<String> users = IntStream.range(0, 21).mapToObj(i -> user(api, "u" + i + "@contoso.test")).toList();

        assertRefusedNaming(api.patch(GROUPS + "/" + id, bind(users)), 400, "20");
        assertNotFound(api.patch(GROUPS + "/" + id, bind(List.of(users.get(0), MISSING))), MISSING);
        assertThat(addMember(api, id, users.get(0)).status()).as("not added by the refused PATCH").isEqualTo(204);

        assertThat(api.patch(GROUPS + "/" + id, bind(users.subList(1, 21))).status()).isEqualTo(204);
        assertThat(addMember(api, id, users.get(20)).status()).isEqualTo(400);
    }

    @Test
    void aBindThatIsNoGraphUrlOfAnObjectIsRefused() {
        String id = securityGroup(api, "Pilot");

        assertRefusedNaming(api.patch(GROUPS + "/" + id, "{\"members@odata.bind\":[\"" + MISSING + "\"]}"), 400,
                "@odata.bind");
        assertRefusedNaming(api.patch(GROUPS + "/" + id,
                "{\"members@odata.bind\":[\"https://evil.example/beta/users/" + MISSING + "\"]}"), 400,
                "@odata.bind");
    }

    @Test
    void aPatchChangesNameDescriptionAndNicknameAndAnswers204() {
        String id = securityGroup(api, "Pilot");

        Reply patched = api.patch(GROUPS + "/" + id,
                "{\"displayName\":\"Pilot 2\",\"description\":\"changed\",\"mailNickname\":\"pilot2\"}");

        assertThat(patched.status()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();
        JsonNode group = api.get(GROUPS + "/" + id).json();
        assertThat(group.get("displayName").asText()).isEqualTo("Pilot 2");
        assertThat(group.get("description").asText()).isEqualTo("changed");
        assertThat(group.get("mailNickname").asText()).isEqualTo("pilot2");
    }

    @Test
    void aPatchCannotTakeAUnifiedGroupsNicknameFromAnother() {
        unifiedGroup(api, "Sales");
        String other = unifiedGroup(api, "Marketing");

        assertRefused(api.patch(GROUPS + "/" + other, "{\"mailNickname\":\"sales\"}"), 400,
                "Another object with the same value for property mailNickname already exists.");
    }

    @Test
    void aDeletedGroupIsGone() {
        String id = securityGroup(api, "Pilot");

        assertThat(api.delete(GROUPS + "/" + id).status()).isEqualTo(204);

        assertNotFound(api.get(GROUPS + "/" + id), id);
        assertNotFound(api.delete(GROUPS + "/" + id), id);
    }

    @Test
    void aDeletedGroupLeavesItsParent() {
        String parent = securityGroup(api, "Parent");
        String child = securityGroup(api, "Child");
        assertThat(addMember(api, parent, child).status()).isEqualTo(204);

        assertThat(api.delete(GROUPS + "/" + child).status()).isEqualTo(204);

        assertNotFound(api.delete(GROUPS + "/" + parent + "/members/" + child + "/$ref"), child);
    }

    @Test
    void anUnknownGroupIsNotFoundOnEveryRoute() {
        assertNotFound(api.get(GROUPS + "/" + MISSING), MISSING);
        assertNotFound(api.patch(GROUPS + "/" + MISSING, "{\"displayName\":\"x\"}"), MISSING);
        assertNotFound(api.delete(GROUPS + "/" + MISSING), MISSING);
        assertNotFound(addMember(api, MISSING, MISSING), MISSING);
    }

    @Test
    void aUserIsNoGroup() {
        String ada = user(api, "ada@contoso.test");

        assertNotFound(api.get(GROUPS + "/" + ada), ada);
        assertNotFound(api.delete(GROUPS + "/" + ada), ada);
        assertThat(api.get(Directory.USERS + "/" + ada).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12345678-1234-1234-1234-12345678901", "not-a-guid-at-all"})
    void aMalformedIdIsRefusedAsAnInvalidObjectIdentifier(String id) {
        assertRefused(api.get(GROUPS + "/" + id), 400, "Invalid object identifier '" + id + "'.");
        assertRefused(api.patch(GROUPS + "/" + id, "{}"), 400, "Invalid object identifier '" + id + "'.");
        assertRefused(api.delete(GROUPS + "/" + id), 400, "Invalid object identifier '" + id + "'.");
    }

    private static String bind(List<String> ids) {
        return ids.stream().map(id -> "\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"")
                .collect(Collectors.joining(",", "{\"members@odata.bind\":[", "]}"));
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
