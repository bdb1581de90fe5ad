package dev.devicescripts.domain.targeting;

import java.util.Comparator;
import java.util.UUID;

/**
 * The order subjects are listed and paged in: their ids as text, which is how H2 and PostgreSQL order uuid columns
 * (unsigned, byte by byte). {@link UUID#compareTo} compares signed halves and would disagree with the stores.
 */
public final class SubjectOrder {
    public static final Comparator<UUID> IDS = Comparator.comparing(UUID::toString);

    private SubjectOrder() {
    }
}
