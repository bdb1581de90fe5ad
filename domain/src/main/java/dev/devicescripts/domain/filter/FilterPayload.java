package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.AssignmentFilterType;
import java.util.Objects;
import java.util.UUID;

/**
 * A script assignment target that names a filter (Graph's payloadByFilter).
 *
 * @param groupId the target's group, or Graph's virtual id of All devices / All licensed users
 */
public record FilterPayload(UUID scriptId, UUID groupId, AssignmentFilterType filterType) {
    public FilterPayload {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(filterType, "filterType");
    }
}
