package dev.devicescripts.domain.filter;

/** Reads the rule language of targeting.md 2.1 and 2.2 against one platform's {@link PropertyTable}. */
public final class RuleParser {
    /** Graph's limit on a rule's length. */
    public static final int MAX_RULE_LENGTH = 3_072;
    /** Ours (targeting.md 2.5): beyond them a rule is invalid. */
    public static final int MAX_NESTING = 64;
    public static final int MAX_TOKENS = 1_024;

    private RuleParser() {
    }

    /**
     * The rule {@code text} spells for the table's platform.
     *
     * @throws InvalidRuleException when the rule is invalid, at the first token that makes it so
     */
    public static FilterRule parse(String text, PropertyTable table) {
        throw new UnsupportedOperationException("helper A");
    }
}
