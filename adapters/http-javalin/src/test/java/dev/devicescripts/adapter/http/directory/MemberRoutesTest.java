package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.GROUPS;
import static dev.devicescripts.adapter.http.directory.Directory.MISSING;
import static dev.devicescripts.adapter.http.directory.Directory.addMember;
import static dev.devicescripts.adapter.http.directory.Directory.assertNotFound;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefused;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefusedNaming;
import static dev.devicescripts.adapter.http.directory.Directory.device;
import static dev.devicescripts.adapter.http.directory.Directory.dynamicGroup;
import static dev.devicescripts.adapter.http.directory.Directory.securityGroup;
import static dev.devicescripts.adapter.http.directory.Directory.unifiedGroup;
import static dev.devicescripts.adapter.http.directory.Directory.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.GraphApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code members/$ref} (spec 1.1): adding and removing members, and every member rule's refusal. */
class MemberRoutesTest {
    private static final String ALREADY_MEMBER =
            "One or more added object references already exist for the following modified properties: 'members'.";

    private final GraphApi server = GraphApi.start();
    private final GraphApi api = server.as(GraphApi.DIRECTORY_ADMIN_TOKEN);

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://graph.microsoft.com/beta/directoryObjects/",
            "https://graph.microsoft.com/v1.0/directoryObjects/", "https://graph.microsoft.com/v1.0/users/",
            "https://graph.microsoft.com/beta/users/", "HTTPS://GRAPH.MICROSOFT.COM/V1.0/Users/"})
    void aUserIsAddedByEveryUrlFormClientsSendAndASecondAddIsRefusedByteForByte(String url) {
        String group = securityGroup(api, "Pilot");
        String ada = user(api, "ada@contoso.test");
        String members = GROUPS + "/" + group + "/members/$ref";

        assertThat(api.post(members, "{\"@odata.id\":\"" + url + ada + "\"}").status()).isEqualTo(204);

        assertRefused(api.post(members, "{\"@odata.id\":\"" + url + ada + "\"}"), 400, ALREADY_MEMBER);
    }

    @Test
    void groupsAndDevicesAreAddedByTheirOwnUrlsAndByThisServersUrl() {
        String group = securityGroup(api, "Pilot");
        String nested = securityGroup(api, "Nested");
        String laptop = device(api, "LAB-042");
        String members = GROUPS + "/" + group + "/members/$ref";

        assertThat(api.post(members, "{\"@odata.id\":\"https://graph.microsoft.com/beta/groups/" + nested + "\"}")
                .status()).isEqualTo(204);
        assertThat(api.post(members, "{\"@odata.id\":\"" + api.url("/beta/devices/" + laptop) + "\"}").status())
                .isEqualTo(204);
        assertRefused(addMember(api, group, laptop), 400, ALREADY_MEMBER);
        assertRefused(addMember(api, group, nested), 400, ALREADY_MEMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0f0f0f0f-0000-4000-8000-00000000abcd", "/beta/users/0f0f0f0f-0000-4000-8000-00000000abcd",
            "https://graph.microsoft.com/beta/applications/0f0f0f0f-0000-4000-8000-00000000abcd",
            "https://evil.example/beta/users/0f0f0f0f-0000-4000-8000-00000000abcd",
            "https://graph.microsoft.com/beta/users/"})
    void anOdataIdThatIsNoAbsoluteGraphUrlOfAnObjectIsRefused(String url) {
        String group = securityGroup(api, "Pilot");

        assertRefusedNaming(api.post(GROUPS + "/" + group + "/members/$ref", "{\"@odata.id\":\"" + url + "\"}"),
                400, "@odata.id");
    }

    @Test
    void aReferenceBodyWithoutOdataIdOrWithMoreIsRefused() {
        String group = securityGroup(api, "Pilot");
        String ada = user(api, "ada@contoso.test");

        assertRefusedNaming(api.post(GROUPS + "/" + group + "/members/$ref", "{}"), 400, "@odata.id");
        assertRefusedNaming(api.post(GROUPS + "/" + group + "/members/$ref", "{\"@odata.id\":\""
                + "https://graph.microsoft.com/beta/users/" + ada + "\",\"id\":\"" + ada + "\"}"), 400, "id");
    }

    @Test
    void aMissingMemberOrGroupIsNotFoundAndAMalformedOneRefused() {
        String group = securityGroup(api, "Pilot");

        assertNotFound(addMember(api, group, MISSING), MISSING);
        assertNotFound(addMember(api, MISSING, group), MISSING);
        assertRefused(api.post(GROUPS + "/" + group + "/members/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/beta/users/bob\"}"), 400,
                "Invalid object identifier 'bob'.");
    }

    @Test
    void aUnifiedGroupTakesOnlyUsers() {
        String unified = unifiedGroup(api, "Sales");

        assertThat(addMember(api, unified, user(api, "ada@contoso.test")).status()).isEqualTo(204);
        assertRefusedNaming(addMember(api, unified, device(api, "LAB-042")), 400, "Unified");
        assertRefusedNaming(addMember(api, unified, securityGroup(api, "Pilot")), 400, "Unified");
    }

    @Test
    void aUnifiedGroupIsNoMemberOfASecurityGroup() {
        assertRefusedNaming(addMember(api, securityGroup(api, "Pilot"), unifiedGroup(api, "Sales")), 400,
                "Unified");
    }

    @Test
    void aGroupIsNoMemberOfItselfButLongerCyclesAreAccepted() {
        String a = securityGroup(api, "A");
        String b = securityGroup(api, "B");

        assertRefused(addMember(api, a, a), 400, "A group cannot be a member of itself.");
        assertThat(addMember(api, a, b).status()).isEqualTo(204);
        assertThat(addMember(api, b, a).status()).isEqualTo(204);
    }

    @Test
    void aDynamicGroupRefusesMemberWritesAndBindsOnCreate() {
        String dynamic = dynamicGroup(api, "Windows devices");
        String laptop = device(api, "LAB-042");

        assertRefusedNaming(addMember(api, dynamic, laptop), 400, "dynamic");
        assertRefusedNaming(api.delete(GROUPS + "/" + dynamic + "/members/" + laptop + "/$ref"), 400, "dynamic");
        assertRefusedNaming(api.post(GROUPS, "{\"displayName\":\"D\",\"mailEnabled\":false,\"mailNickname\":\"d\","
                + "\"securityEnabled\":true,\"groupTypes\":[\"DynamicMembership\"],\"membershipRule\":\"x\","
                + "\"members@odata.bind\":[\"https://graph.microsoft.com/beta/devices/" + laptop + "\"]}"), 400,
                "dynamic");
    }

    @Test
    void aRemovedMemberCanBeAddedAgainAndRemovingANonMemberIsNotFound() {
        String group = securityGroup(api, "Pilot");
        String ada = user(api, "ada@contoso.test");
        addMember(api, group, ada);

        assertThat(api.delete(GROUPS + "/" + group + "/members/" + ada + "/$ref").status()).isEqualTo(204);

        assertNotFound(api.delete(GROUPS + "/" + group + "/members/" + ada + "/$ref"), ada);
        assertThat(addMember(api, group, ada).status()).isEqualTo(204);
    }

    @Test
    void aDeletedUserLeavesEveryGroup() {
        String pilot = securityGroup(api, "Pilot");
        String sales = unifiedGroup(api, "Sales");
        String ada = user(api, "ada@contoso.test");
        addMember(api, pilot, ada);
        addMember(api, sales, ada);

        assertThat(api.delete(Directory.USERS + "/" + ada).status()).isEqualTo(204);

        for (String group : List.of(pilot, sales)) {
            assertNotFound(api.delete(GROUPS + "/" + group + "/members/" + ada + "/$ref"), ada);
        }
    }

    @Test
    void addingADeviceAlsoTakesThePermissionToWriteDevices() {
        String group = securityGroup(api, "Pilot");
        String laptop = device(api, "LAB-042");
        GraphApi memberWriter = server.as(GraphApi.token(GraphApi.TENANT, List.of("GroupMember.ReadWrite.All"),
                List.of()));

        assertThat(addMember(memberWriter, group, user(api, "ada@contoso.test")).status()).isEqualTo(204);
        assertRefusedNaming(addMember(memberWriter, group, laptop), 403, "Device.ReadWrite.All");

        GraphApi deviceWriter = server.as(GraphApi.token(GraphApi.TENANT,
                List.of("GroupMember.ReadWrite.All", "Device.ReadWrite.All"), List.of()));
        assertThat(addMember(deviceWriter, group, laptop).status()).isEqualTo(204);
    }
}
