package dev.devicescripts.domain;

import java.util.UUID;

/** Strict GUID parsing: {@link UUID#fromString} also accepts short forms such as {@code 1-2-3-4-5}, Graph does not. */
public final class Guids {
    /** 8-4-4-4-12 hexadecimal digits: where the dashes go. */
    private static final int[] DASHES = {8, 13, 18, 23};
    private static final int LENGTH = 36;

    private Guids() {
    }

    /** Checked by hand rather than by a regular expression: a large assign names a thousand GUIDs. */
    public static boolean isGuid(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        int dash = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (dash < DASHES.length && i == DASHES[dash]) {
                if (c != '-') {
                    return false;
                }
                dash++;
            } else if (!isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    public static UUID parse(String text, String field) {
        if (!isGuid(text)) {
            throw new InvalidInputException(field, "must be a GUID such as 00000000-0000-0000-0000-000000000000.");
        }
        return UUID.fromString(text);
    }
}
