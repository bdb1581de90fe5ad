package dev.devicescripts.application.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The kinds of value a collection's properties hold, each with the Java type its values have in queries. */
public enum ValueType {
    /** Text, compared ignoring case. */
    STRING(String.class),
    /** One of a fixed set of names, held in the spelling the property declares; compared as strings are. */
    ENUM(String.class),
    BOOLEAN(Boolean.class),
    /** A whole number (Edm.Int32 and Edm.Int64 alike). */
    INTEGER(Long.class),
    /** A point in time (Edm.DateTimeOffset). */
    DATE_TIME(Instant.class),
    GUID(UUID.class),
    /**
     * A list of strings: selectable, never ordered by; filtered only by {@code any(x:x eq 'value')}, and only when its
     * property says so ({@link Property#filterableByAny()}).
     */
    STRING_LIST(List.class),
    /**
     * A list of objects (Graph's complex types, such as a user's assignedLicenses), each a map from property name to
     * a value of the types above, a map or a list: selectable, never filtered or ordered by.
     */
    OBJECT_LIST(List.class),
    /** One object, a map as each element of an {@link #OBJECT_LIST} is: selectable, never filtered or ordered by. */
    OBJECT(Map.class);

    private final Class<?> javaType;

    ValueType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** Whether values of this type have an order and an equality that filters and sorts can use. */
    public boolean isComparable() {
        return this != STRING_LIST && this != OBJECT_LIST && this != OBJECT;
    }
}
