package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.util.UUID;

/** The directory's paths, objects made through its routes, and its refusals as a client sees them. */
final class Directory {
    static final String GROUPS = "/beta/groups";
    static final String USERS = "/beta/users";
    static final String DEVICES = "/beta/devices";
    static final String MISSING = "0f0f0f0f-0000-4000-8000-00000000abcd";

    private Directory() {
    }

    static String securityGroup(GraphApi api, String displayName) {
        return created(api.post(GROUPS, "{\"displayName\":\"" + displayName + "\",\"mailEnabled\":false,"
                + "\"mailNickname\":\"" + nickname(displayName) + "\",\"securityEnabled\":true}"));
    }

    static String unifiedGroup(GraphApi api, String displayName) {
        return created(api.post(GROUPS, "{\"displayName\":\"" + displayName + "\",\"mailEnabled\":true,"
                + "\"mailNickname\":\"" + nickname(displayName) + "\",\"securityEnabled\":false,"
                + "\"groupTypes\":[\"Unified\"]}"));
    }

    static String dynamicGroup(GraphApi api, String displayName) {
        return created(api.post(GROUPS, "{\"displayName\":\"" + displayName + "\",\"mailEnabled\":false,"
                + "\"mailNickname\":\"" + nickname(displayName) + "\",\"securityEnabled\":true,"
                + "\"groupTypes\":[\"DynamicMembership\"],"
                + "\"membershipRule\":\"(device.deviceOSType -eq \\\"Windows\\\")\"}"));
    }

    static String user(GraphApi api, String userPrincipalName) {
        String nickname = userPrincipalName.split("@")[0];
        return created(api.post(USERS, "{\"accountEnabled\":true,\"displayName\":\"" + nickname + "\","
                + "\"mailNickname\":\"" + nickname + "\",\"userPrincipalName\":\"" + userPrincipalName + "\","
                + "\"passwordProfile\":{\"password\":\"xWwvJ]6NMw+bWH-d\"}}"));
    }

    static String device(GraphApi api, String displayName) {
        return created(api.post(DEVICES, "{\"accountEnabled\":true,\"deviceId\":\"" + UUID.randomUUID() + "\","
                + "\"displayName\":\"" + displayName + "\",\"operatingSystem\":\"Windows\","
                + "\"operatingSystemVersion\":\"10.0.22631.4460\",\"alternativeSecurityIds\":[]}"));
    }

    /** A $ref body naming the object as most clients do. */
    static String reference(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }

    static Reply addMember(GraphApi api, String groupId, String memberId) {
        return api.post(GROUPS + "/" + groupId + "/members/$ref", reference(memberId));
    }

    /** The directory's refusal: its own code for the status, and exactly this message. */
    static void assertRefused(Reply reply, int status, String message) {
        assertGraphError(reply, status, codeOf(status), message);
        assertThat(reply.json().get("error").get("message").asText()).isEqualTo(message);
    }

    /** The directory's refusal, its message naming each of {@code named}. */
    static void assertRefusedNaming(Reply reply, int status, String... named) {
        assertGraphError(reply, status, codeOf(status), named);
    }

    static void assertNotFound(Reply reply, String id) {
        assertRefused(reply, 404, "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "Request_BadRequest";
            case 403 -> "Authorization_RequestDenied";
            case 404 -> "Request_ResourceNotFound";
            default -> throw new IllegalArgumentException("The directory refuses with 400, 403 or 404: " + status);
        };
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    private static String nickname(String displayName) {
        return displayName.replaceAll("[^A-Za-z0-9]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
