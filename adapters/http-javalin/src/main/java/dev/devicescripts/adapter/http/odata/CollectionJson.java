package dev.devicescripts.adapter.http.odata;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devicescripts.adapter.http.graph.GraphJson.JsonBody;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Any collection's items as Graph writes them: @odata.context first, then @odata.count and @odata.nextLink, then the
 * items' properties in the order the collection declares them. Written straight to the client as it is generated,
 * never built as a tree first.
 */
public final class CollectionJson {
    public static final String CONTEXT = "@odata.context";
    private static final String ENTITY = "/$entity";

    /** Writes one item's fields into the object the generator has open. */
    @FunctionalInterface
    public interface ItemWriter<T> {
        void write(T item, JsonGenerator json) throws IOException;
    }

    private CollectionJson() {
    }

    /**
     * A page of a collection.
     *
     * @param count    {@code @odata.count}, when the client asked for it
     * @param nextLink absent on the last page
     */
    public static <T> JsonBody page(String context, List<T> items, OptionalLong count, Optional<String> nextLink,
                                    ItemWriter<T> write) {
        return json -> {
            json.writeStartObject();
            json.writeStringField(CONTEXT, context);
            if (count.isPresent()) {
                json.writeNumberField("@odata.count", count.getAsLong());
            }
            if (nextLink.isPresent()) {
                json.writeStringField("@odata.nextLink", nextLink.get());
            }
            writeItems("value", items, write, json);
            json.writeEndObject();
        };
    }

    /** One item of the collection whose context is {@code collectionContext}. */
    public static <T> JsonBody entity(String collectionContext, T item, ItemWriter<T> write) {
        return json -> {
            json.writeStartObject();
            json.writeStringField(CONTEXT, collectionContext + ENTITY);
            write.write(item, json);
            json.writeEndObject();
        };
    }

    /** An array of objects, one per item. */
    public static <T> void writeItems(String field, List<T> items, ItemWriter<T> write, JsonGenerator json)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (T item : items) {
            json.writeStartObject();
            write.write(item, json);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * The item's properties that the projection selects, in the collection's order; its key always; never those
     * there only for $filter.
     */
    public static <T> void writeProperties(EntitySet<T> set, T item, Projection projection, JsonGenerator json)
            throws IOException {
        for (Property<T> property : set.properties()) {
            if (!property.isFilterOnly() && (property == set.key() || projection.selects(property.name()))) {
                writeValue(property, property.valueOf(item), json);
            }
        }
    }

    private static void writeValue(Property<?> property, Object value, JsonGenerator json) throws IOException {
        json.writeFieldName(property.name());
        writeJson(value, json);
    }

    /** A value as its Java type says: the declared types' values, and the maps and lists of an OBJECT_LIST. */
    private static void writeJson(Object value, JsonGenerator json) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Long || value instanceof Integer) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeJson(element, json);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey().toString());
                writeJson(entry.getValue(), json);
            }
            json.writeEndObject();
        } else {
            json.writeString(value.toString()); // strings, enumerations, GUIDs, instants in ISO 8601
        }
    }
}
