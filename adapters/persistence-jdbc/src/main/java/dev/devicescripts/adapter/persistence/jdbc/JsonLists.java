package dev.devicescripts.adapter.persistence.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lists the directory's rows only select (groupTypes, roleScopeTagIds, a user's licenses, a device's log-ons) as
 * one JSON column each: an array of records, each an array of strings, e.g. a license as
 * {@code ["skuId", "disabledPlan", ...]}; a list of strings is one record. A string may be null.
 */
final class JsonLists {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLists() {
    }

    /** A list of strings, stored as a list of one record. */
    static String strings(List<String> values) {
        return write(List.of(values));
    }

    static List<String> strings(String json) {
        return read(json).get(0);
    }

    /** Records, each as its strings. */
    static String records(List<List<String>> records) {
        return write(records);
    }

    static List<List<String>> records(String json) {
        return read(json);
    }

    private static String write(List<List<String>> records) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartArray();
            for (List<String> record : records) {
                json.writeStartArray();
                for (String value : record) {
                    json.writeString(value);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static List<List<String>> read(String text) {
        List<List<String>> records = new ArrayList<>();
        try (JsonParser json = JSON.createParser(text)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.START_ARRAY) {
                List<String> record = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    record.add(json.currentToken() == JsonToken.VALUE_NULL ? null : json.getText());
                }
                records.add(record);
            }
        } catch (IOException e) {
            throw new JdbcStorageException("A stored JSON list is not JSON: " + e.getMessage(), e);
        }
        return records;
    }
}
