package dev.devicescripts.adapter.persistence.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentTarget;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * How V7 as first released stored an assignment set's targets, read by V8 to pack them (see {@link PackedTargets}): a
 * JSON array in UTF-8, one object per target in the set's order, with the target kind and only the fields it has, for
 * example {@code [{"target":"group","groupId":"...","filterType":"include","filterId":"..."}]}.
 */
final class TargetsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private TargetsJson() {
    }

    /** Adds the targets of one stored part to {@code targets}. */
    static void read(byte[] part, List<AssignmentTarget> targets) {
        try (JsonParser json = JSON.createParser(part)) {
            expect(json.nextToken(), JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_OBJECT) {
                targets.add(readTarget(json));
            }
            expect(json.currentToken(), JsonToken.END_ARRAY);
        } catch (IOException e) {
            throw corrupt("is not JSON: " + e.getMessage());
        }
    }

    private static AssignmentTarget readTarget(JsonParser json) throws IOException {
        String targetType = null;
        String collectionId = null;
        UUID groupId = null;
        UUID filterId = null;
        AssignmentFilterType filterType = AssignmentFilterType.NONE;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            expect(json.nextToken(), JsonToken.VALUE_STRING);
            String value = json.getText();
            switch (name) {
                case "target" -> targetType = value;
                case "groupId" -> groupId = UUID.fromString(value);
                case "collectionId" -> collectionId = value;
                case "filterType" -> filterType = AssignmentFilterType.fromGraphName(value, "filterType");
                case "filterId" -> filterId = UUID.fromString(value);
                default -> throw corrupt("names an unknown field " + name);
            }
        }
        if (targetType == null) {
            throw corrupt("holds a target without its kind");
        }
        return new StoredTarget(targetType, groupId, collectionId, new AssignmentFilter(filterType, filterId))
                .toTarget();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw corrupt("has " + actual + " where " + expected + " belongs");
        }
    }

    private static IllegalStateException corrupt(String problem) {
        return new IllegalStateException("The database holds an assignment set that " + problem + ".");
    }
}
