package dev.devicescripts.domain.audit;

import java.util.List;
import java.util.Objects;

/**
 * What a directory audit concerns ({@code targetResources[]}): a group, user or device; for a member change both the
 * group and the member.
 *
 * @param type              {@code Group}, {@code User} or {@code Device}
 * @param userPrincipalName a user's, else null
 */
public record TargetResource(String id, String displayName, String type, String userPrincipalName,
                             List<ModifiedProperty> modifiedProperties) {
    public TargetResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        modifiedProperties = List.copyOf(modifiedProperties);
    }
}
