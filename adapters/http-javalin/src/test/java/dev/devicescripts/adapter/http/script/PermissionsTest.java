package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.support.GraphApi.GROUP;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.TENANT;
import static dev.devicescripts.adapter.http.support.GraphApi.token;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.domain.TenantId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** graph-api.md's permission table, row by row, for delegated (scp) and application (roles) tokens. */
class PermissionsTest {
    private static final String ASSIGN_GROUP = "{\"deviceManagementScriptGroupAssignments\":[{\"targetGroupId\":\""
            + GROUP + "\"}]}";

    private final GraphApi api = GraphApi.start();

    @AfterEach
    void stop() {
        api.close();
    }

    static Stream<Arguments> readPermissions() {
        return tokensFor("DeviceManagementScripts.Read.All", "DeviceManagementScripts.ReadWrite.All",
                "DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All");
    }

    static Stream<Arguments> writePermissions() {
        return tokensFor("DeviceManagementScripts.ReadWrite.All", "DeviceManagementConfiguration.ReadWrite.All");
    }

    static Stream<Arguments> readOnlyPermissions() {
        return tokensFor("DeviceManagementScripts.Read.All", "DeviceManagementConfiguration.Read.All");
    }

    /** Each permission once as a delegated token's scope and once as an application token's role. */
    private static Stream<Arguments> tokensFor(String... permissions) {
        return Stream.of(permissions).flatMap(permission -> Stream.of(
                Arguments.of("delegated " + permission, token(TENANT, List.of(permission), List.of())),
                Arguments.of("application " + permission, token(TENANT, List.of(), List.of(permission)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readPermissions")
    void eachReadPermissionReadsEveryRoute(String name, String token) {
        String id = api.assignedScript();
        GraphApi reader = api.as(token);

        assertThat(reader.get(SCRIPTS).status()).isEqualTo(200);
        assertThat(reader.get(SCRIPTS + "/$count").body()).isEqualTo("1");
        assertThat(reader.get(SCRIPTS + "/" + id).status()).isEqualTo(200);
        assertThat(reader.get(SCRIPTS + "/" + id + "/assignments").status()).isEqualTo(200);
        assertThat(reader.get(SCRIPTS + "/" + id + "/assignments/" + id + ":" + GROUP).status()).isEqualTo(200);
        assertThat(reader.get(SCRIPTS + "/" + id + "/groupAssignments").status()).isEqualTo(200);
        assertThat(reader.get(SCRIPTS + "/" + id + "/groupAssignments/" + id + ":" + GROUP).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writePermissions")
    void eachReadWritePermissionCreatesPatchesAssignsAndDeletes(String name, String token) {
        GraphApi writer = api.as(token);

        String id = writer.createScript("Written");
        assertThat(writer.patch(SCRIPTS + "/" + id, "{\"description\":\"changed\"}").status()).isEqualTo(204);
        assertThat(writer.post(SCRIPTS + "/" + id + "/assign", ASSIGN_GROUP).status()).isEqualTo(204);
        assertThat(writer.delete(SCRIPTS + "/" + id).status()).isEqualTo(204);
        assertThat(api.count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readOnlyPermissions")
    void aReadOnlyPermissionIsForbiddenEveryWriteWhichChangesNothing(String name, String token) {
        String id = api.assignedScript();
        JsonNode scriptBefore = api.script(id);
        JsonNode assignmentsBefore = api.assignmentsOf(id);
        GraphApi reader = api.as(token);

        String claim = name.startsWith("delegated") ? "scp" : "roles";
        assertForbidden(reader.post(SCRIPTS, "{\"displayName\":\"Mine\"}"), claim);
        assertForbidden(reader.patch(SCRIPTS + "/" + id, "{\"displayName\":\"Mine\"}"), claim);
        assertForbidden(reader.post(SCRIPTS + "/" + id + "/assign", "{}"), claim);
        assertForbidden(reader.delete(SCRIPTS + "/" + id), claim);

        assertThat(api.count()).isEqualTo(1);
        assertThat(api.script(id)).isEqualTo(scriptBefore);
        assertThat(api.assignmentsOf(id)).isEqualTo(assignmentsBefore);
    }

    @Test
    void aTokenWithoutAnyDeviceManagementPermissionIsForbiddenAndToldWhichRolesWouldDo() {
        GraphApi stranger = api.as(token(TENANT, List.of(), List.of("User.Read.All")));

        assertGraphError(stranger.get(SCRIPTS), 403, "Forbidden", "roles", "DeviceManagementScripts.Read.All",
                "DeviceManagementConfiguration.ReadWrite.All");
    }

    @Test
    void personalMicrosoftAccountsAreForbiddenEvenWithEveryPermission() {
        TenantId personal = TenantId.of("9188040d-6c67-4c5b-b112-36a304b66dad");
        GraphApi consumer = api.as(token(personal, List.of("DeviceManagementScripts.ReadWrite.All",
                "DeviceManagementConfiguration.ReadWrite.All"), List.of()));

        assertGraphError(consumer.get(SCRIPTS), 403, "Forbidden", "Personal Microsoft accounts");
        assertGraphError(consumer.post(SCRIPTS, "{\"displayName\":\"Mine\"}"), 403, "Forbidden",
                "Personal Microsoft accounts");
    }

    /** Forbidden, naming the claim the permissions belong in and the permissions that would allow the write. */
    private static void assertForbidden(Reply reply, String claim) {
        assertGraphError(reply, 403, "Forbidden", claim + " claim", "DeviceManagementScripts.ReadWrite.All",
                "DeviceManagementConfiguration.ReadWrite.All");
    }
}
