package dev.devicescripts.domain.targeting;

import java.util.Locale;

/** Where a rule comes from, so that a reader of an answer can tell Microsoft's word from ours (targeting.md marks). */
public enum Basis {
    /** Microsoft documents it. */
    DOCUMENTED,
    /** Recorded against a live tenant by a third party. */
    OBSERVED,
    /** The sources are silent or disagree: devicescripts' choice. */
    DECISION;

    public String graphName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
