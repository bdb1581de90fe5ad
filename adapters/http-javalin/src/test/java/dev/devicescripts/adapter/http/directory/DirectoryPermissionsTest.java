package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.DEVICES;
import static dev.devicescripts.adapter.http.directory.Directory.GROUPS;
import static dev.devicescripts.adapter.http.directory.Directory.USERS;
import static dev.devicescripts.adapter.http.directory.Directory.addMember;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefusedNaming;
import static dev.devicescripts.adapter.http.directory.Directory.device;
import static dev.devicescripts.adapter.http.directory.Directory.securityGroup;
import static dev.devicescripts.adapter.http.directory.Directory.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec's permission tables for groups, users and devices (1.1, 1.2, 1.3.1), cell by cell: every operation with
 * every directory permission alone, as a delegated scope and as an application role. A permission outside its
 * operation's cell is refused 403, naming the permissions that would do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryPermissionsTest {
    private static final List<String> PERMISSIONS = List.of("GroupMember.Read.All", "Group.Read.All",
            "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Group.Create", "Directory.Read.All",
            "Directory.ReadWrite.All", "User.Read.All", "User.ReadWrite.All", "Device.Read.All",
            "Device.ReadWrite.All", "DeviceManagementScripts.ReadWrite.All");
    private static final List<String> GROUP_READ = List.of("GroupMember.Read.All", "Group.Read.All",
            "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    private static final List<String> GROUP_CREATE = List.of("Group.Create", "Group.ReadWrite.All",
            "Directory.ReadWrite.All");
    private static final List<String> GROUP_WRITE = List.of("Group.ReadWrite.All", "Directory.ReadWrite.All");
    private static final List<String> MEMBER_WRITE = List.of("GroupMember.ReadWrite.All", "Group.ReadWrite.All",
            "Directory.ReadWrite.All");
    private static final List<String> USER_READ = List.of("User.Read.All", "User.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All");
    private static final List<String> USER_WRITE = List.of("User.ReadWrite.All", "Directory.ReadWrite.All");
    private static final List<String> DEVICE_READ = List.of("Device.Read.All", "Device.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All");
    private static final List<String> DEVICE_WRITE = List.of("Device.ReadWrite.All", "Directory.ReadWrite.All");

    private final GraphApi server = GraphApi.start();
    private final GraphApi admin = server.as(GraphApi.DIRECTORY_ADMIN_TOKEN);

    /** Each operation, with what it needs made first by the admin, and the permissions that allow it. */
    private record Operation(List<String> allowedBy, int success, Function<GraphApi, Reply> request) {
    }

    private Map<String, Operation> operations() {
        return Map.ofEntries(
                Map.entry("list groups", new Operation(GROUP_READ, 200, caller -> caller.get(GROUPS))),
                Map.entry("get a group", new Operation(GROUP_READ, 200,
                        caller -> caller.get(GROUPS + "/" + securityGroup(admin, "G")))),
                Map.entry("create a group", new Operation(GROUP_CREATE, 201, caller -> caller.post(GROUPS,
                        "{\"displayName\":\"New\",\"mailEnabled\":false,\"mailNickname\":\"new\","
                                + "\"securityEnabled\":true}"))),
                Map.entry("update a group", new Operation(GROUP_WRITE, 204, caller -> caller.patch(
                        GROUPS + "/" + securityGroup(admin, "G"), "{\"description\":\"changed\"}"))),
                Map.entry("delete a group", new Operation(GROUP_WRITE, 204,
                        caller -> caller.delete(GROUPS + "/" + securityGroup(admin, "G")))),
                Map.entry("add a member", new Operation(MEMBER_WRITE, 204,
                        caller -> addMember(caller, securityGroup(admin, "G"), newUser()))),
                Map.entry("remove a member", new Operation(MEMBER_WRITE, 204, caller -> {
                    String group = securityGroup(admin, "G");
                    String member = newUser();
                    addMember(admin, group, member);
                    return caller.delete(GROUPS + "/" + group + "/members/" + member + "/$ref");
                })),
                Map.entry("list users", new Operation(USER_READ, 200, caller -> caller.get(USERS))),
                Map.entry("get a user", new Operation(USER_READ, 200, caller -> caller.get(USERS + "/" + newUser()))),
                Map.entry("create a user", new Operation(USER_WRITE, 201, caller -> caller.post(USERS,
                        "{\"accountEnabled\":true,\"displayName\":\"N\",\"mailNickname\":\"n\",\"userPrincipalName\":\""
                                + UUID.randomUUID() + "@contoso.test\",\"passwordProfile\":{\"password\":\"p\"}}"))),
                Map.entry("update a user", new Operation(USER_WRITE, 204,
                        caller -> caller.patch(USERS + "/" + newUser(), "{\"displayName\":\"changed\"}"))),
                Map.entry("delete a user", new Operation(USER_WRITE, 204,
                        caller -> caller.delete(USERS + "/" + newUser()))),
                Map.entry("list devices", new Operation(DEVICE_READ, 200, caller -> caller.get(DEVICES))),
                Map.entry("get a device", new Operation(DEVICE_READ, 200,
                        caller -> caller.get(DEVICES + "/" + device(admin, "D")))),
                Map.entry("create a device", new Operation(DEVICE_WRITE, 201, caller -> caller.post(DEVICES,
                        "{\"accountEnabled\":true,\"deviceId\":\"" + UUID.randomUUID() + "\",\"displayName\":\"D\","
                                + "\"operatingSystem\":\"Windows\",\"operatingSystemVersion\":\"10.0\"}"))),
                Map.entry("update a device", new Operation(DEVICE_WRITE, 204,
                        caller -> caller.patch(DEVICES + "/" + device(admin, "D"), "{\"displayName\":\"E\"}"))),
                Map.entry("delete a device", new Operation(DEVICE_WRITE, 204,
                        caller -> caller.delete(DEVICES + "/" + device(admin, "D")))));
    }

    Stream<Arguments> cells() {
        return operations().keySet().stream().sorted().flatMap(operation -> PERMISSIONS.stream().flatMap(permission ->
                Stream.of(Arguments.of(operation, "delegated", permission),
                        Arguments.of(operation, "application", permission))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} with the {1} permission {2}")
    @MethodSource("cells")
    void eachOperationIsAllowedByExactlyThePermissionsOfItsCell(String name, String kind, String permission) {
        Operation operation = operations().get(name);
        boolean delegated = kind.equals("delegated");
        GraphApi caller = server.as(GraphApi.token(GraphApi.TENANT, delegated ? List.of(permission) : List.of(),
                delegated ? List.of() : List.of(permission)));

        Reply reply = operation.request().apply(caller);

        if (operation.allowedBy().contains(permission)) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(operation.success());
        } else {
            assertRefusedNaming(reply, 403, (delegated ? "scp" : "roles") + " claim", operation.allowedBy().get(0));
        }
    }

    private String newUser() {
        return user(admin, UUID.randomUUID() + "@contoso.test");
    }
}
