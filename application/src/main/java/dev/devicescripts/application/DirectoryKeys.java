package dev.devicescripts.application;

import dev.devicescripts.domain.Guids;
import java.util.UUID;

/** The directory's object ids as clients write them in paths and references. */
public final class DirectoryKeys {
    private DirectoryKeys() {
    }

    /** @throws RequestRefusedException worded as the directory words it, when {@code key} is no GUID */
    public static UUID objectId(String key) {
        if (!Guids.isGuid(key)) {
            throw new RequestRefusedException("Invalid object identifier '" + key + "'.");
        }
        return UUID.fromString(key);
    }
}
