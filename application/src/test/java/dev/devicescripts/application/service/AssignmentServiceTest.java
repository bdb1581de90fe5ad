package dev.devicescripts.application.service;

import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.fullProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.AccessDeniedException;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.Callers;
import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.port.in.AssignScriptCommand;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.ScriptGroupAssignment;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.ModifiedProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssignmentServiceTest {
    private static final Caller ADMIN = Callers.admin(TENANT);
    private static final Caller THEIR_ADMIN = Callers.admin(OTHER_TENANT);
    private static final int MAX_TARGETS = 5;
    private static final GroupId GROUP_1 = GroupId.of("a1a1a1a1-0000-0000-0000-000000000001", "groupId");
    private static final GroupId GROUP_2 = GroupId.of("a2a2a2a2-0000-0000-0000-000000000002", "groupId");
    private static final UUID FILTER = UUID.fromString("f1f1f1f1-0000-0000-0000-000000000001");

    private final FakeStore store = new FakeStore();
    private final TimeSource time = () -> Instant.parse("2026-11-28T12:00:00Z");
    private final ScriptService scripts = new ScriptService(store, time, () -> new ScriptId(UUID.randomUUID()));
    private final AssignmentService service = new AssignmentService(store, MAX_TARGETS, time);
    private final ScriptId scriptId = scripts.create(ADMIN, fullProperties("Cleanup")).id();

    @Test
    void aNewScriptHasNoAssignments() {
        assertThat(service.assignments(ADMIN, scriptId)).isEmpty();
        assertThat(service.groupAssignments(ADMIN, scriptId)).isEmpty();
    }

    @Test
    void assignReplacesTheWholeSet() {
        assign(List.of(GROUP_1), List.of(allDevices()));

        assign(List.of(), List.of(new ExclusionGroupAssignmentTarget(GROUP_2)));

        assertThat(targets()).containsExactly(new ExclusionGroupAssignmentTarget(GROUP_2));
    }

    @Test
    void anAssignsEntryHoldsTheSetItReplacedAndTheNewOneAsGraphsTargets() {
        assign(List.of(GROUP_1), List.of());
        assign(List.of(), List.of(new ExclusionGroupAssignmentTarget(GROUP_2),
                new ConfigurationManagerCollectionAssignmentTarget("SMS\"1", AssignmentFilter.include(FILTER))));

        AuditEvent entry = store.audited.get(store.audited.size() - 1);
        assertThat(entry.activity()).isEqualTo("Assign DeviceManagementScript");
        assertThat(entry.resources()).singleElement().satisfies(resource -> {
            assertThat(resource.displayName()).isEqualTo("Cleanup");
            assertThat(resource.resourceId()).isEqualTo(scriptId.toString());
            assertThat(resource.modifiedProperties()).containsExactly(new ModifiedProperty("assignments",
                    "[{\"@odata.type\":\"#microsoft.graph.groupAssignmentTarget\","
                            + "\"deviceAndAppManagementAssignmentFilterId\":null,"
                            + "\"deviceAndAppManagementAssignmentFilterType\":\"none\","
                            + "\"groupId\":\"a1a1a1a1-0000-0000-0000-000000000001\"}]",
                    "[{\"@odata.type\":\"#microsoft.graph.exclusionGroupAssignmentTarget\","
                            + "\"deviceAndAppManagementAssignmentFilterId\":null,"
                            + "\"deviceAndAppManagementAssignmentFilterType\":\"none\","
                            + "\"groupId\":\"a2a2a2a2-0000-0000-0000-000000000002\"},"
                            + "{\"@odata.type\":\"#microsoft.graph.configurationManagerCollectionAssignmentTarget\","
                            + "\"deviceAndAppManagementAssignmentFilterId\":\"f1f1f1f1-0000-0000-0000-000000000001\","
                            + "\"deviceAndAppManagementAssignmentFilterType\":\"include\","
                            + "\"collectionId\":\"SMS\\\"1\"}]"));
        });
    }

    @Test
    void assignWithNothingNamedClearsTheSet() {
        assign(List.of(GROUP_1), List.of(allDevices()));

        assign(List.of(), List.of());

        assertThat(service.assignments(ADMIN, scriptId)).isEmpty();
    }

    @Test
    void theNewSetIsTheGroupAssignmentsAsIncludeTargetsFollowedByTheAssignments() {
        assign(List.of(GROUP_1), List.of(allDevices(), new ExclusionGroupAssignmentTarget(GROUP_2)));

        assertThat(targets()).containsExactly(GroupAssignmentTarget.withoutFilter(GROUP_1), allDevices(),
                new ExclusionGroupAssignmentTarget(GROUP_2));
    }

    @Test
    void aTargetNamedTwiceWithTheSameFilterCountsOnce() {
        assign(List.of(GROUP_1, GROUP_1), List.of(GroupAssignmentTarget.withoutFilter(GROUP_1), allDevices(),
                allDevices()));

        assertThat(targets()).containsExactly(GroupAssignmentTarget.withoutFilter(GROUP_1), allDevices());
    }

    @Test
    void theSameTargetWithDifferentFiltersIsRejectedAndTheSetIsUnchanged() {
        assertRejectedAndSetUnchanged(List.of(), List.of(allDevices(),
                new AllDevicesAssignmentTarget(AssignmentFilter.include(FILTER))),
                message -> assertThat(message).contains("different assignment filters"));
    }

    @Test
    void aGroupBothIncludedAndExcludedIsRejectedAndTheSetIsUnchanged() {
        assertRejectedAndSetUnchanged(List.of(GROUP_1), List.of(new ExclusionGroupAssignmentTarget(GROUP_1)),
                message -> assertThat(message).contains(GROUP_1.toString(), "both as an include and as an exclusion"));
    }

    @Test
    void moreTargetsThanTheLimitAreRejectedNamingTheLimitAndTheSetIsUnchanged() {
        List<GroupId> oneTooMany = IntStream.rangeClosed(1, MAX_TARGETS + 1)
                .mapToObj(i -> new GroupId(new UUID(7, i))).toList();

        assertRejectedAndSetUnchanged(oneTooMany, List.of(),
                message -> assertThat(message).contains("at most " + MAX_TARGETS));
    }

    @Test
    void asManyTargetsAsTheLimitAreAccepted() {
        assign(List.of(GROUP_1, GROUP_2), List.of(allDevices(),
                new AllLicensedUsersAssignmentTarget(AssignmentFilter.NONE),
                new ConfigurationManagerCollectionAssignmentTarget("SMS00001", AssignmentFilter.NONE)));

        assertThat(targets()).hasSize(MAX_TARGETS);
    }

    @Test
    void assignToAnUnknownScriptIsNotFound() {
        ScriptId unknown = new ScriptId(UUID.randomUUID());

        assertThatThrownBy(() -> service.assign(ADMIN, new AssignScriptCommand(unknown, List.of(GROUP_1), List.of())))
                .isInstanceOf(ScriptNotFoundException.class);
    }

    @Test
    void assignToAnotherTenantsScriptIsNotFoundAndLeavesItsSetAlone() {
        assign(List.of(GROUP_1), List.of());

        assertThatThrownBy(() -> service.assign(THEIR_ADMIN,
                new AssignScriptCommand(scriptId, List.of(GROUP_2), List.of())))
                .isInstanceOf(ScriptNotFoundException.class);

        assertThat(targets()).containsExactly(GroupAssignmentTarget.withoutFilter(GROUP_1));
    }

    @Test
    void readingTheAssignmentsOfAnUnknownOrAnotherTenantsScriptIsNotFound() {
        ScriptId unknown = new ScriptId(UUID.randomUUID());
        assign(List.of(GROUP_1), List.of());
        String assignmentId = scriptId + ":" + GROUP_1;

        assertScriptNotFound(ADMIN, unknown, () -> service.assignments(ADMIN, unknown));
        assertScriptNotFound(THEIR_ADMIN, scriptId, () -> service.assignments(THEIR_ADMIN, scriptId));
        assertScriptNotFound(THEIR_ADMIN, scriptId, () -> service.groupAssignments(THEIR_ADMIN, scriptId));
        assertScriptNotFound(THEIR_ADMIN, scriptId, () -> service.assignment(THEIR_ADMIN, scriptId, assignmentId));
        assertScriptNotFound(THEIR_ADMIN, scriptId,
                () -> service.groupAssignment(THEIR_ADMIN, scriptId, assignmentId));
    }

    @Test
    void assignmentIdsAreTheScriptIdAndTheTargetsKey() {
        assign(List.of(GROUP_1), List.of(new ExclusionGroupAssignmentTarget(GROUP_2),
                new ConfigurationManagerCollectionAssignmentTarget("SMS00001", AssignmentFilter.NONE), allDevices(),
                new AllLicensedUsersAssignmentTarget(AssignmentFilter.NONE)));

        assertThat(service.assignments(ADMIN, scriptId)).extracting(assignment -> assignment.id().toString())
                .containsExactly(
                        scriptId + ":a1a1a1a1-0000-0000-0000-000000000001",
                        scriptId + ":a2a2a2a2-0000-0000-0000-000000000002",
                        scriptId + ":SMS00001",
                        scriptId + ":adadadad-808e-44e2-905a-0b7873a8a531",
                        scriptId + ":acacacac-9df4-4c7d-9d50-4ef0226f57a9");
    }

    @Test
    void groupAssignmentsShowOnlyTheIncludeGroupTargetsWithoutAFilter() {
        assign(List.of(GROUP_1), List.of(new GroupAssignmentTarget(GROUP_2, AssignmentFilter.include(FILTER)),
                new ExclusionGroupAssignmentTarget(new GroupId(new UUID(3, 3))), allDevices()));

        List<ScriptGroupAssignment> groupAssignments = service.groupAssignments(ADMIN, scriptId);
        assertThat(groupAssignments).extracting(ScriptGroupAssignment::targetGroupId).containsExactly(GROUP_1);
        assertThat(groupAssignments.get(0).id().toString()).isEqualTo(scriptId + ":" + GROUP_1);
    }

    @Test
    void anAssignmentIsFoundByItsId() {
        assign(List.of(GROUP_1), List.of(allDevices()));
        String allDevicesId = scriptId + ":" + AllDevicesAssignmentTarget.KEY;

        ScriptAssignment found = service.assignment(ADMIN, scriptId, allDevicesId);

        assertThat(found.target()).isEqualTo(allDevices());
        assertThat(found.id().toString()).isEqualTo(allDevicesId);
        assertThat(service.groupAssignment(ADMIN, scriptId, scriptId + ":" + GROUP_1).targetGroupId())
                .isEqualTo(GROUP_1);
    }

    @Test
    void anUnknownAssignmentIdIsNotFound() {
        assign(List.of(GROUP_1), List.of(new GroupAssignmentTarget(GROUP_2, AssignmentFilter.include(FILTER))));
        String unknown = scriptId + ":" + new UUID(9, 9);
        String filteredGroup = scriptId + ":" + GROUP_2;

        assertThatThrownBy(() -> service.assignment(ADMIN, scriptId, unknown))
                .isExactlyInstanceOf(NotFoundException.class).hasMessageContaining(unknown);
        // A filtered group is an assignment but not a group assignment.
        assertThatThrownBy(() -> service.groupAssignment(ADMIN, scriptId, filteredGroup))
                .isExactlyInstanceOf(NotFoundException.class).hasMessageContaining(filteredGroup);
    }

    @Test
    void deletingTheScriptRemovesItsAssignments() {
        assign(List.of(GROUP_1), List.of(allDevices()));

        scripts.delete(ADMIN, scriptId);

        assertThatThrownBy(() -> service.assignments(ADMIN, scriptId)).isInstanceOf(ScriptNotFoundException.class);
        assertThat(store.findSet(TENANT, scriptId)).isEmpty();
    }

    @Test
    void aReaderMayReadTheAssignmentsButNotAssignAndTheSetStaysAsItWas() {
        assign(List.of(GROUP_1), List.of());
        Caller reader = Callers.reader(TENANT);

        assertThat(service.groupAssignments(reader, scriptId)).hasSize(1);
        assertThatThrownBy(() -> service.assign(reader, new AssignScriptCommand(scriptId, List.of(GROUP_2), List.of())))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(targets()).containsExactly(GroupAssignmentTarget.withoutFilter(GROUP_1));
    }

    private void assign(List<GroupId> groupAssignments, List<AssignmentTarget> assignments) {
        service.assign(ADMIN, new AssignScriptCommand(scriptId, groupAssignments, assignments));
    }

    private List<AssignmentTarget> targets() {
        return service.assignments(ADMIN, scriptId).stream().map(ScriptAssignment::target).toList();
    }

    private void assertRejectedAndSetUnchanged(List<GroupId> groupAssignments, List<AssignmentTarget> assignments,
                                               Consumer<String> message) {
        assign(List.of(GROUP_2), List.of());

        assertThatThrownBy(() -> assign(groupAssignments, assignments))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> message.accept(e.getMessage()));

        assertThat(targets()).containsExactly(GroupAssignmentTarget.withoutFilter(GROUP_2));
    }

    private static void assertScriptNotFound(Caller caller, ScriptId id, Runnable read) {
        assertThatThrownBy(read::run).as("read by tenant %s", caller.tenant())
                .isInstanceOf(ScriptNotFoundException.class).hasMessageContaining(id.toString());
    }

    private static AllDevicesAssignmentTarget allDevices() {
        return new AllDevicesAssignmentTarget(AssignmentFilter.NONE);
    }
}
