package dev.devicescripts.domain.filter;

import dev.devicescripts.domain.AssignmentFilterType;
import java.util.Objects;
import java.util.UUID;

/**
 * A script assignment target that names a filter (Graph's payloadByFilter).
 *
 * @param groupId what the target names, as its key (and Graph's payloadByFilter.groupId, a string) spells it: the
 *                group's id, Graph's virtual id of All devices / All licensed users, or a Configuration Manager
 *                collection's id, which is no GUID
 */
public record FilterPayload(UUID scriptId, String groupId, AssignmentFilterType filterType) {
    public FilterPayload {
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(filterType, "filterType");
    }
}
