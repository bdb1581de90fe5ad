package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.ScriptAssignment;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An assignment that concerns a group (targeting.md 4.3): it names the group, or a group that holds it through
 * nesting, so that the group's members are reached (or excluded) through it.
 *
 * @param groupPath from the group the assignment names down to the group asked about (one element when direct)
 */
public record GroupScriptLink(TargetedScript script, ScriptAssignment assignment, Via via, List<UUID> groupPath) {
    public enum Via {
        DIRECT("direct"), PARENT_GROUP("parentGroup");

        private final String graphName;

        Via(String graphName) {
            this.graphName = graphName;
        }

        public String graphName() {
            return graphName;
        }
    }

    public GroupScriptLink {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(via, "via");
        groupPath = List.copyOf(groupPath);
    }
}
