package dev.devicescripts.domain.targeting;

import java.util.Locale;

/** What a result is about: a managed device or a user. Also an assignment's dimension (3.1): whom it reaches. */
public enum SubjectType {
    DEVICE, USER;

    public String graphName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
