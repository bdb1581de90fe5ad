package dev.devicescripts.domain.filter;

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
     * Checks what a client may write: a display name that is not blank, a rule of at most
     * {@link RuleParser#MAX_RULE_LENGTH} characters, valid for the platform and management type.
     *
     * @return the parsed rule
     * @throws dev.devicescripts.domain.InvalidInputException naming the field and the rule it broke
     */
    public FilterRule check() {
        throw new UnsupportedOperationException("helper A");
    }

    public FilterDefinition withPayloads(List<FilterPayload> payloads) {
        return new FilterDefinition(id, displayName, description, platform, rule, managementType, roleScopeTags,
                createdDateTime, lastModifiedDateTime, payloads);
    }
}
