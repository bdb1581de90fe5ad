package dev.devicescripts.domain;

import java.util.Arrays;
import java.util.Base64;

/** The script itself, as the bytes Intune delivers to devices (clients send it base64-encoded). */
public final class ScriptContent {
    /** Intune refuses scripts larger than 200 KiB. */
    public static final int MAX_BYTES = 200 * 1024;

    private final byte[] bytes;

    private ScriptContent(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ScriptContent of(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("scriptContent",
                    "decodes to " + bytes.length + " bytes; a script may hold at most " + MAX_BYTES
                            + " bytes (200 KiB).");
        }
        return new ScriptContent(bytes.clone());
    }

    public static ScriptContent fromBase64(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("scriptContent", "must be base64-encoded.");
        }
        return of(decoded);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScriptContent content && Arrays.equals(bytes, content.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ScriptContent[" + bytes.length + " bytes]";
    }
}
