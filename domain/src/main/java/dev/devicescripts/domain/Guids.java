package dev.devicescripts.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict GUID parsing: {@link UUID#fromString} also accepts short forms such as {@code 1-2-3-4-5}, Graph does not. */
public final class Guids {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {
    }

    public static boolean isGuid(String text) {
        return text != null && GUID.matcher(text).matches();
    }

    public static UUID parse(String text, String field) {
        if (!isGuid(text)) {
            throw new InvalidInputException(field, "must be a GUID such as 00000000-0000-0000-0000-000000000000.");
        }
        return UUID.fromString(text);
    }
}
