package dev.devicescripts.domain;

/**
 * White space as a person reads it. {@link Character#isWhitespace} (and so {@link String#isBlank}) leaves out the
 * no-break spaces U+00A0, U+2007 and U+202F, which a client can paste as easily as a plain space.
 */
public final class WhiteSpace {
    private WhiteSpace() {
    }

    public static boolean isWhiteSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    public static boolean isBlank(String text) {
        return text.codePoints().allMatch(WhiteSpace::isWhiteSpace);
    }
}
