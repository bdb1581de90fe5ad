package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.BOOLEAN;
import static dev.devicescripts.application.query.ValueType.DATE_TIME;
import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.STRING;
import static dev.devicescripts.application.query.ValueType.STRING_LIST;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.directory.Group;
import java.util.List;

/** {@code groups}: the directory's groups as Graph serves the subset devicescripts keeps. */
public final class GroupCollection {
    public static final Property<Group> ID = Property.of("id", GUID, Group::id);
    /** Always null: deleted groups are gone here, not kept for restore. */
    public static final Property<Group> DELETED_DATE_TIME =
            Property.<Group>of("deletedDateTime", DATE_TIME, group -> null).nullable().selectOnly();
    public static final Property<Group> CREATED_DATE_TIME =
            Property.of("createdDateTime", DATE_TIME, Group::createdDateTime);
    public static final Property<Group> DESCRIPTION =
            Property.<Group>of("description", STRING, Group::description).nullable();
    public static final Property<Group> DISPLAY_NAME = Property.of("displayName", STRING, Group::displayName);
    public static final Property<Group> GROUP_TYPES = Property.of("groupTypes", STRING_LIST, Group::groupTypes)
            .filterableByAny();
    public static final Property<Group> MAIL = Property.<Group>of("mail", STRING, Group::mail).nullable();
    public static final Property<Group> MAIL_ENABLED = Property.of("mailEnabled", BOOLEAN, Group::mailEnabled);
    public static final Property<Group> MAIL_NICKNAME = Property.of("mailNickname", STRING, Group::mailNickname);
    public static final Property<Group> MEMBERSHIP_RULE =
            Property.<Group>of("membershipRule", STRING, Group::membershipRule).nullable();
    public static final Property<Group> MEMBERSHIP_RULE_PROCESSING_STATE = Property.<Group>of(
            "membershipRuleProcessingState", STRING, Group::membershipRuleProcessingState).nullable();
    public static final Property<Group> SECURITY_ENABLED =
            Property.of("securityEnabled", BOOLEAN, Group::securityEnabled);

    public static final String MEMBERS = "members";

    /** Graph lists the directory in object id order unless the client orders it. */
    public static final EntitySet<Group> GROUPS = new EntitySet<>("group", List.of(ID, DELETED_DATE_TIME,
            CREATED_DATE_TIME, DESCRIPTION, DISPLAY_NAME, GROUP_TYPES, MAIL, MAIL_ENABLED, MAIL_NICKNAME,
            MEMBERSHIP_RULE, MEMBERSHIP_RULE_PROCESSING_STATE, SECURITY_ENABLED), ID, List.of(), List.of());

    private GroupCollection() {
    }
}
