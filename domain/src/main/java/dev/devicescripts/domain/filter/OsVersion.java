package dev.devicescripts.domain.filter;

import java.util.ArrayList;
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
    private static final int MAX_PART_DIGITS = 9;

    public OsVersion {
        parts = List.copyOf(parts);
        if (parts.size() != PARTS) {
            throw new IllegalArgumentException("A version has " + PARTS + " parts: " + parts);
        }
    }

    /** The version {@code text} spells (no spaces, no quotes), or empty when it is not one. */
    public static Optional<OsVersion> parse(String text) {
        String[] written = text.split("\\.", -1);
        if (written.length < 2 || written.length > PARTS) {
            return Optional.empty();
        }
        List<Long> parts = new ArrayList<>(PARTS);
        for (String part : written) {
            // ASCII digits only: Long.parseLong would also take a sign and other scripts' digits.
            if (part.isEmpty() || part.length() > MAX_PART_DIGITS
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            parts.add(Long.parseLong(part));
        }
        while (parts.size() < PARTS) {
            parts.add(0L);
        }
        return Optional.of(new OsVersion(parts));
    }

    @Override
    public int compareTo(OsVersion other) {
        for (int i = 0; i < PARTS; i++) {
            int order = Long.compare(parts.get(i), other.parts.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
