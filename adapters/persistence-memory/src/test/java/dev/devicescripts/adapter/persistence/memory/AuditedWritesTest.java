package dev.devicescripts.adapter.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.collections.AuditEventCollection;
import dev.devicescripts.application.collections.DirectoryAuditCollection;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.FilterPatch;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases.NewFilter;
import dev.devicescripts.application.port.in.DeviceUseCases.NewDevice;
import dev.devicescripts.application.port.in.GroupUseCases.GroupPatch;
import dev.devicescripts.application.port.in.GroupUseCases.NewGroup;
import dev.devicescripts.application.port.in.SeedItem;
import dev.devicescripts.application.port.in.UserUseCases.NewUser;
import dev.devicescripts.application.port.in.UserUseCases.UserPatch;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.service.AssignmentFilterService;
import dev.devicescripts.application.service.DeviceService;
import dev.devicescripts.application.service.GroupService;
import dev.devicescripts.application.service.SeedService;
import dev.devicescripts.application.service.UserService;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.DirectoryAudit;
import dev.devicescripts.domain.audit.KeyValue;
import dev.devicescripts.domain.audit.ModifiedProperty;
import dev.devicescripts.domain.audit.TargetResource;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The directory's and the filters' use cases over the memory store: each successful write records exactly one entry
 * per change in the right log, inside its write; a refused write records none.
 */
class AuditedWritesTest {
    private static final TenantId TENANT = TenantId.of("11111111-1111-1111-1111-111111111111");
    private static final Caller ADMIN = new Caller(TENANT, Actor.Kind.DELEGATED, Set.of("Group.ReadWrite.All",
            "GroupMember.ReadWrite.All", "User.ReadWrite.All", "Device.ReadWrite.All",
            "DeviceManagementConfiguration.ReadWrite.All", "Devicescripts.Seed"));

    private final InMemoryStore store = new InMemoryStore();
    private final AtomicLong seconds = new AtomicLong();
    private final TimeSource clock = () -> Instant.parse("2026-12-01T10:00:00Z").plusSeconds(seconds.getAndIncrement());
    private final GroupService groups = new GroupService(store.directory(), clock, UUID::randomUUID);
    private final UserService users = new UserService(store.directory(), clock, UUID::randomUUID);
    private final DeviceService devices = new DeviceService(store.directory(), clock, UUID::randomUUID);
    private final AssignmentFilterService filters = new AssignmentFilterService(store.directory(), store, store,
            clock, UUID::randomUUID);

    @Test
    void groupAndMemberWritesRecordOneEntryEachInEntrasLog() {
        User ada = users.create(ADMIN, new NewUser(true, "Ada", "ada", "ada@contoso.test", null, "secret"));
        Group group = groups.create(ADMIN, new NewGroup("Pilot", null, false, "pilot", true, List.of(), null, null,
                List.of(ada.id().toString()), List.of()));
        groups.update(ADMIN, group.id().toString(), new GroupPatch(Change.keep(), Change.keep(), Change.keep(),
                List.of()));
        groups.removeMember(ADMIN, group.id().toString(), ada.id().toString());
        groups.addMembers(ADMIN, group.id().toString(), List.of(ada.id().toString()));
        groups.delete(ADMIN, group.id().toString());

        assertThat(audits()).extracting(DirectoryAudit::activityDisplayName).containsExactly("Delete group",
                "Add member to group", "Remove member from group", "Update group", "Add member to group",
                "Add group", "Add user");
        DirectoryAudit removed = audits().get(2);
        assertThat(removed.operationType()).isEqualTo("Unassign");
        assertThat(removed.targetResources()).extracting(TargetResource::id)
                .containsExactly(group.id().toString(), ada.id().toString());
        assertThat(audits().get(3).targetResources().get(0).modifiedProperties())
                .as("a PATCH that changed nothing").isEmpty();
        assertThat(audits()).allSatisfy(audit -> {
            assertThat(audit.loggedByService()).isEqualTo("Core Directory");
            assertThat(audit.initiatedBy()).isEqualTo(ADMIN.actor());
            assertThat(audit.correlationId()).isEqualTo(ADMIN.correlationId());
        });
        assertThat(events()).as("directory changes are Entra's only").isEmpty();
    }

    @Test
    void userAndDeviceWritesRecordTheirEntries() {
        User ada = users.create(ADMIN, new NewUser(true, "Ada", "ada", "ada@contoso.test", null, "secret"));
        users.update(ADMIN, ada.id().toString(), new UserPatch(Change.to(false), Change.keep(), Change.keep(),
                Change.keep(), Change.keep()));
        users.delete(ADMIN, ada.id().toString());
        Device device = devices.create(ADMIN, new NewDevice(true, UUID.randomUUID().toString(), "LAB-042",
                "Windows", "10.0", null, null, null, null, null, null));
        devices.delete(ADMIN, device.id().toString());

        assertThat(audits()).extracting(DirectoryAudit::activityDisplayName).containsExactly("Delete device",
                "Add device", "Delete user", "Update user", "Add user");
        assertThat(audits().get(3).targetResources()).singleElement().satisfies(target -> {
            assertThat(target.userPrincipalName()).isEqualTo("ada@contoso.test");
            assertThat(target.modifiedProperties()).containsExactly(
                    new ModifiedProperty("accountEnabled", "true", "false"));
        });
    }

    @Test
    void filterWritesRecordIntuneEventsInTheDirectorysWrite() {
        FilterDefinition filter = filters.create(ADMIN, new NewFilter("Windows", null,
                FilterPlatform.WINDOWS_10_AND_LATER, "(device.deviceName -eq \"LAB\")", null, null));
        filters.update(ADMIN, filter.id(), new FilterPatch(Change.to("Windows 11"), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep()));
        filters.delete(ADMIN, filter.id());

        assertThat(events()).extracting(AuditEvent::activity).containsExactly(
                "Delete DeviceAndAppManagementAssignmentFilter", "Patch DeviceAndAppManagementAssignmentFilter",
                "Create DeviceAndAppManagementAssignmentFilter");
        assertThat(events()).allSatisfy(event -> assertThat(event.resources().get(0).resourceId())
                .isEqualTo(filter.id().toString()));
        assertThat(audits()).isEmpty();
    }

    @Test
    void refusedWritesRecordNothing() {
        User ada = users.create(ADMIN, new NewUser(true, "Ada", "ada", "ada@contoso.test", null, "secret"));
        Group dynamic = groups.create(ADMIN, new NewGroup("Dynamic", null, false, "dynamic", true,
                List.of("DynamicMembership"), "(user.department -eq \"x\")", null, List.of(), List.of()));
        int before = audits().size();

        assertThatThrownBy(() -> users.create(ADMIN, new NewUser(true, "Ada 2", "ada2", "ADA@contoso.test", null,
                "secret")));
        assertThatThrownBy(() -> groups.addMembers(ADMIN, dynamic.id().toString(), List.of(ada.id().toString())));
        assertThatThrownBy(() -> groups.create(ADMIN, new NewGroup("Pilot", null, false, "pilot", true, List.of(),
                null, null, List.of(UUID.randomUUID().toString()), List.of())));
        assertThatThrownBy(() -> devices.delete(ADMIN, UUID.randomUUID().toString()));
        assertThatThrownBy(() -> filters.create(ADMIN, new NewFilter("Bad", null,
                FilterPlatform.WINDOWS_10_AND_LATER, "not a rule", null, null)));

        assertThat(audits()).hasSize(before);
        assertThat(events()).isEmpty();
    }

    @Test
    void aSeedDocumentRecordsOneEntryWithItsCounts() {
        SeedService seed = new SeedService(store.directory(), clock);
        Deque<SeedItem> items = new ArrayDeque<>(List.of(
                new SeedItem.SeedUser("users[0]", new User(UUID.randomUUID(), "A", "a@contoso.test", true, null,
                        null, Instant.EPOCH, List.of()), true),
                new SeedItem.SeedUser("users[1]", new User(UUID.randomUUID(), "B", "b@contoso.test", true, null,
                        null, Instant.EPOCH, List.of()), true)));

        seed.seed(ADMIN, () -> Optional.ofNullable(items.poll()));

        assertThat(audits()).singleElement().satisfies(audit -> {
            assertThat(audit.activityDisplayName()).isEqualTo("Seed directory");
            assertThat(audit.loggedByService()).isEqualTo("devicescripts");
            assertThat(audit.additionalDetails()).contains(new KeyValue("created", "2"));
        });
    }

    private List<DirectoryAudit> audits() {
        return store.auditLog().directoryAudits(TENANT, Query.firstPage(DirectoryAuditCollection.DIRECTORY_AUDITS,
                100)).items();
    }

    private List<AuditEvent> events() {
        return store.auditLog().auditEvents(TENANT, Query.firstPage(AuditEventCollection.AUDIT_EVENTS, 100)).items();
    }
}
