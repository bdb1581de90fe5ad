package dev.devicescripts.adapter.http.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import dev.devicescripts.adapter.http.graph.JsonObjectReader;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.collections.RunStateCollection;
import dev.devicescripts.application.port.in.SeedItem;
import dev.devicescripts.application.port.in.SeedItem.SeedDevice;
import dev.devicescripts.application.port.in.SeedItem.SeedGroup;
import dev.devicescripts.application.port.in.SeedItem.SeedManagedDevice;
import dev.devicescripts.application.port.in.SeedItem.SeedRunState;
import dev.devicescripts.application.port.in.SeedItem.SeedUser;
import dev.devicescripts.application.port.in.SeedSource;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.directory.AssignedLicense;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.LoggedOnUser;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A seed document read as a stream: Jackson's parser walks the top-level object, and each item of its arrays is read
 * whole (one object, small) and checked, then handed on, so the document as a whole is never held in memory. Every
 * refusal names the value's path in the document, such as {@code managedDevices[3].joinType}.
 *
 * <pre>{"tenantId": "...", "users": [...], "groups": [...], "devices": [...], "managedDevices": [...],
 *  "deviceRunStates": [...]}</pre>
 */
public final class SeedDocument implements SeedSource, AutoCloseable {
    public static final String TENANT_ID = "tenantId";
    private static final List<String> SECTIONS =
            List.of("users", "groups", "devices", "managedDevices", "deviceRunStates");
    private static final List<String> TRUST_TYPES = List.of("AzureAd", "ServerAd", "Workplace");
    private static final List<String> DEVICE_OWNERSHIPS = List.of("unknown", "company", "personal");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonParser parser;
    private boolean started;
    /** The array being read, or null between them. */
    private String section;
    private int index;

    private SeedDocument(JsonParser parser) {
        this.parser = parser;
    }

    /** The document in {@code input}, which {@link #close()} closes. */
    public static SeedDocument of(InputStream input) {
        try {
            JsonParser parser = MAPPER.createParser(input);
            return new SeedDocument(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tenant the document names at its top level, read without reading its items: the seed of a file needs to
     * know its tenant before its transaction begins.
     */
    public static Optional<TenantId> tenantOf(InputStream input) {
        try (SeedDocument document = of(input)) {
            return document.tenant();
        }
    }

    private Optional<TenantId> tenant() {
        try {
            require(parser.nextToken() == JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals(TENANT_ID)) {
                    return Optional.of(tenantId());
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Optional<SeedItem> next() {
        try {
            while (true) {
                if (!started) {
                    started = true;
                    require(parser.nextToken() == JsonToken.START_OBJECT);
                    continue;
                }
                if (section != null) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        section = null;
                        continue;
                    }
                    String path = section + "[" + index++ + "]";
                    if (token != JsonToken.START_OBJECT) {
                        throw new InvalidInputException(path, "must be a JSON object.");
                    }
                    return Optional.of(item(section, parser.readValueAsTree(), path));
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    require(parser.nextToken() == null);
                    return Optional.empty();
                }
                require(token == JsonToken.FIELD_NAME);
                String name = parser.currentName();
                token = parser.nextToken();
                if (name.equals(TENANT_ID)) {
                    return Optional.of(new SeedItem.Tenant(TENANT_ID, tenantId()));
                }
                if (!SECTIONS.contains(name)) {
                    throw new InvalidInputException(name, "is not part of a seed document, which holds " + TENANT_ID
                            + ", " + String.join(", ", SECTIONS) + ".");
                }
                if (token == JsonToken.START_ARRAY) {
                    section = name;
                    index = 0;
                } else if (token != JsonToken.VALUE_NULL) {
                    throw new InvalidInputException(name, "must be an array of objects.");
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TenantId tenantId() throws IOException {
        String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
        if (!Guids.isGuid(text)) {
            throw new InvalidInputException(TENANT_ID, "must be the tenant's id, a GUID.");
        }
        return TenantId.of(text);
    }

    private void require(boolean wellFormed) {
        if (!wellFormed) {
            throw GraphRequestException.badRequest("A seed document is one JSON object (" + TENANT_ID + ", "
                    + String.join(", ", SECTIONS) + "), and nothing after it; this one is not (line "
                    + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr()
                    + ").");
        }
    }

    private static RuntimeException unreadable(IOException e) {
        if (e instanceof JsonProcessingException json) {
            return GraphRequestException.badRequest("The seed document is not valid JSON: " + json.getOriginalMessage()
                    + (json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ")") + ".");
        }
        return new UncheckedIOException(e);
    }

    private static SeedItem item(String section, ObjectNode node, String path) {
        JsonObjectReader json = JsonObjectReader.of(node);
        try {
            return switch (section) {
                case "users" -> user(json, path);
                case "groups" -> group(json, path);
                case "devices" -> new SeedDevice(path, device(json));
                case "managedDevices" -> managedDevice(json, path, requiredGuid(json, "id"));
                default -> new SeedRunState(path, runState(json));
            };
        } catch (InvalidInputException e) {
            throw e.within(path);
        }
    }

    private static SeedUser user(JsonObjectReader json, String path) {
        Instant created = dateTime(json, "createdDateTime");
        User user = new User(requiredGuid(json, "id"), json.string("displayName"),
                required(json, "userPrincipalName"), orTrue(json.bool("accountEnabled")), json.string("mail"),
                json.string("mailNickname"), created == null ? Instant.EPOCH : created,
                json.objects("assignedLicenses", license -> {
                    AssignedLicense read = new AssignedLicense(requiredGuid(license, "skuId"),
                            guids(license, "disabledPlans"));
                    license.rejectUnknown("assignedLicense");
                    return read;
                }));
        json.rejectUnknown("user");
        return new SeedUser(path, user, created != null);
    }

    private static SeedGroup group(JsonObjectReader json, String path) {
        Instant created = dateTime(json, "createdDateTime");
        List<String> groupTypes = json.strings("groupTypes");
        Group group = new Group(requiredGuid(json, "id"), required(json, "displayName"), json.string("description"),
                Boolean.TRUE.equals(json.bool("mailEnabled")), json.string("mailNickname"),
                orTrue(json.bool("securityEnabled")), groupTypes == null ? List.of() : groupTypes,
                json.string("membershipRule"), json.string("membershipRuleProcessingState"), json.string("mail"),
                created == null ? Instant.EPOCH : created);
        List<UUID> members = json.has("members") ? guids(json, "members") : null;
        json.rejectUnknown("group");
        return new SeedGroup(path, group, created != null, members);
    }

    private static Device device(JsonObjectReader json) {
        Device device = new Device(requiredGuid(json, "id"), requiredGuid(json, "deviceId"),
                json.string("displayName"), json.string("operatingSystem"), json.string("operatingSystemVersion"),
                orTrue(json.bool("accountEnabled")), oneOf(json, "trustType", TRUST_TYPES, null),
                json.bool("isManaged"), json.bool("isCompliant"),
                oneOf(json, "deviceOwnership", DEVICE_OWNERSHIPS, null), json.string("enrollmentProfileName"),
                dateTime(json, "registrationDateTime"), dateTime(json, "approximateLastSignInDateTime"));
        json.rejectUnknown("device");
        return device;
    }

    /**
     * A managed device as {@code PUT /admin/managedDevices/{id}} gives it: as in a seed document, its id in the path
     * and, if at all, the same in the body.
     */
    public static SeedManagedDevice managedDevice(JsonObjectReader json, UUID id) {
        UUID given = guid(json, "id");
        if (given != null && !given.equals(id)) {
            throw new InvalidInputException("id", "is " + given + ", but the path names managed device " + id + ".");
        }
        return managedDevice(json, "managedDevice", id);
    }

    private static SeedManagedDevice managedDevice(JsonObjectReader json, String path, UUID id) {
        boolean azureADDeviceIdGiven = json.has("azureADDeviceId");
        UUID azureADDeviceId = guid(json, "azureADDeviceId");
        Boolean registered = json.bool("azureADRegistered");
        List<String> tags = json.strings("roleScopeTagIds");
        ManagedDevice device = new ManagedDevice(id, json.string("deviceName"),
                json.string("model"), json.string("manufacturer"), json.string("serialNumber"),
                json.string("operatingSystem"), json.string("osVersion"),
                member(json, ManagedDeviceCollection.MANAGED_DEVICE_OWNER_TYPE), guid(json, "userId"),
                json.string("userPrincipalName"), json.string("userDisplayName"), json.string("emailAddress"),
                json.objects("usersLoggedOn", logOn -> {
                    LoggedOnUser read = new LoggedOnUser(requiredGuid(logOn, "userId"),
                            dateTime(logOn, "lastLogOnDateTime"));
                    logOn.rejectUnknown("loggedOnUser");
                    return read;
                }), azureADDeviceId,
                registered != null ? registered : !azureADDeviceIdGiven || azureADDeviceId != null,
                member(json, ManagedDeviceCollection.JOIN_TYPE), json.string("deviceEnrollmentType"),
                dateTime(json, "enrolledDateTime"), dateTime(json, "lastSyncDateTime"), json.string("skuFamily"),
                integer(json, "skuNumber"), member(json, ManagedDeviceCollection.PROCESSOR_ARCHITECTURE),
                orEmpty(json.string("deviceCategoryDisplayName")), orEmpty(json.string("enrollmentProfileName")),
                json.has("managementAgent") ? json.string("managementAgent") : "mdm",
                member(json, ManagedDeviceCollection.COMPLIANCE_STATE), tags == null ? List.of("0") : tags,
                json.bool("isTpmAttested"));
        json.rejectUnknown("managedDevice");
        return new SeedManagedDevice(path, device, azureADDeviceIdGiven);
    }

    private static DeviceRunState runState(JsonObjectReader json) {
        DeviceRunState state = new DeviceRunState(ScriptId.of(requiredGuid(json, "scriptId").toString()),
                requiredGuid(json, "managedDeviceId"), member(json, RunStateCollection.RUN_STATE),
                json.string("resultMessage"), dateTime(json, "lastStateUpdateDateTime"),
                integer(json, "errorCode"), json.string("errorDescription"));
        json.rejectUnknown("deviceRunState");
        return state;
    }

    private static String required(JsonObjectReader json, String name) {
        String value = json.string(name);
        if (value == null) {
            throw new InvalidInputException(name, "is required.");
        }
        return value;
    }

    private static UUID requiredGuid(JsonObjectReader json, String name) {
        UUID value = guid(json, name);
        if (value == null) {
            throw new InvalidInputException(name, "is required.");
        }
        return value;
    }

    private static UUID guid(JsonObjectReader json, String name) {
        String text = json.string(name);
        if (text != null && !Guids.isGuid(text)) {
            throw notGuid(name, text);
        }
        return text == null ? null : UUID.fromString(text);
    }

    private static List<UUID> guids(JsonObjectReader json, String name) {
        List<String> texts = json.strings(name);
        if (texts == null) {
            return List.of();
        }
        for (int i = 0; i < texts.size(); i++) {
            if (!Guids.isGuid(texts.get(i))) {
                throw notGuid(name + "[" + i + "]", texts.get(i));
            }
        }
        return texts.stream().map(UUID::fromString).toList();
    }

    private static InvalidInputException notGuid(String name, String text) {
        return new InvalidInputException(name, "must be a GUID such as 00000000-0000-0000-0000-000000000000, not '"
                + text + "'.");
    }

    private static Instant dateTime(JsonObjectReader json, String name) {
        String text = json.string(name);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date and time in ISO 8601 such as 2026-11-20T08:00:00Z, "
                    + "not '" + text + "'.");
        }
    }

    private static Integer integer(JsonObjectReader json, String name) {
        JsonNode value = json.raw(name);
        if (value != null && !(value.isIntegralNumber() && value.canConvertToInt())) {
            throw new InvalidInputException(name, "must be a whole number.");
        }
        return value == null ? null : value.intValue();
    }

    /** An enumeration's member as the collection declares it (ignoring case); the first member when absent. */
    private static <T> String member(JsonObjectReader json, Property<T> property) {
        return oneOf(json, property.name(), property.members(), property.members().get(0));
    }

    private static String oneOf(JsonObjectReader json, String name, List<String> members, String absent) {
        String text = json.string(name);
        if (text == null) {
            return absent;
        }
        return members.stream().filter(member -> member.equalsIgnoreCase(text)).findFirst().orElseThrow(() ->
                new InvalidInputException(name, "must be one of " + String.join(", ", members) + ", not '" + text
                        + "'."));
    }

    private static boolean orTrue(Boolean value) {
        return value == null || value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
