package dev.devicescripts.adapter.http.directory;

import dev.devicescripts.adapter.http.graph.JsonObjectReader;
import dev.devicescripts.application.port.in.DeviceUseCases.DevicePatch;
import dev.devicescripts.application.port.in.DeviceUseCases.NewDevice;
import dev.devicescripts.application.port.in.GroupUseCases.GroupPatch;
import dev.devicescripts.application.port.in.GroupUseCases.NewGroup;
import dev.devicescripts.application.port.in.UserUseCases.NewUser;
import dev.devicescripts.application.port.in.UserUseCases.UserPatch;
import dev.devicescripts.domain.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Request bodies of the directory's routes as commands. Whatever a body holds beyond the properties read here is
 * refused, naming it; the values are judged by the use cases, which word their refusals as the directory does.
 */
final class DirectoryRequests {
    static final String GROUP = "microsoft.graph.group";
    static final String USER = "microsoft.graph.user";
    static final String DEVICE = "microsoft.graph.device";
    static final String MEMBERS_BIND = "members@odata.bind";
    private static final String OWNERS_BIND = "owners@odata.bind";
    /** What clients send back from a GET: the server sets these, and drops them here. */
    private static final String[] SERVER_SET = {"id", "createdDateTime", "deletedDateTime"};

    private DirectoryRequests() {
    }

    /** @param ownBase this server's base URL, which references may name objects under */
    static NewGroup newGroup(JsonObjectReader json, String ownBase) {
        json.allowOdataType(GROUP);
        json.ignore(SERVER_SET);
        json.ignore("mail");
        NewGroup group = new NewGroup(json.string("displayName"), json.string("description"),
                json.bool("mailEnabled"), json.string("mailNickname"), json.bool("securityEnabled"),
                groupTypes(json), json.string("membershipRule"), json.string("membershipRuleProcessingState"),
                DirectoryReferences.keys(json.strings(MEMBERS_BIND), ownBase, "members"),
                DirectoryReferences.keys(json.strings(OWNERS_BIND), ownBase, "owners"));
        json.rejectUnknown(GROUP);
        return group;
    }

    static GroupPatch groupPatch(JsonObjectReader json, String ownBase) {
        json.allowOdataType(GROUP);
        json.ignore(SERVER_SET);
        GroupPatch patch = new GroupPatch(json.change("displayName", json::string),
                json.change("description", json::string), json.change("mailNickname", json::string),
                DirectoryReferences.keys(json.strings(MEMBERS_BIND), ownBase, "members"));
        json.rejectUnknown("a group's PATCH, which changes displayName, description, mailNickname and "
                + MEMBERS_BIND);
        return patch;
    }

    /** The object a {@code $ref} body's {@code @odata.id} names. */
    static String reference(JsonObjectReader json, String ownBase) {
        String url = json.string("@odata.id");
        json.rejectUnknown("a reference, which holds @odata.id only");
        return DirectoryReferences.key(url, ownBase, "@odata.id");
    }

    static NewUser newUser(JsonObjectReader json) {
        json.allowOdataType(USER);
        json.ignore(SERVER_SET);
        refuseLicenses(json);
        NewUser user = new NewUser(json.bool("accountEnabled"), json.string("displayName"),
                json.string("mailNickname"), json.string("userPrincipalName"), json.string("mail"), password(json));
        json.rejectUnknown(USER);
        return user;
    }

    /** A passwordProfile is accepted and checked, never kept: this service signs nobody in. */
    static UserPatch userPatch(JsonObjectReader json) {
        json.allowOdataType(USER);
        json.ignore(SERVER_SET);
        refuseLicenses(json);
        password(json);
        UserPatch patch = new UserPatch(json.change("accountEnabled", json::bool),
                json.change("displayName", json::string), json.change("mailNickname", json::string),
                json.change("userPrincipalName", json::string), json.change("mail", json::string));
        json.rejectUnknown(USER);
        return patch;
    }

    /** Graph requires alternativeSecurityIds to register a device; nothing here uses them. */
    static NewDevice newDevice(JsonObjectReader json) {
        json.allowOdataType(DEVICE);
        json.ignore(SERVER_SET);
        json.ignore("alternativeSecurityIds", "registrationDateTime");
        NewDevice device = new NewDevice(json.bool("accountEnabled"), json.string("deviceId"),
                json.string("displayName"), json.string("operatingSystem"), json.string("operatingSystemVersion"),
                json.string("trustType"), json.bool("isManaged"), json.bool("isCompliant"),
                json.string("deviceOwnership"), json.string("enrollmentProfileName"),
                instant(json, "approximateLastSignInDateTime"));
        json.rejectUnknown(DEVICE);
        return device;
    }

    /** A device's deviceId is its alternate key, which a PATCH does not change. */
    static DevicePatch devicePatch(JsonObjectReader json) {
        json.allowOdataType(DEVICE);
        json.ignore(SERVER_SET);
        json.ignore("alternativeSecurityIds", "registrationDateTime");
        DevicePatch patch = new DevicePatch(json.change("accountEnabled", json::bool),
                json.change("displayName", json::string), json.change("operatingSystem", json::string),
                json.change("operatingSystemVersion", json::string), json.change("trustType", json::string),
                json.change("isManaged", json::bool), json.change("isCompliant", json::bool),
                json.change("deviceOwnership", json::string), json.change("enrollmentProfileName", json::string),
                json.change("approximateLastSignInDateTime", name -> instant(json, name)));
        json.rejectUnknown("a device's PATCH, which leaves deviceId as it is");
        return patch;
    }

    private static List<String> groupTypes(JsonObjectReader json) {
        List<String> types = json.strings("groupTypes");
        if (types != null && types.contains(null)) {
            throw new InvalidInputException("groupTypes[" + types.indexOf(null) + "]", "must be a string.");
        }
        return types;
    }

    /** The password of a passwordProfile; null when the body has none. */
    private static String password(JsonObjectReader json) {
        if (json.raw("passwordProfile") == null) {
            return null;
        }
        return json.object("passwordProfile", profile -> {
            profile.allowOdataType("microsoft.graph.passwordProfile");
            String password = profile.string("password");
            profile.bool("forceChangePasswordNextSignIn");
            profile.bool("forceChangePasswordNextSignInWithMfa");
            profile.rejectUnknown("microsoft.graph.passwordProfile");
            return password;
        });
    }

    /** Licenses are the seed import's to set: Graph assigns them through an action this service does not serve. */
    private static void refuseLicenses(JsonObjectReader json) {
        if (json.has("assignedLicenses")) {
            throw new InvalidInputException("assignedLicenses", "cannot be written here; the seed import "
                    + "(POST /admin/seed) sets a user's licenses.");
        }
    }

    private static Instant instant(JsonObjectReader json, String name) {
        String text = json.string(name);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date and time in ISO 8601 such as 2026-11-28T12:00:00Z.");
        }
    }
}
