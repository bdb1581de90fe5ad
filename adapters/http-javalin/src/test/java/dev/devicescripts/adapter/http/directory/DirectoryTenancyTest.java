package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.DEVICES;
import static dev.devicescripts.adapter.http.directory.Directory.GROUPS;
import static dev.devicescripts.adapter.http.directory.Directory.USERS;
import static dev.devicescripts.adapter.http.directory.Directory.addMember;
import static dev.devicescripts.adapter.http.directory.Directory.assertNotFound;
import static dev.devicescripts.adapter.http.directory.Directory.device;
import static dev.devicescripts.adapter.http.directory.Directory.securityGroup;
import static dev.devicescripts.adapter.http.directory.Directory.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.domain.TenantId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Another tenant's users, groups and devices do not exist for a caller on any route; nothing of them changes. */
class DirectoryTenancyTest {
    private static final TenantId OTHER_TENANT = TenantId.of("99999999-8888-7777-6666-555555555555");

    private final GraphApi server = GraphApi.start();
    private final GraphApi api = server.as(GraphApi.DIRECTORY_ADMIN_TOKEN);
    private final GraphApi otherTenant = server.as(GraphApi.token(OTHER_TENANT, List.of("Directory.ReadWrite.All"),
            List.of()));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anotherTenantsGroupIsNotFoundOnEveryRouteAndKeepsItsMembers() {
        String group = securityGroup(api, "Pilot");
        String ada = user(api, "ada@contoso.test");
        addMember(api, group, ada);
        String theirs = securityGroup(otherTenant, "Theirs");
        String theirUser = user(otherTenant, "ada@fabrikam.test");

        assertNotFound(otherTenant.get(GROUPS + "/" + group), group);
        assertNotFound(otherTenant.patch(GROUPS + "/" + group, "{\"displayName\":\"Theirs\"}"), group);
        assertNotFound(otherTenant.delete(GROUPS + "/" + group), group);
        assertNotFound(addMember(otherTenant, group, theirUser), group);
        assertNotFound(addMember(otherTenant, theirs, ada), ada);
        assertNotFound(otherTenant.delete(GROUPS + "/" + group + "/members/" + ada + "/$ref"), group);
        assertThat(otherTenant.get(GROUPS).json().get("value").findValuesAsText("id")).containsExactly(theirs);

        assertThat(api.get(GROUPS + "/" + group).json().get("displayName").asText()).isEqualTo("Pilot");
        assertThat(addMember(api, group, ada).status()).as("still a member").isEqualTo(400);
    }

    @Test
    void anotherTenantsUsersAndDevicesAreNotFoundOnEveryRoute() {
        String ada = user(api, "ada@contoso.test");
        String laptop = device(api, "LAB-042");
        String deviceId = api.get(DEVICES + "/" + laptop).json().get("deviceId").asText();

        assertNotFound(otherTenant.get(USERS + "/" + ada), ada);
        assertNotFound(otherTenant.get(USERS + "/ada@contoso.test"), "ada@contoso.test");
        assertNotFound(otherTenant.patch(USERS + "/" + ada, "{\"displayName\":\"Theirs\"}"), ada);
        assertNotFound(otherTenant.delete(USERS + "/" + ada), ada);
        assertNotFound(otherTenant.get(DEVICES + "/" + laptop), laptop);
        assertNotFound(otherTenant.get(DEVICES + "(deviceId='" + deviceId + "')"), deviceId);
        assertNotFound(otherTenant.patch(DEVICES + "/" + laptop, "{\"displayName\":\"Theirs\"}"), laptop);
        assertNotFound(otherTenant.delete(DEVICES + "/" + laptop), laptop);
        assertThat(otherTenant.get(USERS).json().get("value")).isEmpty();
        assertThat(otherTenant.get(DEVICES).json().get("value")).isEmpty();

        assertThat(api.get(USERS + "/" + ada).json().get("displayName").asText()).isEqualTo("ada");
        assertThat(api.get(DEVICES + "/" + laptop).json().get("displayName").asText()).isEqualTo("LAB-042");
    }

    @Test
    void eachTenantMayHaveItsOwnUserOfTheSamePrincipalName() {
        user(api, "ada@contoso.test");

        assertThat(otherTenant.post(USERS, "{\"accountEnabled\":true,\"displayName\":\"Ada\",\"mailNickname\":\"ada\","
                + "\"userPrincipalName\":\"ada@contoso.test\",\"passwordProfile\":{\"password\":\"p\"}}").status())
                .isEqualTo(201);
    }
}
