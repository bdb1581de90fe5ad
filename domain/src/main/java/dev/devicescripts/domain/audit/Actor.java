package dev.devicescripts.domain.audit;

import java.util.Objects;

/**
 * Who made a change, as the token and the request say: a user signed in through an app (delegated), or an app acting
 * as itself. Intune's log shows it as {@code actor}, Entra's as {@code initiatedBy}.
 *
 * @param userId            the signed-in user's object id (oid), or null for an app
 * @param userPrincipalName the signed-in user's name (upn or preferred_username), or null
 * @param userDisplayName   the signed-in user's name for people (name), or null
 * @param appId             the client app's id (appid or azp), or null when the token names none
 * @param appDisplayName    the client app's name (app_displayname), or null
 * @param ipAddress         the address the request came from
 */
public record Actor(Kind kind, String userId, String userPrincipalName, String userDisplayName, String appId,
                    String appDisplayName, String ipAddress) {

    public enum Kind { DELEGATED, APPLICATION }

    public Actor {
        Objects.requireNonNull(kind, "kind");
    }
}
