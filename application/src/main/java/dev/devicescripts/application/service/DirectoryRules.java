package dev.devicescripts.application.service;

import dev.devicescripts.application.DirectoryKeys;
import dev.devicescripts.application.DirectoryObjectNotFoundException;
import dev.devicescripts.application.RequestRefusedException;
import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.User;
import java.util.regex.Pattern;

/**
 * The directory's rules for the values of its objects, worded as the directory words its refusals, which clients
 * match (spec 1.1 to 1.3.1). Shared by the group, user and device services, and by effective targeting.
 */
final class DirectoryRules {
    /** Whitespace and the characters Exchange reserves; a mail nickname becomes the local part of an address. */
    private static final Pattern MAIL_NICKNAME = Pattern.compile("[^\\s@()\\\\\\[\\]\";:<>,]{1,64}");
    private static final int MAX_DISPLAY_NAME = 256;

    private DirectoryRules() {
    }

    static <T> T required(T value, String property, String resource) {
        if (value == null) {
            throw new RequestRefusedException("A value is required for property '" + property + "' of resource '"
                    + resource + "'.");
        }
        return value;
    }

    static RequestRefusedException invalid(String property, String resource) {
        return new RequestRefusedException("Invalid value specified for property '" + property + "' of resource '"
                + resource + "'.");
    }

    static RequestRefusedException alreadyExists(String property) {
        return new RequestRefusedException("Another object with the same value for property " + property
                + " already exists.");
    }

    static void checkDisplayName(String displayName, String resource) {
        required(displayName, "displayName", resource);
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            throw invalid("displayName", resource);
        }
    }

    static void checkMailNickname(String mailNickname, String resource) {
        required(mailNickname, "mailNickname", resource);
        if (!MAIL_NICKNAME.matcher(mailNickname).matches()) {
            throw invalid("mailNickname", resource);
        }
    }

    /** The group a key names: its object id. */
    static Group group(DirectoryReads reads, String key) {
        return reads.group(DirectoryKeys.objectId(key)).orElseThrow(() -> new DirectoryObjectNotFoundException(key));
    }

    /** The user a key names: its object id, or its userPrincipalName (anything with an @ in it). */
    static User user(DirectoryReads reads, String key) {
        if (!Guids.isGuid(key) && key.contains("@")) {
            return reads.userByPrincipalName(key).orElseThrow(() -> new DirectoryObjectNotFoundException(key));
        }
        return reads.user(DirectoryKeys.objectId(key)).orElseThrow(() -> new DirectoryObjectNotFoundException(key));
    }
}
