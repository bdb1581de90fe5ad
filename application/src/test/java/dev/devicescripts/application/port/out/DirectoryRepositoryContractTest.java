package dev.devicescripts.application.port.out;

import static dev.devicescripts.application.port.out.DirectoryFixtures.device;
import static dev.devicescripts.application.port.out.DirectoryFixtures.filter;
import static dev.devicescripts.application.port.out.DirectoryFixtures.fullDevice;
import static dev.devicescripts.application.port.out.DirectoryFixtures.fullGroup;
import static dev.devicescripts.application.port.out.DirectoryFixtures.fullManagedDevice;
import static dev.devicescripts.application.port.out.DirectoryFixtures.fullUser;
import static dev.devicescripts.application.port.out.DirectoryFixtures.group;
import static dev.devicescripts.application.port.out.DirectoryFixtures.managedDevice;
import static dev.devicescripts.application.port.out.DirectoryFixtures.runState;
import static dev.devicescripts.application.port.out.DirectoryFixtures.user;
import static dev.devicescripts.application.port.out.ScriptFixtures.CREATED;
import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.newScriptId;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;
import static dev.devicescripts.domain.filter.FilterManagementType.APPS;
import static dev.devicescripts.domain.filter.FilterManagementType.DEVICES;
import static dev.devicescripts.domain.filter.FilterPlatform.IOS;
import static dev.devicescripts.domain.filter.FilterPlatform.MAC_OS;
import static dev.devicescripts.domain.filter.FilterPlatform.WINDOWS_10_AND_LATER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.collections.AssignmentFilterCollection;
import dev.devicescripts.application.collections.DeviceCollection;
import dev.devicescripts.application.collections.DirectoryObjectCollection;
import dev.devicescripts.application.collections.GroupCollection;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.collections.RunStateCollection;
import dev.devicescripts.application.collections.UserCollection;
import dev.devicescripts.application.port.out.DirectoryWrites.DanglingReference;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Filter.Comparison;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Filter.StringFunction;
import dev.devicescripts.application.query.Filter.StringMatch;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.RunSummary;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.directory.UserRunState;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPayload;
import dev.devicescripts.domain.filter.FilterPlatform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link DirectoryRepository}; every adapter runs them by supplying a fresh, empty store. Lists are
 * compared with the same objects filtered and sorted in memory, by {@link Filter#matches} and
 * {@link Query#comparator()}, and followed page by page to their end.
 */
public abstract class DirectoryRepositoryContractTest {
    /** Small, so that listings span pages and cross ties at page ends. */
    private static final int PAGE = 3;

    private DirectoryStorage storage;
    private DirectoryRepository directory;
    private ScriptRepository scripts;

    /** A new store that holds nothing yet. */
    protected abstract DirectoryStorage newDirectoryStorage();

    @BeforeEach
    void openStorage() {
        storage = newDirectoryStorage();
        directory = storage.directory();
        scripts = storage.scripts();
    }

    /** Also runs when opening failed or was skipped: then there is nothing to close. */
    @AfterEach
    void closeStorage() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void everyKindIsFoundWithEveryPropertyAsPut() {
        User user = fullUser();
        Group group = fullGroup();
        Device device = fullDevice();
        ManagedDevice managedDevice = fullManagedDevice(user.id(), device.deviceId());
        DeviceManagementScript script = script("Cleanup");
        scripts.insert(TENANT, script, AuditFixtures.created(script));
        DeviceRunState state = new DeviceRunState(script.id(), managedDevice.id(), "scriptError", "Access denied",
                CREATED.plusSeconds(5), -2147024891, "0x80070005");

        change(writes -> {
            writes.put(user);
            writes.put(group);
            writes.put(device);
            writes.put(managedDevice);
            writes.put(state);
        });

        DirectoryReads reads = reads();
        assertThat(reads.user(user.id())).contains(user);
        assertThat(reads.group(group.id())).contains(group);
        assertThat(reads.device(device.id())).contains(device);
        assertThat(reads.managedDevice(managedDevice.id())).contains(managedDevice);
        assertThat(allRunStates(reads, script.id())).containsExactly(state);
        assertThat(reads.object(user.id())).contains(user);
        assertThat(reads.object(group.id())).contains(group);
        assertThat(reads.object(device.id())).contains(device);
        assertThat(reads.object(managedDevice.id())).as("a managed device is no directory object").isEmpty();
    }

    @Test
    void objectsWithTheirOptionalPropertiesUnsetAreFoundSo() {
        User user = new User(UUID.randomUUID(), null, "bare@contoso.test", true, null, null, CREATED, List.of());
        Group group = group("Bare");
        Device device = new Device(UUID.randomUUID(), UUID.randomUUID(), null, null, null, true, null, null, null,
                null, null, null, null);
        ManagedDevice managedDevice = new ManagedDevice(UUID.randomUUID(), null, null, null, null, null, null,
                "unknown", null, null, null, null, List.of(), null, false, "unknown", null, null, null, null, null,
                "unknown", null, null, null, "unknown", List.of(), null);
        ScriptId script = newScriptId();
        DeviceRunState state = runState(script, managedDevice.id(), "pending");

        change(writes -> {
            writes.put(user);
            writes.put(group);
            writes.put(device);
            writes.put(managedDevice);
            writes.put(state);
        });

        assertThat(reads().user(user.id())).contains(user);
        assertThat(reads().group(group.id())).contains(group);
        assertThat(reads().device(device.id())).contains(device);
        assertThat(reads().managedDevice(managedDevice.id())).contains(managedDevice);
        assertThat(allRunStates(reads(), script)).containsExactly(state);
    }

    @Test
    void putReplacesTheObjectWithItsId() {
        User user = user("Ada", "ada@contoso.test");
        Group group = group("Pilot");
        change(writes -> {
            writes.put(user);
            writes.put(group);
        });
        User renamed = new User(user.id(), "Ada L.", "ada.l@contoso.test", false, "a@contoso.test", "adal", CREATED,
                List.of());
        Group described = new Group(group.id(), "Pilot 2", "now described", false, "pilot-2", true, List.of(), null,
                null, null, CREATED);

        change(writes -> {
            writes.put(renamed);
            writes.put(described);
        });

        assertThat(reads().user(user.id())).contains(renamed);
        assertThat(reads().group(group.id())).contains(described);
        assertThat(reads().countUsers(Optional.empty())).isEqualTo(1);
        assertThat(reads().countGroups(Optional.empty())).isEqualTo(1);
        assertThat(reads().userByPrincipalName("ada@contoso.test")).isEmpty();
    }

    @Test
    void anotherTenantsDirectoryIsNeitherSeenNorChanged() {
        User user = user("Theirs", "theirs@contoso.test");
        Group group = group("Theirs");
        Device device = device("THEIRS-1", "Windows");
        ManagedDevice managedDevice = managedDevice("THEIRS-1", "Windows", user.id(), device.deviceId());
        ScriptId script = newScriptId();
        directory.write(OTHER_TENANT, writes -> {
            writes.put(user);
            writes.put(group);
            writes.put(device);
            writes.put(managedDevice);
            writes.addMember(group.id(), user.id());
            writes.addMember(group.id(), device.id());
            writes.put(runState(script, managedDevice.id(), "success"));
            return null;
        });

        DirectoryReads reads = reads();
        assertThat(reads.user(user.id())).isEmpty();
        assertThat(reads.userByPrincipalName("theirs@contoso.test")).isEmpty();
        assertThat(reads.group(group.id())).isEmpty();
        assertThat(reads.device(device.id())).isEmpty();
        assertThat(reads.deviceByDeviceId(device.deviceId())).isEmpty();
        assertThat(reads.object(user.id())).isEmpty();
        assertThat(reads.managedDevice(managedDevice.id())).isEmpty();
        assertThat(reads.users(Query.firstPage(UserCollection.USERS, 10)).items()).isEmpty();
        assertThat(reads.groups(Query.firstPage(GroupCollection.GROUPS, 10)).items()).isEmpty();
        assertThat(reads.devices(Query.firstPage(DeviceCollection.DEVICES, 10)).items()).isEmpty();
        assertThat(reads.managedDevices(Query.firstPage(ManagedDeviceCollection.MANAGED_DEVICES, 10)).items())
                .isEmpty();
        assertThat(List.of(reads.countUsers(Optional.empty()), reads.countGroups(Optional.empty()),
                reads.countDevices(Optional.empty()), reads.countManagedDevices(Optional.empty()),
                reads.countMembers(group.id(), true, Optional.empty()),
                reads.countMemberOf(user.id(), true, Optional.empty()))).containsOnly(0L);
        assertThat(reads.isMember(group.id(), user.id())).isFalse();
        assertThat(reads.members(group.id(), true, objectsPage()).items()).isEmpty();
        assertThat(reads.memberOf(device.id(), true, groupsPage()).items()).isEmpty();
        assertThat(reads.runStates(script, Query.firstPage(RunStateCollection.DEVICE_RUN_STATES, 10)).items())
                .isEmpty();
        assertThat(allRunStates(reads, script)).isEmpty();

        change(writes -> {
            assertThat(writes.removeMember(group.id(), user.id())).isFalse();
            assertThat(writes.deleteObject(user.id())).isFalse();
            assertThat(writes.deleteObject(group.id())).isFalse();
            assertThat(writes.deleteManagedDevice(managedDevice.id())).isFalse();
            assertThat(writes.danglingReferences(10)).isEmpty();
        });

        DirectoryReads theirs = directory.reads(OTHER_TENANT);
        assertThat(theirs.user(user.id())).contains(user);
        assertThat(theirs.isMember(group.id(), user.id())).isTrue();
        assertThat(theirs.managedDevice(managedDevice.id())).contains(managedDevice);
        assertThat(allRunStates(theirs, script)).hasSize(1);
    }

    @Test
    void theRevisionChangesWithEveryCommittedWriteOfItsTenantOnly() {
        long before = reads().revision();
        change(writes -> writes.put(user("Ada", "ada@contoso.test")));
        long afterWrite = reads().revision();
        long otherTenant = directory.reads(OTHER_TENANT).revision();

        assertThatThrownBy(() -> directory.write(TENANT, writes -> {
            writes.put(group("Never kept"));
            throw new IllegalStateException("the work fails");
        })).isInstanceOf(IllegalStateException.class);
        directory.write(OTHER_TENANT, writes -> {
            writes.put(group("Elsewhere"));
            return null;
        });

        assertThat(afterWrite).isNotEqualTo(before);
        assertThat(reads().revision()).as("after a failed write and another tenant's write").isEqualTo(afterWrite);
        assertThat(directory.reads(OTHER_TENANT).revision()).isNotEqualTo(otherTenant);
    }

    @Test
    void aWriteThatThrowsKeepsNothingItWroteAndItsExceptionPropagates() {
        User kept = user("Kept", "kept@contoso.test");
        Group group = group("Pilot");
        Device device = device("LAB-1", "Windows");
        ManagedDevice managedDevice = managedDevice("LAB-1", "Windows", kept.id(), device.deviceId());
        change(writes -> {
            writes.put(kept);
            writes.put(group);
            writes.put(device);
            writes.put(managedDevice);
            writes.addMember(group.id(), device.id());
        });
        User added = user("Added", "added@contoso.test");
        RuntimeException failure = new IllegalStateException("the work fails after writing");

        assertThatThrownBy(() -> directory.write(TENANT, writes -> {
            writes.put(added);
            writes.put(group("Renamed pilot"));
            writes.put(new Group(group.id(), "Renamed", null, false, "renamed", true, List.of(), null, null, null,
                    CREATED));
            writes.addMember(group.id(), added.id());
            writes.removeMember(group.id(), device.id());
            writes.deleteObject(kept.id());
            writes.deleteManagedDevice(managedDevice.id());
            writes.put(runState(newScriptId(), managedDevice.id(), "success"));
            throw failure;
        })).isSameAs(failure);

        DirectoryReads reads = reads();
        assertThat(reads.user(added.id())).isEmpty();
        assertThat(reads.user(kept.id())).contains(kept);
        assertThat(reads.group(group.id())).contains(group);
        assertThat(reads.countGroups(Optional.empty())).isEqualTo(1);
        assertThat(reads.isMember(group.id(), added.id())).isFalse();
        assertThat(reads.isMember(group.id(), device.id())).isTrue();
        assertThat(reads.managedDevice(managedDevice.id())).contains(managedDevice);
    }

    @Test
    void aWriteReadsItsOwnChangesWhichOthersSeeOnlyOnceItReturns() {
        Group parent = group("Parent");
        Group child = group("Child");
        User user = user("Ada", "ada@contoso.test");

        change(writes -> {
            writes.put(parent);
            writes.put(child);
            writes.put(user);
            writes.addMember(parent.id(), child.id());
            writes.addMember(child.id(), user.id());
            assertThat(writes.user(user.id())).contains(user);
            assertThat(writes.userByPrincipalName("ADA@contoso.test")).contains(user);
            assertThat(writes.groups(Query.firstPage(GroupCollection.GROUPS, 10)).items()).hasSize(2);
            assertThat(writes.memberOf(user.id(), true, groupsPage()).items()).containsExactlyInAnyOrder(parent,
                    child);
            assertThat(writes.countMembers(parent.id(), true, Optional.empty())).isEqualTo(2);
            assertThat(reads().user(user.id())).as("seen by others before the write returns").isEmpty();
            assertThat(reads().isMember(child.id(), user.id())).isFalse();
        });

        assertThat(reads().user(user.id())).contains(user);
        assertThat(reads().memberOf(user.id(), true, groupsPage()).items()).containsExactlyInAnyOrder(parent, child);
    }

    @Test
    void writesOfOneTenantRunOneAfterAnother() throws Exception {
        Group counter = group("0");
        change(writes -> writes.put(counter));
        int threads = 6;
        int increments = 5;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(() -> {
                for (int n = 0; n < increments; n++) {
                    change(writes -> {
                        Group read = writes.group(counter.id()).orElseThrow();
                        writes.put(new Group(read.id(), String.valueOf(Integer.parseInt(read.displayName()) + 1),
                                null, false, "counter", true, List.of(), null, null, null, CREATED));
                    });
                }
                return null;
            });
        }

        Concurrently.run(tasks);

        assertThat(reads().group(counter.id()).orElseThrow().displayName())
                .as("each write read what the one before it wrote").isEqualTo(String.valueOf(threads * increments));
    }

    @Test
    void userByPrincipalNameIgnoresCase() {
        User user = user("Ada", "Ada.Lovelace@Contoso.test");
        change(writes -> writes.put(user));

        assertThat(reads().userByPrincipalName("ada.lovelace@contoso.TEST")).contains(user);
        assertThat(reads().userByPrincipalName("Ada.Lovelace@Contoso.test")).contains(user);
        assertThat(reads().userByPrincipalName("ada@contoso.test")).isEmpty();
    }

    @Test
    void deviceByDeviceIdFindsTheEntraDeviceByItsAlternateKeyNotItsObjectId() {
        Device device = device("LAB-1", "Windows");
        change(writes -> {
            writes.put(device);
            writes.put(device("LAB-2", "Windows"));
        });

        assertThat(reads().deviceByDeviceId(device.deviceId())).contains(device);
        assertThat(reads().deviceByDeviceId(device.id())).isEmpty();
        assertThat(reads().device(device.deviceId())).isEmpty();
    }

    @Test
    void aMemberAddedTwiceIsOneMemberAndRemovingANonMemberChangesNothing() {
        Group group = group("Pilot");
        User user = user("Ada", "ada@contoso.test");
        User other = user("Bob", "bob@contoso.test");
        change(writes -> {
            writes.put(group);
            writes.put(user);
            writes.put(other);
            writes.addMember(group.id(), user.id());
            writes.addMember(group.id(), user.id());
        });
        change(writes -> writes.addMember(group.id(), user.id()));

        assertThat(reads().isMember(group.id(), user.id())).isTrue();
        assertThat(reads().isMember(group.id(), other.id())).isFalse();
        assertThat(reads().members(group.id(), false, objectsPage()).items()).containsExactly(user);
        assertThat(reads().memberOf(user.id(), false, groupsPage()).items()).containsExactly(group);
        assertThat(writeTells(writes -> writes.removeMember(group.id(), other.id()))).isFalse();
        assertThat(writeTells(writes -> writes.removeMember(group.id(), user.id()))).isTrue();
        assertThat(writeTells(writes -> writes.removeMember(group.id(), user.id()))).isFalse();
        assertThat(reads().members(group.id(), false, objectsPage()).items()).isEmpty();
        assertThat(reads().memberOf(user.id(), true, groupsPage()).items()).isEmpty();
    }

    @Test
    void deletingAnObjectDeletesItsMembershipsAsMemberAndAsGroup() {
        Group parent = group("Parent");
        Group middle = group("Middle");
        User user = user("Ada", "ada@contoso.test");
        Device device = device("LAB-1", "Windows");
        change(writes -> {
            List.of(parent, middle).forEach(writes::put);
            writes.put(user);
            writes.put(device);
            writes.addMember(parent.id(), middle.id());
            writes.addMember(middle.id(), user.id());
            writes.addMember(middle.id(), device.id());
            writes.addMember(parent.id(), device.id());
        });

        assertThat(writeTells(writes -> writes.deleteObject(middle.id()))).isTrue();
        assertThat(writeTells(writes -> writes.deleteObject(device.id()))).isTrue();

        DirectoryReads reads = reads();
        assertThat(reads.group(middle.id())).isEmpty();
        assertThat(reads.object(device.id())).isEmpty();
        assertThat(reads.members(parent.id(), true, objectsPage()).items()).isEmpty();
        assertThat(reads.memberOf(user.id(), true, groupsPage()).items()).isEmpty();
        assertThat(reads.isMember(middle.id(), user.id())).isFalse();
        assertThat(reads.countMembers(middle.id(), false, Optional.empty())).isZero();
        assertThat(reads.user(user.id())).contains(user);
        assertThat(writeTells(writes -> writes.deleteObject(middle.id()))).as("deleted already").isFalse();
        change(writes -> assertThat(writes.danglingReferences(10)).isEmpty());
    }

    @Test
    void deletingAManagedDeviceDeletesItsRunStatesAndKeepsItsEntraDevice() {
        Device device = device("LAB-1", "Windows");
        ManagedDevice deleted = managedDevice("LAB-1", "Windows", null, device.deviceId());
        ManagedDevice kept = managedDevice("LAB-2", "Windows", null, null);
        ScriptId script = newScriptId();
        change(writes -> {
            writes.put(device);
            writes.put(deleted);
            writes.put(kept);
            writes.put(runState(script, deleted.id(), "success"));
            writes.put(runState(script, kept.id(), "fail"));
        });

        assertThat(writeTells(writes -> writes.deleteManagedDevice(deleted.id()))).isTrue();

        assertThat(reads().managedDevice(deleted.id())).isEmpty();
        assertThat(reads().device(device.id())).contains(device);
        assertThat(allRunStates(reads(), script)).containsExactly(runState(script, kept.id(), "fail"));
        assertThat(writeTells(writes -> writes.deleteManagedDevice(deleted.id()))).isFalse();
    }

    @Test
    void deletingAScriptDeletesItsRunStates() {
        DeviceManagementScript deleted = script("Deleted");
        DeviceManagementScript kept = script("Kept");
        scripts.insert(TENANT, deleted, AuditFixtures.created(deleted));
        scripts.insert(TENANT, kept, AuditFixtures.created(kept));
        ManagedDevice managedDevice = managedDevice("LAB-1", "Windows", null, null);
        change(writes -> {
            writes.put(managedDevice);
            writes.put(runState(deleted.id(), managedDevice.id(), "success"));
            writes.put(runState(kept.id(), managedDevice.id(), "success"));
        });

        scripts.delete(TENANT, deleted.id(), AuditFixtures.deleted());

        assertThat(allRunStates(reads(), deleted.id())).isEmpty();
        assertThat(allRunStates(reads(), kept.id())).hasSize(1);
        change(writes -> assertThat(writes.danglingReferences(10)).isEmpty());
    }

    @Test
    void membersAndMemberOfFollowGroupsNestedFiveDeep() {
        List<Group> chain = IntStream.rangeClosed(1, 5).mapToObj(i -> group("Level " + i)).toList();
        Device device = device("LAB-1", "Windows");
        User user = user("Ada", "ada@contoso.test");
        change(writes -> {
            chain.forEach(writes::put);
            writes.put(device);
            writes.put(user);
            for (int i = 0; i < 4; i++) {
                writes.addMember(chain.get(i).id(), chain.get(i + 1).id());
            }
            writes.addMember(chain.get(4).id(), device.id());
            writes.addMember(chain.get(2).id(), user.id());
        });
        DirectoryReads reads = reads();

        assertThat(allGroups(query -> reads.memberOf(device.id(), false, query))).containsExactly(chain.get(4));
        assertThat(allGroups(query -> reads.memberOf(device.id(), true, query)))
                .containsExactlyInAnyOrderElementsOf(chain);
        assertThat(reads.countMemberOf(device.id(), true, Optional.empty())).isEqualTo(5);
        assertThat(allGroups(query -> reads.memberOf(user.id(), true, query)))
                .containsExactlyInAnyOrderElementsOf(chain.subList(0, 3));
        assertThat(allObjects(query -> reads.members(chain.get(0).id(), false, query))).containsExactly(chain.get(1));
        List<DirectoryObject> everyone = new ArrayList<>(chain.subList(1, 5));
        everyone.add(device);
        everyone.add(user);
        assertThat(allObjects(query -> reads.members(chain.get(0).id(), true, query)))
                .containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(reads.countMembers(chain.get(0).id(), true, Optional.empty())).isEqualTo(6);
        assertThat(reads.countMembers(chain.get(0).id(), false, Optional.empty())).isEqualTo(1);
    }

    @Test
    void walksThroughCyclesEndAndListEachObjectOnce() {
        Group a = group("A");
        Group b = group("B");
        Group c = group("C");
        User user = user("Ada", "ada@contoso.test");
        change(writes -> {
            List.of(a, b, c).forEach(writes::put);
            writes.put(user);
            writes.addMember(a.id(), b.id());
            writes.addMember(b.id(), a.id());
            writes.addMember(a.id(), user.id());
            writes.addMember(b.id(), user.id());
            writes.addMember(c.id(), a.id());
        });
        DirectoryReads reads = reads();

        assertThat(allObjects(query -> reads.members(a.id(), true, query))).containsExactlyInAnyOrder(b, user);
        assertThat(allObjects(query -> reads.members(c.id(), true, query))).containsExactlyInAnyOrder(a, b, user);
        assertThat(allGroups(query -> reads.memberOf(user.id(), true, query))).containsExactlyInAnyOrder(a, b, c);
        assertThat(allGroups(query -> reads.memberOf(a.id(), true, query))).containsExactlyInAnyOrder(b, c);
        assertThat(reads.countMembers(c.id(), true, Optional.empty())).isEqualTo(3);
        assertThat(reads.countMemberOf(user.id(), true, Optional.empty())).isEqualTo(3);
        assertThat(reads.countMemberOf(a.id(), true, Optional.empty())).isEqualTo(2);
    }

    @Test
    void membersAndMemberOfFilterOrderAndPageAsListsDo() {
        Group group = group("Holder");
        List<DirectoryObject> held = List.of(user("alpha", "alpha@contoso.test"), user("Beta", "beta@contoso.test"),
                user(null, "nameless@contoso.test"), device("ALPHA-PC", "Windows"), device("alpha-mac", "macOS"),
                group("Alpha team"), group("Zulu"), group("alpha"));
        List<Group> parents = List.of(group("alpha"), group("Beta"), group("ALPHA 2"), fullGroup(), group("Zulu"),
                group("Gamma"), group("alpha"));
        change(writes -> {
            writes.put(group);
            held.forEach(object -> put(writes, object));
            parents.forEach(writes::put);
            held.forEach(object -> writes.addMember(group.id(), object.id()));
            parents.forEach(parent -> writes.addMember(parent.id(), group.id()));
        });
        EntitySet<DirectoryObject> objects = DirectoryObjectCollection.DIRECTORY_OBJECTS;
        List<Filter<DirectoryObject>> objectFilters = List.of(
                new StringMatch<>(StringFunction.STARTS_WITH, DirectoryObjectCollection.DISPLAY_NAME, "ALPHA"),
                new Comparison<>(DirectoryObjectCollection.DISPLAY_NAME, Operator.EQ, "alpha"),
                new Comparison<>(DirectoryObjectCollection.DISPLAY_NAME, Operator.EQ, null));
        List<Filter<Group>> groupFilters = List.of(
                new StringMatch<>(StringFunction.STARTS_WITH, GroupCollection.DISPLAY_NAME, "alpha"),
                new Comparison<>(GroupCollection.SECURITY_ENABLED, Operator.EQ, true));

        for (boolean transitive : List.of(false, true)) {
            for (Filter<DirectoryObject> filter : withNone(objectFilters)) {
                for (List<SortKey<DirectoryObject>> order : List.of(List.<SortKey<DirectoryObject>>of(),
                        List.of(SortKey.ascending(DirectoryObjectCollection.DISPLAY_NAME)),
                        List.of(new SortKey<>(DirectoryObjectCollection.DISPLAY_NAME, true)))) {
                    assertListsAsInMemory(held, objects, filter, order,
                            query -> reads().members(group.id(), transitive, query),
                            wanted -> reads().countMembers(group.id(), transitive, wanted));
                }
            }
            for (Filter<Group> filter : withNone(groupFilters)) {
                for (List<SortKey<Group>> order : List.of(List.<SortKey<Group>>of(),
                        List.of(SortKey.ascending(GroupCollection.DISPLAY_NAME)))) {
                    assertListsAsInMemory(parents, GroupCollection.GROUPS, filter, order,
                            query -> reads().memberOf(group.id(), transitive, query),
                            wanted -> reads().countMemberOf(group.id(), transitive, wanted));
                }
            }
        }
    }

    @Test
    void groupsListCountAndPageByTheDocumentedFiltersAndOrders() {
        List<Group> stored = List.of(group("Pilot devices"), group("pilot DEVICES"), group("Pilot users"),
                group("Pilots"), group("All staff"), group("Zulu"), group("pilot devices 2"), fullGroup(),
                new Group(UUID.randomUUID(), "Mail pilot", null, true, "mail-pilot", false, List.of("Unified"), null,
                        null, "mail-pilot@contoso.test", CREATED));
        change(writes -> stored.forEach(writes::put));
        directory.write(OTHER_TENANT, writes -> {
            writes.put(group("Pilot devices"));
            return null;
        });

        assertEveryListAsInMemory(stored, GroupCollection.GROUPS, List.of(
                        new Comparison<>(GroupCollection.DISPLAY_NAME, Operator.EQ, "pilot devices"),
                        new StringMatch<>(StringFunction.STARTS_WITH, GroupCollection.DISPLAY_NAME, "PILOT"),
                        new Comparison<>(GroupCollection.SECURITY_ENABLED, Operator.EQ, true),
                        new Comparison<>(GroupCollection.SECURITY_ENABLED, Operator.EQ, false)),
                List.of(GroupCollection.DISPLAY_NAME), reads()::groups, reads()::countGroups);
        assertThat(reads().groups(query(GroupCollection.GROUPS,
                new Comparison<>(GroupCollection.DISPLAY_NAME, Operator.EQ, "PILOT DEVICES"), List.of(), 10)).items())
                .extracting(Group::displayName).containsExactlyInAnyOrder("Pilot devices", "pilot DEVICES");
    }

    @Test
    void usersListCountAndPageByTheDocumentedFiltersAndOrders() {
        List<User> stored = new ArrayList<>(List.of(user("Ada", "ada@contoso.test"), user("ada", "Ada2@contoso.test"),
                user("Adam", "adam@contoso.test"), user("Bob", "bob@contoso.test"), user(null, "nobody@contoso.test"),
                fullUser()));
        stored.add(new User(UUID.randomUUID(), "Adele", "adele@contoso.test", false, null, null, CREATED, List.of()));
        change(writes -> stored.forEach(writes::put));
        directory.write(OTHER_TENANT, writes -> {
            writes.put(user("Ada", "ada@contoso.test"));
            return null;
        });

        assertEveryListAsInMemory(stored, UserCollection.USERS, List.of(
                        new Comparison<>(UserCollection.USER_PRINCIPAL_NAME, Operator.EQ, "ADA@contoso.test"),
                        new StringMatch<>(StringFunction.STARTS_WITH, UserCollection.DISPLAY_NAME, "ad"),
                        new Comparison<>(UserCollection.ACCOUNT_ENABLED, Operator.EQ, true),
                        new Comparison<>(UserCollection.ACCOUNT_ENABLED, Operator.EQ, false)),
                List.of(UserCollection.DISPLAY_NAME, UserCollection.USER_PRINCIPAL_NAME), reads()::users,
                reads()::countUsers);
    }

    @Test
    void devicesListCountAndPageByTheDocumentedFiltersAndOrders() {
        List<Device> stored = List.of(device("LAB-1", "Windows"), device("lab-1", "windows"),
                device("LAB-10", "Windows"), device("Mac-1", "macOS"), device(null, null), fullDevice(),
                device("Phone", "iOS"));
        change(writes -> stored.forEach(writes::put));
        directory.write(OTHER_TENANT, writes -> {
            writes.put(device("LAB-1", "Windows"));
            return null;
        });

        assertEveryListAsInMemory(stored, DeviceCollection.DEVICES, List.of(
                        new Comparison<>(DeviceCollection.DEVICE_ID, Operator.EQ, stored.get(3).deviceId()),
                        new Comparison<>(DeviceCollection.DISPLAY_NAME, Operator.EQ, "lab-1"),
                        new StringMatch<>(StringFunction.STARTS_WITH, DeviceCollection.DISPLAY_NAME, "Lab-1"),
                        new Comparison<>(DeviceCollection.OPERATING_SYSTEM, Operator.EQ, "WINDOWS")),
                List.of(DeviceCollection.DISPLAY_NAME), reads()::devices, reads()::countDevices);
    }

    @Test
    void managedDevicesListCountAndPageByTheDocumentedFilters() {
        UUID ada = UUID.randomUUID();
        UUID entra = UUID.randomUUID();
        List<ManagedDevice> stored = List.of(managedDevice("LAB-1", "Windows", ada, entra),
                managedDevice("lab-1", "windows", ada, null), managedDevice("LAB-2", "Windows", null, null),
                managedDevice("Mac-1", "macOS", UUID.randomUUID(), UUID.randomUUID()),
                managedDevice(null, null, null, null), fullManagedDevice(ada, UUID.randomUUID()),
                managedDevice("Phone", "iOS", null, entra));
        change(writes -> stored.forEach(writes::put));
        directory.write(OTHER_TENANT, writes -> {
            writes.put(managedDevice("LAB-1", "Windows", ada, entra));
            return null;
        });

        assertEveryListAsInMemory(stored, ManagedDeviceCollection.MANAGED_DEVICES, List.of(
                        new Comparison<>(ManagedDeviceCollection.DEVICE_NAME, Operator.EQ, "LAB-1"),
                        new Comparison<>(ManagedDeviceCollection.OPERATING_SYSTEM, Operator.EQ, "windows"),
                        new Comparison<>(ManagedDeviceCollection.USER_ID, Operator.EQ, ada),
                        new Comparison<>(ManagedDeviceCollection.AZURE_AD_DEVICE_ID, Operator.EQ, entra)),
                List.of(ManagedDeviceCollection.DEVICE_NAME), reads()::managedDevices,
                reads()::countManagedDevices);
    }

    @Test
    void runStatesListAndPageByScriptAndPutReplacesTheStateOnADevice() {
        ScriptId script = newScriptId();
        ScriptId other = newScriptId();
        List<ManagedDevice> devices = IntStream.range(0, 7)
                .mapToObj(i -> managedDevice("LAB-" + i, "Windows", null, null)).toList();
        List<DeviceRunState> states = new ArrayList<>(devices.stream()
                .map(device -> runState(script, device.id(), "success")).toList());
        change(writes -> {
            devices.forEach(writes::put);
            states.forEach(writes::put);
            writes.put(runState(other, devices.get(0).id(), "fail"));
        });
        DeviceRunState replaced = new DeviceRunState(script, devices.get(2).id(), "scriptError", "exit 1",
                CREATED, 1, "failed");
        states.set(2, replaced);

        change(writes -> writes.put(replaced));

        assertThat(allRunStates(reads(), script)).containsExactlyInAnyOrderElementsOf(states);
        assertListsAsInMemory(states, RunStateCollection.DEVICE_RUN_STATES, null, List.of(),
                query -> reads().runStates(script, query), null);
        assertListsAsInMemory(states, RunStateCollection.DEVICE_RUN_STATES,
                new Comparison<>(RunStateCollection.RUN_STATE, Operator.EQ, "success"),
                List.of(SortKey.ascending(RunStateCollection.RUN_STATE)),
                query -> reads().runStates(script, query), null);
    }

    /**
     * A script's states counted by the store: per primary user (a device without one counts for none, a deleted user
     * keeps its state without its name) and in sum, success as success, fail and scriptError as errors.
     */
    @Test
    void runStatesAreCountedPerPrimaryUserAndInSum() {
        ScriptId script = newScriptId();
        User ada = user("Ada", "ada@contoso.test");
        User bob = user("Bob", "bob@contoso.test");
        User gone = user("Gone", "gone@contoso.test");
        ManagedDevice ada1 = managedDevice("ADA-1", "Windows", ada.id(), null);
        ManagedDevice ada2 = managedDevice("ADA-2", "Windows", ada.id(), null);
        ManagedDevice bob1 = managedDevice("BOB-1", "Windows", bob.id(), null);
        ManagedDevice bob2 = managedDevice("BOB-2", "Windows", bob.id(), null);
        ManagedDevice kiosk = managedDevice("KIOSK", "Windows", null, null);
        ManagedDevice gone1 = managedDevice("GONE-1", "Windows", gone.id(), null);
        List<DeviceRunState> adas =
                List.of(runState(script, ada1.id(), "success"), runState(script, ada2.id(), "fail"));
        change(writes -> {
            List.of(ada, bob, gone).forEach(writes::put);
            List.of(ada1, ada2, bob1, bob2, kiosk, gone1).forEach(writes::put);
            adas.forEach(writes::put);
            writes.put(runState(script, bob1.id(), "success"));
            writes.put(runState(script, bob2.id(), "pending"));
            writes.put(runState(script, kiosk.id(), "scriptError"));
            writes.put(runState(script, gone1.id(), "success"));
            writes.put(runState(newScriptId(), bob1.id(), "fail"));
        });
        change(writes -> writes.deleteObject(gone.id()));

        DirectoryReads reads = reads();
        assertThat(reads.countRunStates(script, Optional.empty())).isEqualTo(6);
        assertThat(reads.countRunStates(script, Optional.of(new Comparison<>(RunStateCollection.RUN_STATE,
                Operator.EQ, "success")))).isEqualTo(3);
        List<UserRunState> users = List.of(new UserRunState(script, ada.id(), "ada@contoso.test", 1, 1),
                new UserRunState(script, bob.id(), "bob@contoso.test", 1, 0),
                new UserRunState(script, gone.id(), null, 1, 0));
        assertThat(reads.userRunStates(script, Optional.empty())).containsExactlyElementsOf(users.stream()
                .sorted(Comparator.comparing(state -> state.userId().toString())).toList());
        assertThat(reads.userRunStates(script, Optional.of(bob.id()))).containsExactly(users.get(1));
        assertThat(reads.userRunStates(script, Optional.of(UUID.randomUUID()))).isEmpty();
        assertThat(reads.userDeviceRunStates(script, ada.id())).containsExactlyInAnyOrderElementsOf(adas);
        assertThat(reads.userDeviceRunStates(script, UUID.randomUUID())).isEmpty();
        assertThat(reads.runSummary(script)).isEqualTo(new RunSummary(script, 3, 2, 2, 1));
        ScriptId none = newScriptId();
        assertThat(reads.runSummary(none)).isEqualTo(new RunSummary(none, 0, 0, 0, 0));
        assertThat(directory.reads(OTHER_TENANT).runSummary(script)).isEqualTo(new RunSummary(script, 0, 0, 0, 0));
    }

    @Test
    void danglingReferencesNameWhatResolvesToNothingUpToTheLimit() {
        DeviceManagementScript script = script("Kept");
        scripts.insert(TENANT, script, AuditFixtures.created(script));
        Group group = group("Pilot");
        User user = user("Ada", "ada@contoso.test");
        Device device = device("LAB-1", "Windows");
        ManagedDevice sound = managedDevice("LAB-1", "Windows", user.id(), device.deviceId());
        change(writes -> {
            writes.put(group);
            writes.put(user);
            writes.put(device);
            writes.put(sound);
            writes.addMember(group.id(), user.id());
            writes.addMember(group.id(), device.id());
            writes.put(runState(script.id(), sound.id(), "success"));
        });
        change(writes -> assertThat(writes.danglingReferences(10)).isEmpty());
        UUID nobody = UUID.randomUUID();
        UUID noDevice = UUID.randomUUID();
        ManagedDevice broken = managedDevice("LAB-2", "Windows", nobody, noDevice);
        ScriptId noScript = newScriptId();
        UUID noManagedDevice = UUID.randomUUID();

        change(writes -> {
            writes.addMember(group.id(), nobody);
            writes.put(broken);
            writes.put(runState(noScript, sound.id(), "success"));
            writes.put(runState(script.id(), noManagedDevice, "success"));

            assertThat(writes.danglingReferences(10)).as("a managed device's references are not checked")
                    .containsExactlyInAnyOrder(
                    new DanglingReference("group " + group.id(), "members", nobody.toString()),
                    new DanglingReference("deviceRunState " + noScript + ":" + sound.id(), "scriptId",
                            noScript.toString()),
                    new DanglingReference("deviceRunState " + script.id() + ":" + noManagedDevice, "managedDeviceId",
                            noManagedDevice.toString()));
            assertThat(writes.danglingReferences(2)).hasSize(2);
        });
    }

    /** Intune's record outlives the directory's objects it names, so later writes of the tenant find nothing wrong. */
    @Test
    void aManagedDeviceKeepsItsPrimaryUserAndEntraDeviceWhenTheDirectoryDeletesThem() {
        User user = user("Ada", "ada@contoso.test");
        Device device = device("LAB-1", "Windows");
        ManagedDevice managed = managedDevice("LAB-1", "Windows", user.id(), device.deviceId());
        change(writes -> {
            writes.put(user);
            writes.put(device);
            writes.put(managed);
        });

        change(writes -> {
            assertThat(writes.deleteObject(user.id())).isTrue();
            assertThat(writes.deleteObject(device.id())).isTrue();
        });

        assertThat(reads().managedDevice(managed.id())).contains(managed);
        change(writes -> assertThat(writes.danglingReferences(10)).isEmpty());
    }

    @Test
    void assignmentFiltersArePutFoundReplacedAndDeletedAndTheirPayloadsAreNeverStored() {
        FilterDefinition withPayloads = filter("Surface", "Lab devices", WINDOWS_10_AND_LATER, DEVICES)
                .withPayloads(List.of(new FilterPayload(newScriptId().value(), UUID.randomUUID().toString(),
                        AssignmentFilterType.INCLUDE)));
        FilterDefinition bare = filter("Macs", null, MAC_OS, DEVICES);

        change(writes -> {
            writes.put(withPayloads);
            writes.put(bare);
            assertThat(writes.assignmentFilter(bare.id())).contains(bare);
        });

        assertThat(reads().assignmentFilter(withPayloads.id())).contains(withPayloads.withPayloads(List.of()));
        assertThat(reads().assignmentFilter(bare.id())).contains(bare);
        assertThat(reads().countAssignmentFilters(Optional.empty())).isEqualTo(2);
        FilterDefinition renamed = new FilterDefinition(bare.id(), "Apple silicon", "M-series only", MAC_OS,
                "(device.cpuArchitecture -eq \"arm64\")", APPS, List.of(), CREATED, CREATED.plusSeconds(3600),
                List.of());

        change(writes -> writes.put(renamed));

        assertThat(reads().assignmentFilter(bare.id())).contains(renamed);
        assertThat(reads().countAssignmentFilters(Optional.empty())).isEqualTo(2);
        assertThat(writeTells(writes -> writes.deleteAssignmentFilter(bare.id()))).isTrue();
        assertThat(writeTells(writes -> writes.deleteAssignmentFilter(bare.id()))).isFalse();
        assertThat(reads().assignmentFilter(bare.id())).isEmpty();
        assertThat(reads().assignmentFilter(withPayloads.id())).isPresent();
    }

    @Test
    void assignmentFiltersListCountAndPageByTheDocumentedFilters() {
        List<FilterDefinition> stored = List.of(filter("Surface", "Lab", WINDOWS_10_AND_LATER, DEVICES),
                filter("surface", null, WINDOWS_10_AND_LATER, DEVICES), filter("Macs", null, MAC_OS, DEVICES),
                filter("Surface apps", null, WINDOWS_10_AND_LATER, APPS), filter("iPads", null, IOS, DEVICES),
                filter("Surface Hub", null, FilterPlatform.WINDOWS_81_AND_LATER, DEVICES),
                filter("Zebra", null, FilterPlatform.ANDROID_AOSP, FilterManagementType.UNKNOWN_FUTURE_VALUE));
        change(writes -> stored.forEach(writes::put));
        directory.write(OTHER_TENANT, writes -> {
            writes.put(filter("Surface", null, WINDOWS_10_AND_LATER, DEVICES));
            return null;
        });

        assertEveryListAsInMemory(stored, AssignmentFilterCollection.ASSIGNMENT_FILTERS, List.of(
                        new Comparison<>(AssignmentFilterCollection.PLATFORM, Operator.EQ, "WINDOWS10andLater"),
                        new Comparison<>(AssignmentFilterCollection.MANAGEMENT_TYPE, Operator.EQ, "devices"),
                        new Comparison<>(AssignmentFilterCollection.MANAGEMENT_TYPE, Operator.NE,
                                "unknownfuturevalue"),
                        new Comparison<>(AssignmentFilterCollection.DISPLAY_NAME, Operator.EQ, "SURFACE"),
                        new StringMatch<>(StringFunction.STARTS_WITH, AssignmentFilterCollection.DISPLAY_NAME,
                                "surface "),
                        new Filter.And<>(new Comparison<>(AssignmentFilterCollection.PLATFORM, Operator.EQ,
                                "windows10AndLater"), new Comparison<>(AssignmentFilterCollection.MANAGEMENT_TYPE,
                                Operator.EQ, "apps"))),
                List.of(AssignmentFilterCollection.DISPLAY_NAME, AssignmentFilterCollection.PLATFORM),
                reads()::assignmentFilters, reads()::countAssignmentFilters);
    }

    @Test
    void aWriteThatThrowsKeepsNoFilterItPutOrDeleted() {
        FilterDefinition kept = filter("Kept", null, WINDOWS_10_AND_LATER, DEVICES);
        change(writes -> writes.put(kept));
        FilterDefinition added = filter("Added", null, MAC_OS, DEVICES);
        RuntimeException failure = new IllegalStateException("the work fails after writing");

        assertThatThrownBy(() -> directory.write(TENANT, writes -> {
            writes.put(added);
            assertThat(writes.deleteAssignmentFilter(kept.id())).isTrue();
            throw failure;
        })).isSameAs(failure);

        assertThat(reads().assignmentFilter(kept.id())).contains(kept);
        assertThat(reads().assignmentFilter(added.id())).isEmpty();
        assertThat(reads().countAssignmentFilters(Optional.empty())).isEqualTo(1);
    }

    @Test
    void anotherTenantsFiltersAreNeitherSeenNorDeleted() {
        FilterDefinition theirs = filter("Theirs", null, WINDOWS_10_AND_LATER, DEVICES);
        directory.write(OTHER_TENANT, writes -> {
            writes.put(theirs);
            return null;
        });

        assertThat(reads().assignmentFilter(theirs.id())).isEmpty();
        assertThat(reads().assignmentFilters(Query.firstPage(AssignmentFilterCollection.ASSIGNMENT_FILTERS, 10))
                .items()).isEmpty();
        assertThat(reads().countAssignmentFilters(Optional.empty())).isZero();
        assertThat(writeTells(writes -> writes.deleteAssignmentFilter(theirs.id()))).isFalse();
        assertThat(directory.reads(OTHER_TENANT).assignmentFilter(theirs.id())).contains(theirs);
    }

    /**
     * Lists the stored items with no filter and with each filter, in the default order and by each property, and
     * asserts every listing and count against filtering and sorting in memory.
     */
    private <T> void assertEveryListAsInMemory(List<T> stored, EntitySet<T> set, List<Filter<T>> filters,
                                           List<Property<T>> orderBy,
                                           Function<Query<T>, Page<T>> lister,
                                           Function<Optional<Filter<T>>, Long> counter) {
        for (Filter<T> filter : withNone(filters)) {
            assertListsAsInMemory(stored, set, filter, List.of(), lister, counter);
            for (Property<T> property : orderBy) {
                for (boolean descending : List.of(false, true)) {
                    assertListsAsInMemory(stored, set, filter, List.of(new SortKey<>(property, descending)), lister,
                            counter);
                }
            }
        }
    }

    /** Follows {@code next} from the first page and asserts the items and their count against memory. */
    private static <T> void assertListsAsInMemory(List<T> stored, EntitySet<T> set, Filter<T> filter,
                                                  List<SortKey<T>> order, Function<Query<T>, Page<T>> lister,
                                                  Function<Optional<Filter<T>>, Long> counter) {
        Query<T> first = query(set, filter, order, PAGE);
        List<T> expected = stored.stream().filter(item -> filter == null || filter.matches(item))
                .sorted(first.comparator()).toList();
        String what = "filter " + filter + ", order " + order;

        assertThat(allPages(first, lister)).as(what).containsExactlyElementsOf(expected);
        if (counter != null) {
            assertThat(counter.apply(first.filter())).as(what).isEqualTo(expected.size());
        }
    }

    /** Every item the query lists, page by page; a page that hands on a cursor must be full. */
    private static <T> List<T> allPages(Query<T> first, Function<Query<T>, Page<T>> lister) {
        List<T> listed = new ArrayList<>();
        Page<T> page = lister.apply(first);
        listed.addAll(page.items());
        while (page.next().isPresent()) {
            assertThat(page.items()).as("a page with a next link").hasSize(first.top());
            page = lister.apply(new Query<>(first.set(), first.filter(), first.orderBy(), 0, first.top(),
                    page.next()));
            listed.addAll(page.items());
        }
        return listed;
    }

    private static List<DeviceRunState> allRunStates(DirectoryReads reads, ScriptId script) {
        return allPages(query(RunStateCollection.DEVICE_RUN_STATES, null, List.of(), PAGE),
                query -> reads.runStates(script, query));
    }

    private static List<DirectoryObject> allObjects(Function<Query<DirectoryObject>, Page<DirectoryObject>> lister) {
        return allPages(query(DirectoryObjectCollection.DIRECTORY_OBJECTS, null, List.of(), PAGE), lister);
    }

    private static List<Group> allGroups(Function<Query<Group>, Page<Group>> lister) {
        return allPages(query(GroupCollection.GROUPS, null, List.of(), PAGE), lister);
    }

    private static <T> Query<T> query(EntitySet<T> set, Filter<T> filter, List<SortKey<T>> order, int top) {
        return new Query<>(set, Optional.ofNullable(filter), order, 0, top, Optional.empty());
    }

    private static Query<DirectoryObject> objectsPage() {
        return Query.firstPage(DirectoryObjectCollection.DIRECTORY_OBJECTS, 100);
    }

    private static Query<Group> groupsPage() {
        return Query.firstPage(GroupCollection.GROUPS, 100);
    }

    /** The filters and, first, no filter (null). */
    private static <T> List<Filter<T>> withNone(List<Filter<T>> filters) {
        List<Filter<T>> all = new ArrayList<>(Arrays.asList((Filter<T>) null));
        all.addAll(filters);
        return all;
    }

    private static void put(DirectoryWrites writes, DirectoryObject object) {
        if (object instanceof User user) {
            writes.put(user);
        } else if (object instanceof Group group) {
            writes.put(group);
        } else {
            writes.put((Device) object);
        }
    }

    private DirectoryReads reads() {
        return directory.reads(TENANT);
    }

    /** What a write that tells whether it changed something tells. */
    private boolean writeTells(Predicate<DirectoryWrites> work) {
        return directory.write(TENANT, work::test);
    }

    private void change(Consumer<DirectoryWrites> work) {
        directory.write(TENANT, writes -> {
            work.accept(writes);
            return null;
        });
    }
}
