package dev.devicescripts.adapter.http.odata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.graph.GraphRequestException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.application.query.ValueType;
import dev.devicescripts.domain.Guids;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The {@code $skiptoken} of a next link: base64url of JSON that holds the page cursor (each sort value with its type,
 * then the last item's key) and the order it was made for,
 * {@code {"orderBy":"createdDateTime asc","after":[{"type":"dateTimeOffset","value":"..."}],"id":"..."}}.
 * The order travels along because a cursor means nothing under another one.
 */
final class SkipToken {
    private static final String OPTION = "$skiptoken";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(String.class, "string", Boolean.class, "boolean",
            Instant.class, "dateTimeOffset", Long.class, "int64", UUID.class, "guid");

    private SkipToken() {
    }

    static String encode(List<? extends SortKey<?>> orderBy, PageCursor cursor) {
        ObjectNode json = MAPPER.createObjectNode().put("orderBy", describe(orderBy));
        ArrayNode after = json.putArray("after");
        for (Object value : cursor.values()) {
            ObjectNode typed = after.addObject();
            if (value == null) {
                typed.put("type", "null");
            } else {
                typed.put("type", TYPE_NAMES.get(value.getClass())).put("value", value.toString());
            }
        }
        json.put("id", cursor.lastKey().toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor in {@code token}, which must have been made for {@code orderBy} of {@code set}; else a bad request.
     */
    static <T> PageCursor decode(String token, List<SortKey<T>> orderBy, EntitySet<T> set) {
        JsonNode json = json(token);
        if (!json.path("orderBy").isTextual()) {
            throw notIssued();
        }
        if (!json.path("orderBy").asText().equals(describe(orderBy))) {
            throw GraphRequestException.badRequest("The query option '" + OPTION + "' continues a list ordered by "
                    + json.path("orderBy").asText() + ", not by " + describe(orderBy)
                    + "; follow next links as they are, or start again without $skiptoken.");
        }
        JsonNode after = json.path("after");
        String id = json.path("id").asText();
        boolean guidKey = set.key().type() == ValueType.GUID;
        if (!after.isArray() || after.size() != orderBy.size() || !json.path("id").isTextual()
                || guidKey && !Guids.isGuid(id)) {
            throw notIssued();
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < orderBy.size(); i++) {
            values.add(value(after.get(i), orderBy.get(i).property().type().javaType()));
        }
        return new PageCursor(values, guidKey ? UUID.fromString(id) : id);
    }

    private static JsonNode json(String token) {
        try {
            return MAPPER.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw notIssued();
        }
    }

    private static Object value(JsonNode typed, Class<?> expected) {
        String type = typed.path("type").asText();
        String text = typed.path("value").asText();
        if (type.equals("null")) {
            return null;
        }
        if (!type.equals(TYPE_NAMES.get(expected)) || !typed.path("value").isTextual()) {
            throw notIssued();
        }
        if (expected == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw notIssued();
            }
            return Boolean.valueOf(text);
        }
        try {
            if (expected == Instant.class) {
                return Instant.parse(text);
            }
            if (expected == Long.class) {
                return Long.valueOf(text);
            }
            if (expected == UUID.class) {
                if (!Guids.isGuid(text)) {
                    throw notIssued();
                }
                return UUID.fromString(text);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw notIssued();
        }
        return text;
    }

    private static String describe(List<? extends SortKey<?>> orderBy) {
        return orderBy.stream()
                .map(key -> key.property().name() + (key.descending() ? " desc" : " asc"))
                .collect(Collectors.joining(","));
    }

    private static GraphRequestException notIssued() {
        return GraphRequestException.badRequest("The query option '" + OPTION + "' is not a token this service "
                + "issued; follow next links as they are, or start again without $skiptoken.");
    }
}
