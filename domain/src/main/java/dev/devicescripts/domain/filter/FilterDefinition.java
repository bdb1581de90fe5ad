package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.ScriptProperties;
import dev.devicescripts.domain.WhiteSpace;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An assignment filter as an admin defines it: a named rule for one platform. Instances only hold; the service checks
 * a client's values with {@link #check} before storing them, so a filter stored under older rules still loads.
 *
 * @param description null when unset
 * @param rule        as the client wrote it
 * @param payloads    computed, never stored: the script assignment targets naming this filter (empty as stored)
 */
public record FilterDefinition(UUID id, String displayName, String description, FilterPlatform platform, String rule,
                               FilterManagementType managementType, List<String> roleScopeTags,
                               Instant createdDateTime, Instant lastModifiedDateTime, List<FilterPayload> payloads) {
    /** The subjects of its rules, in the domain's terms. */
    public static final String DISPLAY_NAME = "displayName";
    public static final String RULE = "rule";
    public static final String PLATFORM = "platform";
    public static final String DESCRIPTION = "description";
    /** As a script's description. */
    public static final int MAX_DESCRIPTION_LENGTH = ScriptProperties.MAX_DESCRIPTION_LENGTH;
    /** Intune's limit per tenant. */
    public static final int MAX_FILTERS_PER_TENANT = 200;

    public FilterDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(managementType, "managementType");
        roleScopeTags = List.copyOf(roleScopeTags);
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        Objects.requireNonNull(lastModifiedDateTime, "lastModifiedDateTime");
        payloads = List.copyOf(payloads);
    }

    /**
     * Checks what a client may write: a display name that is not blank, a description of at most
     * {@link #MAX_DESCRIPTION_LENGTH} characters, a rule that is not blank, of at most
     * {@link RuleParser#MAX_RULE_LENGTH} characters, valid for the platform and management type (which must be one
     * devicescripts has a {@link PropertyTable} for).
     *
     * @return the parsed rule
     * @throws dev.devicescripts.domain.InvalidInputException naming the field and the rule it broke
     */
    public FilterRule check() {
        if (WhiteSpace.isBlank(displayName)) {
            throw new InvalidInputException(DISPLAY_NAME, "must not be blank.");
        }
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidInputException(DESCRIPTION, "is " + description.length()
                    + " characters long; it may be at most " + MAX_DESCRIPTION_LENGTH + ".");
        }
        return parseRule(rule, platform, managementType);
    }

    /**
     * The rule {@code text} spells for the platform's filters of the management type: not blank, at most
     * {@link RuleParser#MAX_RULE_LENGTH} characters, and valid for the platform's {@link PropertyTable}.
     *
     * @throws dev.devicescripts.domain.InvalidInputException naming the field and the rule it broke
     */
    public static FilterRule parseRule(String text, FilterPlatform platform, FilterManagementType managementType) {
        requireRule(text);
        if (text.length() > RuleParser.MAX_RULE_LENGTH) {
            throw new InvalidInputException(RULE, "is " + text.length() + " characters long; it may be at most "
                    + RuleParser.MAX_RULE_LENGTH + ".");
        }
        PropertyTable table = PropertyTable.of(platform, managementType).orElseThrow(() -> new InvalidInputException(
                PLATFORM, "is " + platform.graphName() + " for " + managementType.graphName()
                        + "; devicescripts has rule tables for windows10AndLater and macOS device filters only."));
        try {
            return RuleParser.parse(text, table);
        } catch (InvalidRuleException e) {
            // Its message starts with the field's name, which InvalidInputException puts first itself.
            throw new InvalidInputException(RULE, e.getMessage().substring(RULE.length() + 1));
        }
    }

    /**
     * validateFilter's answer: whether {@link #parseRule} takes the rule. A blank rule is no answer but a refusal,
     * as Graph refuses it [Observed].
     *
     * @throws dev.devicescripts.domain.InvalidInputException when the rule is blank
     */
    public static boolean isValidRule(String text, FilterPlatform platform, FilterManagementType managementType) {
        requireRule(text);
        try {
            parseRule(text, platform, managementType);
            return true;
        } catch (InvalidInputException invalid) {
            return false;
        }
    }

    private static void requireRule(String text) {
        if (WhiteSpace.isBlank(text)) {
            throw new InvalidInputException(RULE, "must not be blank.");
        }
    }

    public FilterDefinition withPayloads(List<FilterPayload> payloads) {
        return new FilterDefinition(id, displayName, description, platform, rule, managementType, roleScopeTags,
                createdDateTime, lastModifiedDateTime, payloads);
    }
}
