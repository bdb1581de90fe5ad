package dev.devicescripts.adapter.http.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict reading of one JSON object of a request body. Every read checks the JSON type; whatever the reader was not
 * asked for is an unknown property. Errors name fields relative to this object; whoever descends into a nested
 * object prefixes its path with {@link InvalidInputException#within}.
 */
public final class JsonObjectReader {
    private static final String ODATA_TYPE = "@odata.type";

    private final ObjectNode node;
    private final Set<String> read = new HashSet<>();

    JsonObjectReader(ObjectNode node) {
        this.node = node;
    }

    /** A reader of an object that is no request body of its own, such as one item of a document read as a stream. */
    public static JsonObjectReader of(ObjectNode node) {
        return new JsonObjectReader(node);
    }

    /** Present, even as null. A PATCH changes exactly the properties present. */
    public boolean has(String name) {
        return node.has(name);
    }

    /** A string property; null when absent or null. */
    public String string(String name) {
        JsonNode value = value(name);
        if (value == null || value.isTextual()) {
            return value == null ? null : value.textValue();
        }
        throw new InvalidInputException(name, "must be a string.");
    }

    /** A property as sent, whatever its JSON type; null when absent or null. */
    public JsonNode raw(String name) {
        return value(name);
    }

    /** A boolean property; null when absent or null. Accepts the strings "true" and "false" that PowerShell sends. */
    public Boolean bool(String name) {
        JsonNode value = value(name);
        if (value == null || value.isBoolean()) {
            return value == null ? null : value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return Boolean.valueOf(value.textValue());
        }
        throw new InvalidInputException(name, "must be true or false.");
    }

    /** An array of strings; null when absent or null. Null elements pass through for the domain to judge. */
    public List<String> strings(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidInputException(name, "must be an array of strings.");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual() && !element.isNull()) {
                throw new InvalidInputException(name + "[" + i + "]", "must be a string.");
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    /** A required nested object, read by {@code readObject}. */
    public <T> T object(String name, Function<JsonObjectReader, T> readObject) {
        JsonNode value = value(name);
        if (value == null) {
            throw new InvalidInputException(name, "is required.");
        }
        return nested(value, name, readObject);
    }

    /** An array of objects, each read by {@code readElement}; empty when absent or null. */
    public <T> List<T> objects(String name, Function<JsonObjectReader, T> readElement) {
        JsonNode value = value(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException(name, "must be an array of objects.");
        }
        List<T> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(nested(value.get(i), name + "[" + i + "]", readElement));
        }
        return elements;
    }

    /** {@link Change#keep()} when the property is absent, otherwise a change to what {@code readValue} makes of it. */
    public <T> Change<T> change(String name, Function<String, T> readValue) {
        return has(name) ? Change.to(readValue.apply(name)) : Change.keep();
    }

    /** The {@code @odata.type} without its optional leading '#'; null when absent. */
    public String odataType() {
        String type = string(ODATA_TYPE);
        return type != null && type.startsWith("#") ? type.substring(1) : type;
    }

    /** Tolerates an {@code @odata.type} that names {@code expectedType}, as some clients send. */
    public void allowOdataType(String expectedType) {
        String type = odataType();
        if (type != null && !type.equals(expectedType)) {
            throw new InvalidInputException(ODATA_TYPE, "must be #" + expectedType + " here, not " + type + ".");
        }
    }

    /** Properties that clients send back but the server sets or no longer knows; they are accepted and dropped. */
    public void ignore(String... names) {
        read.addAll(List.of(names));
    }

    /**
     * Refuses any property not read so far, so a client's typo is caught. Instance annotations such as
     * {@code @odata.context} (sent back from a GET) are not properties and pass.
     */
    public void rejectUnknown(String owner) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean annotation = name.startsWith("@odata.") && !name.equals(ODATA_TYPE);
            if (!read.contains(name) && !annotation) {
                throw new InvalidInputException(name, "is not a property of " + owner + ".");
            }
        }
    }

    /** The value of a property, null when absent or JSON null; marks it as read. */
    private JsonNode value(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static <T> T nested(JsonNode value, String path, Function<JsonObjectReader, T> readObject) {
        if (!value.isObject()) {
            throw new InvalidInputException(path, "must be a JSON object.");
        }
        try {
            return readObject.apply(new JsonObjectReader((ObjectNode) value));
        } catch (InvalidInputException e) {
            throw e.within(path);
        }
    }
}
