package dev.devicescripts.application.port.out;

import static dev.devicescripts.application.port.out.DirectoryFixtures.device;
import static dev.devicescripts.application.port.out.DirectoryFixtures.filter;
import static dev.devicescripts.application.port.out.DirectoryFixtures.group;
import static dev.devicescripts.application.port.out.DirectoryFixtures.user;
import static dev.devicescripts.application.port.out.ScriptFixtures.CREATED;
import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.domain.filter.FilterManagementType.DEVICES;
import static dev.devicescripts.domain.filter.FilterPlatform.WINDOWS_10_AND_LATER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.collections.GroupCollection;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.LoggedOnUser;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.targeting.GroupMembers;
import dev.devicescripts.domain.targeting.SubjectOrder;
import dev.devicescripts.domain.targeting.SubjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link DirectoryReads} answers as the {@link dev.devicescripts.domain.targeting.TargetingDirectory} effective
 * targeting reads, and {@link DirectoryRepository#snapshot}; every adapter runs it on a fresh, empty store, so that
 * all stores give the same answers. An entry of a map is there exactly when it has something to say: an id that
 * names nothing, and (for parentGroups) an object in no group, are absent; a group without members has
 * {@link GroupMembers#NONE}. The order within a list is not promised.
 */
public abstract class TargetingDirectoryContractTest {
    /** The first uuid of the text order that {@link UUID#compareTo} (signed) puts before the one below. */
    private static final UUID HIGH_HALF = UUID.fromString("80000000-0000-0000-0000-000000000000");
    private static final UUID LOW_HALF = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");

    private DirectoryStorage storage;
    private DirectoryRepository directory;

    /** A new store that holds nothing yet. */
    protected abstract DirectoryStorage newDirectoryStorage();

    @BeforeEach
    void openStorage() {
        storage = newDirectoryStorage();
        directory = storage.directory();
    }

    /** Also runs when opening failed or was skipped: then there is nothing to close. */
    @AfterEach
    void closeStorage() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void objectsAreFoundManyAtOnceByTheirIdsAndUnknownOrOtherTenantsIdsAreAbsent() {
        User ada = user("Ada", "ada@contoso.test");
        User bob = user("Bob", "bob@contoso.test");
        User elsewhere = user("Eve", "eve@fabrikam.test");
        Group pilot = group("Pilot");
        Group lab = group("Lab");
        Device lab1 = device("LAB-1", "Windows");
        Device lab2 = device("LAB-2", "Windows");
        FilterDefinition filter = filter("Lab", null, WINDOWS_10_AND_LATER, DEVICES);
        change(writes -> {
            writes.put(ada);
            writes.put(bob);
            writes.put(pilot);
            writes.put(lab);
            writes.put(lab1);
            writes.put(lab2);
            writes.put(filter);
        });
        directory.write(OTHER_TENANT, writes -> {
            writes.put(elsewhere);
            return null;
        });
        UUID unknown = UUID.randomUUID();

        DirectoryReads reads = reads();
        assertThat(reads.usersById(List.of(ada.id(), bob.id(), unknown, elsewhere.id(), pilot.id())))
                .isEqualTo(Map.of(ada.id(), ada, bob.id(), bob));
        assertThat(reads.groupsById(List.of(pilot.id(), lab.id(), unknown, ada.id())))
                .isEqualTo(Map.of(pilot.id(), pilot, lab.id(), lab));
        assertThat(reads.devicesById(List.of(lab1.id(), lab2.id(), lab1.deviceId(), unknown)))
                .as("by object id, never by deviceId").isEqualTo(Map.of(lab1.id(), lab1, lab2.id(), lab2));
        assertThat(reads.devicesByDeviceId(List.of(lab1.deviceId(), lab2.deviceId(), lab1.id(), unknown)))
                .as("by deviceId, never by object id").isEqualTo(Map.of(lab1.deviceId(), lab1, lab2.deviceId(), lab2));
        assertThat(reads.assignmentFiltersById(List.of(filter.id(), unknown))).isEqualTo(Map.of(filter.id(), filter));
        assertThat(reads.usersById(List.of(ada.id(), ada.id()))).as("an id twice").isEqualTo(Map.of(ada.id(), ada));
    }

    @Test
    void noIdsFindNothing() {
        User ada = user("Ada", "ada@contoso.test");
        Group pilot = group("Pilot");
        change(writes -> {
            writes.put(ada);
            writes.put(pilot);
            writes.addMember(pilot.id(), ada.id());
        });

        DirectoryReads reads = reads();
        List<UUID> none = List.of();
        Stream.of(reads.parentGroups(none), reads.groupMembers(none), reads.directKinds(none), reads.groupsById(none),
                        reads.usersById(none),
                        reads.devicesById(none), reads.devicesByDeviceId(none), reads.managedDevicesByDeviceId(none),
                        reads.managedDevicesOfUsers(none), reads.assignmentFiltersById(none))
                .forEach(found -> assertThat(found).isEmpty());
    }

    @Test
    void moreIdsThanOneStatementNamesAreAllFound() {
        List<User> users = IntStream.range(0, 1_234).mapToObj(i -> user("User " + i, "user" + i + "@contoso.test"))
                .toList();
        change(writes -> users.forEach(writes::put));
        List<UUID> ids = new ArrayList<>(users.stream().map(User::id).toList());
        ids.add(UUID.randomUUID());

        Map<UUID, User> found = reads().usersById(ids);

        assertThat(found).hasSize(users.size());
        users.forEach(user -> assertThat(found).containsEntry(user.id(), user));
    }

    @Test
    void nestedGroupsAnswerTheirDirectParentsAndTheirDirectMembersByKind() {
        User ada = user("Ada", "ada@contoso.test");
        User bob = user("Bob", "bob@contoso.test");
        User alone = user("Alone", "alone@contoso.test");
        Device lab1 = device("LAB-1", "Windows");
        Group all = group("All staff");
        Group pilot = group("Pilot");
        Group lab = group("Lab");
        Group empty = group("Empty");
        change(writes -> {
            Stream.of(ada, bob, alone).forEach(writes::put);
            Stream.of(all, pilot, lab, empty).forEach(writes::put);
            writes.put(lab1);
            writes.addMember(all.id(), pilot.id());
            writes.addMember(all.id(), ada.id());
            writes.addMember(all.id(), bob.id());
            writes.addMember(pilot.id(), lab.id());
            writes.addMember(pilot.id(), ada.id());
            writes.addMember(lab.id(), lab1.id());
            writes.addMember(lab.id(), all.id()); // a cycle: all > pilot > lab > all
        });
        UUID unknown = UUID.randomUUID();

        DirectoryReads reads = reads();
        Map<UUID, List<UUID>> parents = reads.parentGroups(List.of(ada.id(), bob.id(), lab1.id(), pilot.id(),
                all.id(), alone.id(), empty.id(), unknown));
        assertThat(parents).containsOnlyKeys(ada.id(), bob.id(), lab1.id(), pilot.id(), all.id());
        assertThat(parents.get(ada.id())).containsExactlyInAnyOrder(all.id(), pilot.id());
        assertThat(parents.get(bob.id())).containsExactly(all.id());
        assertThat(parents.get(lab1.id())).containsExactly(lab.id());
        assertThat(parents.get(pilot.id())).containsExactly(all.id());
        assertThat(parents.get(all.id())).containsExactly(lab.id());

        Map<UUID, GroupMembers> members = reads.groupMembers(List.of(all.id(), pilot.id(), lab.id(), empty.id(),
                ada.id(), unknown));
        assertThat(members).containsOnlyKeys(all.id(), pilot.id(), lab.id(), empty.id());
        assertThat(members.get(all.id()).users()).containsExactlyInAnyOrder(ada.id(), bob.id());
        assertThat(members.get(all.id()).devices()).isEmpty();
        assertThat(members.get(all.id()).groups()).containsExactly(pilot.id());
        assertThat(members.get(pilot.id())).isEqualTo(new GroupMembers(List.of(ada.id()), List.of(),
                List.of(lab.id())));
        assertThat(members.get(lab.id())).isEqualTo(new GroupMembers(List.of(), List.of(lab1.id()),
                List.of(all.id())));
        assertThat(members.get(empty.id())).isEqualTo(GroupMembers.NONE);

        Map<UUID, Set<SubjectType>> kinds = reads.directKinds(List.of(all.id(), pilot.id(), lab.id(), empty.id(),
                ada.id(), unknown));
        assertThat(kinds).containsOnlyKeys(all.id(), pilot.id(), lab.id(), empty.id());
        assertThat(kinds.get(all.id())).containsExactly(SubjectType.USER);
        assertThat(kinds.get(pilot.id())).containsExactly(SubjectType.USER);
        assertThat(kinds.get(lab.id())).containsExactly(SubjectType.DEVICE);
        assertThat(kinds.get(empty.id())).isEmpty();
    }

    @Test
    void aRemovedMemberOrDeletedObjectLeavesTheGroups() {
        User ada = user("Ada", "ada@contoso.test");
        User bob = user("Bob", "bob@contoso.test");
        Group pilot = group("Pilot");
        change(writes -> {
            writes.put(ada);
            writes.put(bob);
            writes.put(pilot);
            writes.addMember(pilot.id(), ada.id());
            writes.addMember(pilot.id(), bob.id());
        });

        change(writes -> {
            writes.removeMember(pilot.id(), ada.id());
            writes.deleteObject(bob.id());
        });

        assertThat(reads().parentGroups(List.of(ada.id(), bob.id()))).isEmpty();
        assertThat(reads().groupMembers(List.of(pilot.id()))).isEqualTo(Map.of(pilot.id(), GroupMembers.NONE));
    }

    @Test
    void managedDevicesAreFoundByTheirEntraDeviceIdNeverByItsObjectId() {
        Device lab1 = device("LAB-1", "Windows");
        ManagedDevice enrolled = managedDevice(UUID.randomUUID(), null, List.of(), lab1.deviceId());
        ManagedDevice reenrolled = managedDevice(UUID.randomUUID(), null, List.of(), lab1.deviceId());
        ManagedDevice unregistered = managedDevice(UUID.randomUUID(), null, List.of(), null);
        change(writes -> {
            writes.put(lab1);
            Stream.of(enrolled, reenrolled, unregistered).forEach(writes::put);
        });

        Map<UUID, List<ManagedDevice>> found = reads().managedDevicesByDeviceId(List.of(lab1.deviceId(), lab1.id(),
                UUID.randomUUID()));

        assertThat(found).containsOnlyKeys(lab1.deviceId());
        assertThat(found.get(lab1.deviceId())).containsExactlyInAnyOrder(enrolled, reenrolled);
    }

    @Test
    void aUsersManagedDevicesAreThoseItIsPrimaryUserOfOrLoggedOnToEachOnce() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        ManagedDevice shared = managedDevice(UUID.randomUUID(), ada, List.of(ada, bob), null);
        ManagedDevice bobs = managedDevice(UUID.randomUUID(), bob, List.of(), null);
        ManagedDevice kiosk = managedDevice(UUID.randomUUID(), null, List.of(carol), null);
        ManagedDevice nobodys = managedDevice(UUID.randomUUID(), null, List.of(), null);
        change(writes -> Stream.of(shared, bobs, kiosk, nobodys).forEach(writes::put));

        Map<UUID, List<ManagedDevice>> found = reads().managedDevicesOfUsers(List.of(ada, bob, carol,
                UUID.randomUUID()));

        assertThat(found).containsOnlyKeys(ada, bob, carol);
        assertThat(found.get(ada)).as("primary user and logged on: once").containsExactly(shared);
        assertThat(found.get(bob)).containsExactlyInAnyOrder(shared, bobs);
        assertThat(found.get(carol)).containsExactly(kiosk);
    }

    @Test
    void aManagedDeviceWrittenAgainOrDeletedHasOnlyItsNewUsers() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        ManagedDevice shared = managedDevice(UUID.randomUUID(), ada, List.of(bob), null);
        ManagedDevice bobs = managedDevice(UUID.randomUUID(), bob, List.of(), null);
        change(writes -> Stream.of(shared, bobs).forEach(writes::put));
        ManagedDevice handedOver = managedDevice(shared.id(), carol, List.of(carol), null);

        change(writes -> {
            writes.put(handedOver);
            assertThat(writes.managedDevicesOfUsers(List.of(carol))).as("the write reads its own change")
                    .isEqualTo(Map.of(carol, List.of(handedOver)));
            writes.deleteManagedDevice(bobs.id());
        });

        assertThat(reads().managedDevicesOfUsers(List.of(ada, bob, carol))).isEqualTo(Map.of(carol,
                List.of(handedOver)));
    }

    @Test
    void managedDevicesAndUsersArePagedAfterAnIdInTheOrderOfTheirIdsAsText() {
        List<UUID> ids = new ArrayList<>(List.of(HIGH_HALF, LOW_HALF,
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff")));
        IntStream.range(0, 6).forEach(i -> ids.add(UUID.randomUUID()));
        change(writes -> ids.forEach(id -> {
            writes.put(managedDevice(id, null, List.of(), null));
            writes.put(new User(id, "User", id + "@contoso.test", true, null, null, CREATED, List.of()));
        }));
        directory.write(OTHER_TENANT, writes -> {
            writes.put(managedDevice(UUID.randomUUID(), null, List.of(), null));
            writes.put(user("Eve", "eve@fabrikam.test"));
            return null;
        });
        List<UUID> inOrder = ids.stream().sorted(SubjectOrder.IDS).toList();

        DirectoryReads reads = reads();
        assertThat(pages(reads::managedDevicesAfter, ManagedDevice::id)).isEqualTo(inOrder);
        assertThat(pages(reads::usersAfter, User::id)).isEqualTo(inOrder);
        assertThat(reads.managedDevicesAfter(Optional.of(LOW_HALF), 1)).extracting(ManagedDevice::id)
                .containsExactly(HIGH_HALF);
        assertThat(reads.usersAfter(Optional.of(LOW_HALF), 1)).extracting(User::id).containsExactly(HIGH_HALF);
        assertThat(reads.usersAfter(Optional.of(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff")), 5))
                .isEmpty();
        assertThat(reads.usersAfter(Optional.of(UUID.randomUUID()), ids.size())).as("after an id that names nothing")
                .isNotEmpty().allMatch(user -> ids.contains(user.id()));
    }

    @Test
    void aSnapshotDoesNotSeeAWriteThatCommitsWhileItReads() {
        User ada = user("Ada", "ada@contoso.test");
        Group pilot = group("Pilot");
        Group parent = group("Parent");
        Device lab1 = device("LAB-1", "Windows");
        ManagedDevice adas = managedDevice(UUID.randomUUID(), ada.id(), List.of(), lab1.deviceId());
        change(writes -> {
            writes.put(ada);
            writes.put(pilot);
            writes.put(parent);
            writes.put(lab1);
            writes.put(adas);
            writes.addMember(parent.id(), pilot.id());
            writes.addMember(pilot.id(), ada.id());
        });
        User bob = user("Bob", "bob@contoso.test");
        Group outer = group("Outer");
        User renamed = new User(ada.id(), "Ada L.", ada.userPrincipalName(), true, null, null, CREATED, List.of());
        Function<DirectoryReads, List<Object>> answers = reads -> List.of(reads.revision(),
                reads.usersById(List.of(ada.id(), bob.id())), reads.groupMembers(List.of(pilot.id(), outer.id())),
                reads.parentGroups(List.of(ada.id(), pilot.id(), parent.id())),
                reads.managedDevicesOfUsers(List.of(ada.id(), bob.id())),
                reads.managedDevicesByDeviceId(List.of(lab1.deviceId())),
                reads.managedDevicesAfter(Optional.empty(), 10), reads.usersAfter(Optional.empty(), 10),
                reads.memberOf(ada.id(), true, Query.firstPage(GroupCollection.GROUPS, 10)).items(),
                reads.countUsers(Optional.empty()));

        List<List<Object>> seen = directory.snapshot(TENANT, reads -> {
            List<Object> before = answers.apply(reads);
            change(writes -> {
                writes.put(renamed);
                writes.put(bob);
                writes.put(outer);
                writes.addMember(pilot.id(), bob.id());
                writes.addMember(outer.id(), parent.id());
                writes.deleteManagedDevice(adas.id());
                writes.put(managedDevice(UUID.randomUUID(), bob.id(), List.of(ada.id()), lab1.deviceId()));
            });
            return List.of(before, answers.apply(reads));
        });

        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(seen.get(0).get(1)).isEqualTo(Map.of(ada.id(), ada));
        assertThat(answers.apply(reads())).as("after the snapshot").isNotEqualTo(seen.get(0));
        assertThat(reads().usersById(List.of(ada.id()))).isEqualTo(Map.of(ada.id(), renamed));
    }

    /** Every item listed {@code after}, page after page of 3, by their ids. */
    private static <T> List<UUID> pages(BiFunction<Optional<UUID>, Integer, List<T>> after, Function<T, UUID> id) {
        List<UUID> listed = new ArrayList<>();
        for (List<T> page = after.apply(Optional.empty(), 3); !page.isEmpty();
             page = after.apply(Optional.of(listed.get(listed.size() - 1)), 3)) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            page.stream().map(id).forEach(listed::add);
        }
        return listed;
    }

    private static ManagedDevice managedDevice(UUID id, UUID userId, List<UUID> loggedOn, UUID azureADDeviceId) {
        return new ManagedDevice(id, "DEVICE-" + id.toString().substring(0, 4), null, null, null, "Windows",
                "10.0.22631.4460", "company", userId, null, null, null,
                loggedOn.stream().map(user -> new LoggedOnUser(user, CREATED)).toList(), azureADDeviceId,
                azureADDeviceId != null, "azureADJoined", null, null, null, null, null, "x64", null, null, null,
                "compliant", List.of("0"), null);
    }

    private DirectoryReads reads() {
        return directory.reads(TENANT);
    }

    private void change(Consumer<DirectoryWrites> work) {
        directory.write(TENANT, writes -> {
            work.accept(writes);
            return null;
        });
    }
}
