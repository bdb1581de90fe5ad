package dev.devicescripts.application.service;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.collections.TargetTypes;
import dev.devicescripts.application.port.in.AssignScriptCommand;
import dev.devicescripts.application.port.in.AssignScriptUseCase;
import dev.devicescripts.application.port.in.GetScriptAssignmentsUseCase;
import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.ScriptGroupAssignment;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.IntuneAudits;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Replaces and reads scripts' assignment sets, each for a caller whose token allows it. */
public final class AssignmentService implements AssignScriptUseCase, GetScriptAssignmentsUseCase {

    private final AssignmentSetRepository assignmentSets;
    private final int maxTargets;
    private final TimeSource time;

    /** @param maxTargets how many targets one script's set may hold */
    public AssignmentService(AssignmentSetRepository assignmentSets, int maxTargets, TimeSource time) {
        if (maxTargets < 1) {
            throw new IllegalArgumentException("maxTargets must be at least 1: " + maxTargets);
        }
        this.assignmentSets = assignmentSets;
        this.maxTargets = maxTargets;
        this.time = time;
    }

    @Override
    public void assign(Caller caller, AssignScriptCommand command) {
        TenantId tenant = Access.WRITE.tenantOf(caller);
        AssignmentSet set = AssignmentSet.of(command.groupAssignments(), command.assignments(), maxTargets);
        if (!assignmentSets.replace(tenant, command.scriptId(), set, (displayName, before) -> IntuneAudits.assigned(
                Stamps.of(caller, time), command.scriptId(), displayName, TargetTypes.json(before),
                TargetTypes.json(set)))) {
            throw new ScriptNotFoundException(command.scriptId());
        }
    }

    @Override
    public List<ScriptAssignment> assignments(Caller caller, ScriptId scriptId) {
        return setOf(caller, scriptId).assignmentsOf(scriptId);
    }

    @Override
    public ScriptAssignment assignment(Caller caller, ScriptId scriptId, String assignmentId) {
        return findById(assignments(caller, scriptId), ScriptAssignment::id, assignmentId,
                "deviceManagementScriptAssignment");
    }

    @Override
    public List<ScriptGroupAssignment> groupAssignments(Caller caller, ScriptId scriptId) {
        return setOf(caller, scriptId).groupAssignmentsOf(scriptId);
    }

    @Override
    public ScriptGroupAssignment groupAssignment(Caller caller, ScriptId scriptId, String groupAssignmentId) {
        return findById(groupAssignments(caller, scriptId), ScriptGroupAssignment::id, groupAssignmentId,
                "deviceManagementScriptGroupAssignment");
    }

    @Override
    public Map<ScriptId, AssignmentSet> assignmentSets(Caller caller, List<ScriptId> scriptIds) {
        return assignmentSets.findSets(Access.READ.tenantOf(caller), scriptIds);
    }

    private AssignmentSet setOf(Caller caller, ScriptId scriptId) {
        return assignmentSets.findSet(Access.READ.tenantOf(caller), scriptId)
                .orElseThrow(() -> new ScriptNotFoundException(scriptId));
    }

    private static <T> T findById(List<T> entries, Function<T, Object> id, String wanted, String entityName) {
        return entries.stream()
                .filter(entry -> id.apply(entry).toString().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No " + entityName + " with id " + wanted + " exists."));
    }
}
