package dev.devicescripts.domain;

import java.util.Objects;
import java.util.UUID;

/** The GUID of an Azure AD group that a script is assigned to or excluded from. */
public record GroupId(UUID value) {
    public GroupId {
        Objects.requireNonNull(value, "value");
    }

    public static GroupId of(String guid, String field) {
        return new GroupId(Guids.parse(InvalidInputException.required(guid, field), field));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
