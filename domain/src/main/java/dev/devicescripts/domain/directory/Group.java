package dev.devicescripts.domain.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A directory group. A security group holds users, devices and other security groups; a Unified (Microsoft 365)
 * group holds users only. A dynamic group's members follow its rule, which this service stores but never evaluates.
 */
public record Group(UUID id, String displayName, String description, boolean mailEnabled, String mailNickname,
                    boolean securityEnabled, List<String> groupTypes, String membershipRule,
                    String membershipRuleProcessingState, String mail, Instant createdDateTime)
        implements DirectoryObject {
    public static final String UNIFIED = "Unified";
    public static final String DYNAMIC_MEMBERSHIP = "DynamicMembership";

    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        groupTypes = List.copyOf(groupTypes);
    }

    public Group withCreatedDateTime(Instant created) {
        return new Group(id, displayName, description, mailEnabled, mailNickname, securityEnabled, groupTypes,
                membershipRule, membershipRuleProcessingState, mail, created);
    }

    public boolean isUnified() {
        return groupTypes.stream().anyMatch(UNIFIED::equalsIgnoreCase);
    }

    public boolean isDynamic() {
        return groupTypes.stream().anyMatch(DYNAMIC_MEMBERSHIP::equalsIgnoreCase);
    }

    /** Whether {@code member} may be a direct member of this group by its kind and type (not whether it is one). */
    public boolean mayHold(DirectoryObject member) {
        if (member.id().equals(id)) {
            return false;
        }
        if (isUnified()) {
            return member instanceof User;
        }
        return !(member instanceof Group group) || !group.isUnified();
    }

    @Override
    public Kind kind() {
        return Kind.GROUP;
    }
}
