package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.directory.ManagedDevice;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A property a rule may name ({@code device.deviceName}), as one platform's table declares it (targeting.md 2.3).
 *
 * @param name       as Graph and rules spell it, e.g. {@code operatingSystemSKU}
 * @param operators  the operators a rule may use on it, in the order getSupportedProperties lists them
 * @param values     the values getSupportedProperties lists (the enumerated ones, the SKU names); empty for free text
 * @param source     where a managed device holds it
 * @param valueTable the filter-side value of each source value it renames (keys of the source's Java type, strings
 *                   matched ignoring case); empty when the value is the source's own, an empty one counting as none
 * @param otherwise  with a table, the value of a source value the table lacks (null included); null for none
 */
public record FilterProperty(String name, Kind kind, List<FilterOperator> operators, List<String> values,
                             DeviceField source, Map<Object, String> valueTable, String otherwise) {

    /** What values it holds, which decides its operands and getSupportedProperties' dataType. */
    public enum Kind {
        /** Any text; dataType {@code String}. */
        FREE_TEXT,
        /** One of {@link #values()}, which the rule's values are not checked against; dataType {@code Enum}. */
        ENUMERATED,
        /** A version compared by parts ({@link OsVersion}); dataType {@code Version}. */
        VERSION
    }

    public FilterProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        operators = List.copyOf(operators);
        values = List.copyOf(values);
        Objects.requireNonNull(source, "source");
        valueTable = Map.copyOf(valueTable);
    }

    /**
     * The device's value as rules compare it (and the preview shows it): the source's text, or its table's name for
     * it; null when the device has none (an empty text included).
     */
    public String valueOf(ManagedDevice device) {
        return valueOfSource(source.valueOf(device));
    }

    /** {@link #valueOf} of a device whose source holds {@code value} (of {@link DeviceField}'s type, or null). */
    public String valueOfSource(Object value) {
        if (valueTable.isEmpty()) {
            String text = (String) value;
            return text == null || text.isEmpty() ? null : text;
        }
        if (value == null) {
            return otherwise;
        }
        String named = value instanceof String text
                ? valueTable.entrySet().stream()
                        .filter(entry -> entry.getKey() instanceof String key && fold(key).equals(fold(text)))
                        .map(Map.Entry::getValue).findFirst().orElse(null)
                : valueTable.get(value);
        return named == null ? otherwise : named;
    }

    /** How rules and the stores ignore case: the same folding on both sides, so that they agree on every value. */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
