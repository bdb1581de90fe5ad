package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.application.collections.AssignmentFilterCollection;
import dev.devicescripts.application.collections.DeviceCollection;
import dev.devicescripts.application.collections.GroupCollection;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.collections.RunStateCollection;
import dev.devicescripts.application.collections.UserCollection;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Values;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.directory.AssignedLicense;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.LoggedOnUser;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.OsVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How each kind the directory keeps is a row (see V9, and V13 for assignment filters): its table, its columns but
 * the tenant's in the order {@code values} gives them, and how a row reads back. The key, {@code id}, is the first
 * column.
 */
record DirectoryTables<T>(String table, String alias, List<String> columns, Function<T, Object[]> values,
                          SqlCollection.RowReader<T> reader, SqlCollection<T> listed) {

    DirectoryTables(EntitySet<T> set, String table, String alias, List<String> columns, Function<T, Object[]> values,
                    SqlCollection.RowReader<T> reader) {
        this(table, alias, columns, values, reader, new SqlCollection<>(new SqlTable<>(set, table, alias),
                columns.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "))));
    }

    String insert() {
        return "INSERT INTO " + table + " (tenant_id, " + String.join(", ", columns) + ") VALUES (?"
                + ", ?".repeat(columns.size()) + ")";
    }

    String select() {
        return select("", table + " " + alias);
    }

    /**
     * The columns and {@code more} (", x.y AS z", or nothing) read FROM {@code from}, which names this table by its
     * alias and may say how to read it.
     */
    String select(String more, String from) {
        return "SELECT " + columns.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "))
                + more + " FROM " + from;
    }

    static final DirectoryTables<User> USERS = new DirectoryTables<>(UserCollection.USERS, "directory_user", "u",
            List.of("id", "display_name", "display_name_folded", "user_principal_name", "user_principal_name_folded",
                    "account_enabled", "mail", "mail_folded", "mail_nickname", "mail_nickname_folded",
                    "created_date_time", "assigned_licenses"),
            user -> new Object[] {user.id(), user.displayName(), folded(user.displayName()), user.userPrincipalName(),
                folded(user.userPrincipalName()), user.accountEnabled(), user.mail(), folded(user.mail()),
                user.mailNickname(), folded(user.mailNickname()), user.createdDateTime(),
                JsonLists.records(user.assignedLicenses().stream().map(DirectoryTables::record).toList())},
            row -> new User(uuid(row, "id"), row.getString("display_name"), row.getString("user_principal_name"),
                    row.getBoolean("account_enabled"), row.getString("mail"), row.getString("mail_nickname"),
                    instant(row, "created_date_time"), JsonLists.records(row.getString("assigned_licenses")).stream()
                    .map(DirectoryTables::license).toList()));

    static final DirectoryTables<Group> GROUPS = new DirectoryTables<>(GroupCollection.GROUPS, "directory_group",
            "g", List.of("id", "created_date_time", "description", "description_folded", "display_name",
                    "display_name_folded", "group_types", "group_types_folded", "mail", "mail_folded", "mail_enabled",
                    "mail_nickname", "mail_nickname_folded", "membership_rule", "membership_rule_folded",
                    "membership_rule_processing_state", "membership_rule_processing_state_folded", "security_enabled"),
            group -> new Object[] {group.id(), group.createdDateTime(), group.description(),
                folded(group.description()), group.displayName(), folded(group.displayName()),
                JsonLists.strings(group.groupTypes()), group.groupTypes().stream().map(Values::folded)
                    .map(type -> type + "|").collect(Collectors.joining("", "|", "")),
                group.mail(), folded(group.mail()), group.mailEnabled(), group.mailNickname(),
                folded(group.mailNickname()), group.membershipRule(), folded(group.membershipRule()),
                group.membershipRuleProcessingState(), folded(group.membershipRuleProcessingState()),
                group.securityEnabled()},
            row -> new Group(uuid(row, "id"), row.getString("display_name"), row.getString("description"),
                    row.getBoolean("mail_enabled"), row.getString("mail_nickname"), row.getBoolean("security_enabled"),
                    JsonLists.strings(row.getString("group_types")), row.getString("membership_rule"),
                    row.getString("membership_rule_processing_state"), row.getString("mail"),
                    instant(row, "created_date_time")));

    static final DirectoryTables<Device> DEVICES = new DirectoryTables<>(DeviceCollection.DEVICES,
            "directory_device", "d", List.of("id", "account_enabled", "approximate_last_sign_in_date_time",
                    "device_id", "device_ownership", "device_ownership_folded", "display_name", "display_name_folded",
                    "enrollment_profile_name", "enrollment_profile_name_folded", "is_compliant", "is_managed",
                    "operating_system", "operating_system_folded", "operating_system_version",
                    "operating_system_version_folded", "registration_date_time", "trust_type", "trust_type_folded"),
            device -> new Object[] {device.id(), device.accountEnabled(), device.approximateLastSignInDateTime(),
                device.deviceId(), device.deviceOwnership(), folded(device.deviceOwnership()), device.displayName(),
                folded(device.displayName()), device.enrollmentProfileName(), folded(device.enrollmentProfileName()),
                device.isCompliant(), device.isManaged(), device.operatingSystem(), folded(device.operatingSystem()),
                device.operatingSystemVersion(), folded(device.operatingSystemVersion()),
                device.registrationDateTime(), device.trustType(), folded(device.trustType())},
            row -> new Device(uuid(row, "id"), uuid(row, "device_id"), row.getString("display_name"),
                    row.getString("operating_system"), row.getString("operating_system_version"),
                    row.getBoolean("account_enabled"), row.getString("trust_type"),
                    row.getObject("is_managed", Boolean.class), row.getObject("is_compliant", Boolean.class),
                    row.getString("device_ownership"), row.getString("enrollment_profile_name"),
                    instant(row, "registration_date_time"), instant(row, "approximate_last_sign_in_date_time")));

    static final DirectoryTables<ManagedDevice> MANAGED_DEVICES = new DirectoryTables<>(
            ManagedDeviceCollection.MANAGED_DEVICES, "managed_device", "m", List.of("id", "user_id", "device_name",
                    "device_name_folded", "managed_device_owner_type", "enrolled_date_time", "last_sync_date_time",
                    "operating_system", "operating_system_folded", "compliance_state", "compliance_state_folded",
                    "management_agent", "management_agent_folded", "os_version", "os_version_folded",
                    "azure_ad_registered", "device_enrollment_type", "device_enrollment_type_folded", "email_address",
                    "email_address_folded", "azure_ad_device_id", "device_category_display_name",
                    "device_category_display_name_folded", "model", "model_folded", "manufacturer",
                    "manufacturer_folded", "serial_number", "serial_number_folded", "user_principal_name",
                    "user_principal_name_folded", "user_display_name", "user_display_name_folded", "join_type",
                    "join_type_folded", "sku_family", "sku_family_folded", "sku_number", "processor_architecture",
                    "processor_architecture_folded", "enrollment_profile_name", "enrollment_profile_name_folded",
                    "role_scope_tag_ids", "users_logged_on", "is_tpm_attested", "os_version_part_1",
                    "os_version_part_2", "os_version_part_3", "os_version_part_4"),
            device -> {
                Long[] parts = versionParts(device.osVersion());
                return new Object[] {device.id(), device.userId(), device.deviceName(), folded(device.deviceName()),
                    device.managedDeviceOwnerType(), device.enrolledDateTime(), device.lastSyncDateTime(),
                    device.operatingSystem(), folded(device.operatingSystem()), device.complianceState(),
                    folded(device.complianceState()), device.managementAgent(), folded(device.managementAgent()),
                    device.osVersion(), folded(device.osVersion()), device.azureADRegistered(),
                    device.deviceEnrollmentType(), folded(device.deviceEnrollmentType()), device.emailAddress(),
                    folded(device.emailAddress()), device.azureADDeviceId(), device.deviceCategoryDisplayName(),
                    folded(device.deviceCategoryDisplayName()), device.model(), folded(device.model()),
                    device.manufacturer(), folded(device.manufacturer()), device.serialNumber(),
                    folded(device.serialNumber()), device.userPrincipalName(), folded(device.userPrincipalName()),
                    device.userDisplayName(), folded(device.userDisplayName()), device.joinType(),
                    folded(device.joinType()), device.skuFamily(), folded(device.skuFamily()),
                    device.skuNumber() == null ? null : device.skuNumber().longValue(),
                    device.processorArchitecture(), folded(device.processorArchitecture()),
                    device.enrollmentProfileName(), folded(device.enrollmentProfileName()),
                    JsonLists.strings(device.roleScopeTagIds()),
                    JsonLists.records(device.usersLoggedOn().stream().map(logOn -> Arrays.asList(logOn.userId()
                        .toString(), logOn.lastLogOnDateTime() == null ? null : logOn.lastLogOnDateTime().toString()))
                        .toList()), device.isTpmAttested(), parts[0], parts[1], parts[2], parts[3]};
            },
            row -> new ManagedDevice(uuid(row, "id"), row.getString("device_name"), row.getString("model"),
                    row.getString("manufacturer"), row.getString("serial_number"), row.getString("operating_system"),
                    row.getString("os_version"), row.getString("managed_device_owner_type"), uuid(row, "user_id"),
                    row.getString("user_principal_name"), row.getString("user_display_name"),
                    row.getString("email_address"), JsonLists.records(row.getString("users_logged_on")).stream()
                    .map(logOn -> new LoggedOnUser(UUID.fromString(logOn.get(0)),
                            logOn.get(1) == null ? null : Instant.parse(logOn.get(1)))).toList(),
                    uuid(row, "azure_ad_device_id"), row.getBoolean("azure_ad_registered"), row.getString("join_type"),
                    row.getString("device_enrollment_type"), instant(row, "enrolled_date_time"),
                    instant(row, "last_sync_date_time"), row.getString("sku_family"), skuNumber(row),
                    row.getString("processor_architecture"), row.getString("device_category_display_name"),
                    row.getString("enrollment_profile_name"), row.getString("management_agent"),
                    row.getString("compliance_state"), JsonLists.strings(row.getString("role_scope_tag_ids")),
                    row.getObject("is_tpm_attested", Boolean.class)));

    static final DirectoryTables<DeviceRunState> RUN_STATES = new DirectoryTables<>(
            RunStateCollection.DEVICE_RUN_STATES, "device_run_state", "r", List.of("id", "id_folded", "script_id",
                    "managed_device_id", "run_state", "run_state_folded", "result_message", "result_message_folded",
                    "last_state_update_date_time", "error_code", "error_description", "error_description_folded"),
            state -> new Object[] {runStateId(state), folded(runStateId(state)), state.scriptId().value(),
                state.managedDeviceId(), state.runState(), folded(state.runState()), state.resultMessage(),
                folded(state.resultMessage()), state.lastStateUpdateDateTime(),
                state.errorCode() == null ? null : state.errorCode().longValue(), state.errorDescription(),
                folded(state.errorDescription())},
            row -> new DeviceRunState(new ScriptId(uuid(row, "script_id")), uuid(row, "managed_device_id"),
                    row.getString("run_state"), row.getString("result_message"),
                    instant(row, "last_state_update_date_time"), errorCode(row), row.getString("error_description")));

    /**
     * The parts of operatingSystemVersion that rules compare (FilterDeviceCollection's osVersionPart1 to 4), four nulls
     * when the text is no version.
     */
    static Long[] versionParts(String osVersion) {
        return OsVersion.parse(osVersion == null ? "" : osVersion).map(version -> version.parts().toArray(Long[]::new))
                .orElseGet(() -> new Long[OsVersion.PARTS]);
    }

    /** Payloads are computed from the scripts' sets when read, never stored: a filter reads back without them. */
    static final DirectoryTables<FilterDefinition> ASSIGNMENT_FILTERS = new DirectoryTables<>(
            AssignmentFilterCollection.ASSIGNMENT_FILTERS, "assignment_filter", "f", List.of("id", "created_date_time",
                    "last_modified_date_time", "display_name", "display_name_folded", "description",
                    "description_folded", "platform", "platform_folded", "rule", "role_scope_tags",
                    "assignment_filter_management_type", "assignment_filter_management_type_folded"),
            filter -> new Object[] {filter.id(), filter.createdDateTime(), filter.lastModifiedDateTime(),
                filter.displayName(), folded(filter.displayName()), filter.description(), folded(filter.description()),
                filter.platform().graphName(), folded(filter.platform().graphName()), filter.rule(),
                JsonLists.strings(filter.roleScopeTags()), filter.managementType().graphName(),
                folded(filter.managementType().graphName())},
            row -> new FilterDefinition(uuid(row, "id"), row.getString("display_name"), row.getString("description"),
                    FilterPlatform.fromGraphName(row.getString("platform"), "platform"), row.getString("rule"),
                    FilterManagementType.fromGraphName(
                            row.getString("assignment_filter_management_type"), "assignmentFilterManagementType"),
                    JsonLists.strings(row.getString("role_scope_tags")), instant(row, "created_date_time"),
                    instant(row, "last_modified_date_time"), List.of()));

    /** One user who signs in on a managed device, as V17's managed_device_logon keeps it. */
    static final String ADD_LOG_ON =
            "INSERT INTO managed_device_logon (tenant_id, managed_device_id, user_id) VALUES (?, ?, ?)";

    static String runStateId(DeviceRunState state) {
        return (String) RunStateCollection.ID.valueOf(state);
    }

    private static List<String> record(AssignedLicense license) {
        return Stream.concat(Stream.of(license.skuId()),
                license.disabledPlans().stream()).map(UUID::toString).toList();
    }

    private static AssignedLicense license(List<String> record) {
        return new AssignedLicense(UUID.fromString(record.get(0)), record.subList(1, record.size()).stream()
                .map(UUID::fromString).toList());
    }

    private static String folded(String text) {
        return text == null ? null : Values.folded(text);
    }

    private static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Integer skuNumber(ResultSet row) throws SQLException {
        Long number = row.getObject("sku_number", Long.class);
        return number == null ? null : number.intValue();
    }

    private static Integer errorCode(ResultSet row) throws SQLException {
        Long code = row.getObject("error_code", Long.class);
        return code == null ? null : code.intValue();
    }
}
