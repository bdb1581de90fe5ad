package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.BOOLEAN;
import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.OBJECT_LIST;
import static dev.devicescripts.application.query.ValueType.STRING;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.directory.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code users}: the directory's users as Graph serves the subset devicescripts keeps. */
public final class UserCollection {
    public static final Property<User> ID = Property.of("id", GUID, User::id);
    public static final Property<User> DISPLAY_NAME = Property.<User>of("displayName", STRING, User::displayName)
            .nullable();
    public static final Property<User> USER_PRINCIPAL_NAME =
            Property.of("userPrincipalName", STRING, User::userPrincipalName);
    public static final Property<User> ACCOUNT_ENABLED = Property.of("accountEnabled", BOOLEAN, User::accountEnabled);
    public static final Property<User> MAIL = Property.<User>of("mail", STRING, User::mail).nullable();
    public static final Property<User> MAIL_NICKNAME =
            Property.<User>of("mailNickname", STRING, User::mailNickname).nullable();
    public static final Property<User> CREATED_DATE_TIME =
            Property.of("createdDateTime", DATE_TIME, User::createdDateTime);
    public static final Property<User> ASSIGNED_LICENSES = Property.of("assignedLicenses", OBJECT_LIST,
            user -> user.assignedLicenses().stream().map(license -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("disabledPlans", license.disabledPlans());
                json.put("skuId", license.skuId());
                return json;
            }).toList());

    /** Graph lists the directory in object id order unless the client orders it. */
    public static final EntitySet<User> USERS = new EntitySet<>("user", List.of(ID, DISPLAY_NAME,
            USER_PRINCIPAL_NAME, ACCOUNT_ENABLED, MAIL, MAIL_NICKNAME, CREATED_DATE_TIME, ASSIGNED_LICENSES), ID,
            List.of(), List.of());

    private UserCollection() {
    }
}
