package dev.devicescripts.adapter.persistence.jdbc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentTarget;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An assignment set's targets as stored in script_assignment_set: a JSON array in UTF-8, one object per target in the
 * set's order, with the target kind and only the fields it has, for example
 * {@code [{"target":"group","groupId":"...","filterType":"include","filterId":"..."}]}. Bytes rather than text: H2
 * reads and writes a long text character by character, and a set of a thousand targets is a hundred kilobytes.
 *
 * <p>A set is written as parts of at most {@link #TARGETS_PER_PART} targets, one row each, so that no row outgrows a
 * binary column of H2 (a million bytes) however many targets a server allows.
 */
final class TargetsJson {
    private static final int TARGETS_PER_PART = 500;
    private static final JsonFactory JSON = new JsonFactory();

    private TargetsJson() {
    }

    /** The parts to store, in order; an empty set is one empty part. */
    static List<byte[]> parts(List<AssignmentTarget> targets) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        do {
            int to = Math.min(targets.size(), from + TARGETS_PER_PART);
            parts.add(write(targets.subList(from, to)));
            from = to;
        } while (from < targets.size());
        return parts;
    }

    private static byte[] write(List<AssignmentTarget> targets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(targets.size() * 128 + 2);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (AssignmentTarget target : targets) {
                StoredTarget row = StoredTarget.of(target);
                json.writeStartObject();
                json.writeStringField("target", row.targetType());
                writeIfPresent(json, "groupId", row.groupId());
                if (row.collectionId() != null) {
                    json.writeStringField("collectionId", row.collectionId());
                }
                if (!row.filter().isNone()) {
                    json.writeStringField("filterType", row.filter().type().graphName());
                    writeIfPresent(json, "filterId", row.filter().filterId());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeIfPresent(JsonGenerator json, String name, UUID value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value.toString());
        }
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
        return new StoredTarget(targetType, groupId, collectionId, new AssignmentFilter(filterType, filterId)).toTarget();
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
