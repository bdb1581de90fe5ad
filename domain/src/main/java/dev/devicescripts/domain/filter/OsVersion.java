package dev.devicescripts.domain.filter;

import java.util.List;
import java.util.Optional;

/**
 * A version as {@code operatingSystemVersion} compares it: two to four numeric parts, each at most nine digits,
 * missing parts counting as 0 ({@code 10.0.26100} equals {@code 10.0.26100.0}).
 *
 * @param parts always four
 */
public record OsVersion(List<Long> parts) implements Comparable<OsVersion> {
    public static final int PARTS = 4;

    public OsVersion {
        parts = List.copyOf(parts);
        if (parts.size() != PARTS) {
            throw new IllegalArgumentException("A version has " + PARTS + " parts: " + parts);
        }
    }

    /** The version {@code text} spells (no spaces, no quotes), or empty when it is not one. */
    public static Optional<OsVersion> parse(String text) {
        throw new UnsupportedOperationException("helper A");
    }

    @Override
    public int compareTo(OsVersion other) {
        throw new UnsupportedOperationException("helper A");
    }
}
