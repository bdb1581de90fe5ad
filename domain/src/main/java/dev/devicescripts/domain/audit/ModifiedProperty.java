package dev.devicescripts.domain.audit;

import java.util.Objects;

/**
 * A property a change set, with its values before and after as Graph writes them in both logs: strings (JSON text for
 * lists and objects), null when there was none.
 */
public record ModifiedProperty(String displayName, String oldValue, String newValue) {
    public ModifiedProperty {
        Objects.requireNonNull(displayName, "displayName");
    }
}
