package dev.devicescripts.adapter.http.odata;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devicescripts.adapter.http.graph.GraphJson.JsonBody;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import java.io.IOException;
import java.util.List;
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

    /** The item's properties that the projection selects, in the collection's order; its key always. */
    public static <T> void writeProperties(EntitySet<T> set, T item, Projection projection, JsonGenerator json)
            throws IOException {
        for (Property<T> property : set.properties()) {
            if (property == set.key() || projection.selects(property.name())) {
                writeValue(property, property.valueOf(item), json);
            }
        }
    }

    private static void writeValue(Property<?> property, Object value, JsonGenerator json) throws IOException {
        json.writeFieldName(property.name());
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (property.type()) {
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case INTEGER -> json.writeNumber((Long) value);
            case STRING_LIST -> {
                json.writeStartArray();
                for (Object element : (List<?>) value) {
                    json.writeString((String) element);
                }
                json.writeEndArray();
            }
            default -> json.writeString(value.toString()); // strings, enumerations, GUIDs, instants in ISO 8601
        }
    }
}
