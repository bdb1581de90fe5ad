package dev.devicescripts.application.service;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.RequestRefusedException;
import dev.devicescripts.application.collections.DirectoryObjectCollection;
import dev.devicescripts.application.collections.RunStateCollection;
import dev.devicescripts.application.port.in.SeedItem;
import dev.devicescripts.application.port.in.SeedItem.SeedDevice;
import dev.devicescripts.application.port.in.SeedItem.SeedGroup;
import dev.devicescripts.application.port.in.SeedItem.SeedManagedDevice;
import dev.devicescripts.application.port.in.SeedItem.SeedRunState;
import dev.devicescripts.application.port.in.SeedItem.SeedUser;
import dev.devicescripts.application.port.in.SeedItem.Tenant;
import dev.devicescripts.application.port.in.SeedManagedDeviceUseCase;
import dev.devicescripts.application.port.in.SeedResult;
import dev.devicescripts.application.port.in.SeedSource;
import dev.devicescripts.application.port.in.SeedUseCase;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.DirectoryWrites;
import dev.devicescripts.application.port.out.DirectoryWrites.DanglingReference;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import dev.devicescripts.domain.audit.DirectoryAudits;
import dev.devicescripts.domain.audit.Stamp;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies seed documents: each in one transaction of the one write path, item by item as its source reads them, so
 * that no document needs to fit in memory. A rule an item breaks, or a reference that at the end resolves to
 * nothing, throws, and the transaction keeps nothing.
 */
public final class SeedService implements SeedUseCase, SeedManagedDeviceUseCase {
    /** A refusal names this many dangling references; the first ones tell what went wrong. */
    private static final int NAMED_REFERENCES = 10;
    /** Members are compared a page at a time, so a group of any size is read in bounded pieces. */
    private static final int MEMBER_PAGE = 1000;
    /** Intune's join types, and the trust type of the Entra device that each means. */
    private static final Map<String, String> TRUST_TYPES = Map.of("azureADJoined", "AzureAd",
            "hybridAzureADJoined", "ServerAd", "azureADRegistered", "Workplace");

    private static final Actor SEED_FILE_ACTOR = new Actor(Actor.Kind.APPLICATION, null, null, null, null,
            DirectoryAudits.SEED_SERVICE, null);

    private final DirectoryRepository directory;
    private final TimeSource time;

    public SeedService(DirectoryRepository directory, TimeSource time) {
        this.directory = directory;
        this.time = time;
    }

    @Override
    public SeedResult seed(Caller caller, SeedSource document) {
        return seed(Access.SEED.tenantOf(caller), document, caller.actor(), caller.correlationId());
    }

    /** A seed file loaded at startup: devicescripts itself is the actor, as an app acting as itself. */
    @Override
    public SeedResult seed(TenantId tenant, SeedSource document) {
        return seed(tenant, document, SEED_FILE_ACTOR, UUID.randomUUID());
    }

    /** The document in one write, with its one {@code Seed directory} entry (not one per object it wrote). */
    private SeedResult seed(TenantId tenant, SeedSource document, Actor actor, UUID correlationId) {
        return directory.write(tenant, writes -> {
            Seeding seeding = new Seeding(tenant, writes, time.now());
            for (Optional<SeedItem> item = document.next(); item.isPresent(); item = document.next()) {
                seeding.apply(item.get());
            }
            SeedResult result = seeding.finish();
            Stamp stamp = new Stamp(Stamps.newId(seeding.now), seeding.now, actor, correlationId);
            writes.record(DirectoryAudits.seeded(stamp, result.created(), result.updated(), result.unchanged()));
            return result;
        });
    }

    /** A managed device is Intune's record, which neither log covers (targeting.md 1.5, 1.6): it records nothing. */
    @Override
    public ManagedDevice put(Caller caller, SeedManagedDevice device) {
        TenantId tenant = Access.SEED.tenantOf(caller);
        return directory.write(tenant, writes -> {
            Seeding seeding = new Seeding(tenant, writes, time.now());
            seeding.apply(device);
            seeding.finish();
            return writes.managedDevice(device.managedDevice().id()).orElseThrow();
        });
    }

    @Override
    public ManagedDevice get(Caller caller, UUID id) {
        return directory.reads(Access.SEED.tenantOf(caller)).managedDevice(id)
                .orElseThrow(() -> ManagedDeviceService.notFound(id));
    }

    @Override
    public void delete(Caller caller, UUID id) {
        ManagedDeviceService.delete(directory, Access.SEED.tenantOf(caller), id);
    }

    /**
     * One document's transaction: what it counted, and the managed devices it wrote whose primary user or Entra device
     * it had not read yet (they may come later in the document).
     */
    private static final class Seeding {
        private final TenantId tenant;
        private final DirectoryWrites writes;
        private final Instant now;
        private final List<UUID> awaitingReferences = new ArrayList<>();
        private long created;
        private long updated;
        private long unchanged;

        Seeding(TenantId tenant, DirectoryWrites writes, Instant now) {
            this.tenant = tenant;
            this.writes = writes;
            this.now = now;
        }

        void apply(SeedItem item) {
            if (item instanceof Tenant named) {
                requireTenant(named);
            } else if (item instanceof SeedUser user) {
                user(user);
            } else if (item instanceof SeedGroup group) {
                group(group);
            } else if (item instanceof SeedDevice device) {
                device(device);
            } else if (item instanceof SeedManagedDevice device) {
                managedDevice(device);
            } else {
                runState((SeedRunState) item);
            }
        }

        private void requireTenant(Tenant named) {
            if (!named.tenant().equals(tenant)) {
                throw new InvalidInputException(named.path(), "is " + named.tenant() + ", but the document is loaded "
                        + "into tenant " + tenant + "; a document seeds only the tenant it names.");
            }
        }

        private void user(SeedUser item) {
            User user = item.user();
            Optional<User> stored = ofKind(item.path(), user, writes.user(user.id()));
            if (!item.createdGiven()) {
                user = user.withCreatedDateTime(stored.map(User::createdDateTime).orElse(now));
            }
            if (count(stored, user)) {
                writes.put(user);
            }
        }

        private void group(SeedGroup item) {
            Group group = item.group();
            Optional<Group> stored = ofKind(item.path(), group, writes.group(group.id()));
            if (!item.createdGiven()) {
                group = group.withCreatedDateTime(stored.map(Group::createdDateTime).orElse(now));
            }
            boolean changed = !stored.equals(Optional.of(group));
            if (changed) {
                writes.put(group);
            }
            if (item.members() != null) {
                changed |= replaceMembers(item.path() + ".members", group, item.members(), stored.isPresent());
            }
            count(changed, stored.isPresent());
        }

        /** Makes {@code members} the group's direct members; true when that changed them. */
        private boolean replaceMembers(String path, Group group, List<UUID> members, boolean stored) {
            Set<UUID> wanted = new LinkedHashSet<>(members);
            Set<UUID> current = stored ? directMembers(group.id()) : Set.of();
            boolean changed = false;
            for (UUID member : current) {
                if (!wanted.contains(member)) {
                    writes.removeMember(group.id(), member);
                    changed = true;
                }
            }
            for (UUID member : wanted) {
                if (member.equals(group.id())) {
                    throw new InvalidInputException(path, "names the group itself; a group cannot be its own member.");
                }
                Optional<DirectoryObject> object = writes.object(member);
                if (object.isPresent() && !group.mayHold(object.get())) {
                    throw new InvalidInputException(path, "names " + kindOf(object.get()) + " " + member
                            + ", which this group cannot hold: a Unified group holds users only, a security group "
                            + "no Unified group.");
                }
                if (!current.contains(member)) {
                    writes.addMember(group.id(), member);
                    changed = true;
                }
            }
            return changed;
        }

        private Set<UUID> directMembers(UUID groupId) {
            Set<UUID> members = new HashSet<>();
            Query<DirectoryObject> query = Query.firstPage(DirectoryObjectCollection.DIRECTORY_OBJECTS, MEMBER_PAGE);
            while (true) {
                Page<DirectoryObject> page = writes.members(groupId, false, query);
                page.items().forEach(member -> members.add(member.id()));
                if (page.next().isEmpty()) {
                    return members;
                }
                PageCursor next = page.next().get();
                query = new Query<>(query.set(), Optional.empty(), List.of(), 0, MEMBER_PAGE, Optional.of(next));
            }
        }

        private void device(SeedDevice item) {
            Device device = item.device();
            Optional<Device> stored = ofKind(item.path(), device, writes.device(device.id()));
            writes.deviceByDeviceId(device.deviceId()).filter(other -> !other.id().equals(device.id()))
                    .ifPresent(other -> {
                        throw new InvalidInputException(item.path() + ".deviceId", "is already the deviceId of "
                                + "device " + other.id() + "; each Entra device has its own.");
                    });
            if (count(stored, device)) {
                writes.put(device);
            }
        }

        private void managedDevice(SeedManagedDevice item) {
            ManagedDevice device = item.managedDevice();
            Optional<ManagedDevice> stored = writes.managedDevice(device.id());
            if (!item.azureADDeviceIdGiven()) {
                Optional<Device> registered = stored.map(ManagedDevice::azureADDeviceId)
                        .flatMap(writes::deviceByDeviceId);
                device = device.withAzureADDeviceId(registered.orElseGet(() -> registerInEntra(item.managedDevice()))
                        .deviceId());
            }
            Optional<User> user = Optional.ofNullable(device.userId()).flatMap(writes::user);
            if (user.isPresent() && withoutUserNames(device)) {
                device = withNamesOf(device, user.get());
            }
            if (count(stored, device)) {
                writes.put(device);
            }
            boolean unregistered = item.azureADDeviceIdGiven() && device.azureADDeviceId() != null
                    && writes.deviceByDeviceId(device.azureADDeviceId()).isEmpty();
            if (device.userId() != null && user.isEmpty() || unregistered) {
                awaitingReferences.add(device.id());
            }
        }

        private static boolean withoutUserNames(ManagedDevice device) {
            return device.userPrincipalName() == null && device.userDisplayName() == null
                    && device.emailAddress() == null;
        }

        /** The Entra device that enrollment would have registered for a managed device. */
        private Device registerInEntra(ManagedDevice device) {
            Device registered = new Device(UUID.randomUUID(), UUID.randomUUID(), device.deviceName(),
                    device.operatingSystem(), device.osVersion(), true, TRUST_TYPES.get(device.joinType()), true,
                    "compliant".equals(device.complianceState()), device.managedDeviceOwnerType(),
                    device.enrollmentProfileName(), device.enrolledDateTime(), device.lastSyncDateTime());
            writes.put(registered);
            created++;
            return registered;
        }

        private static ManagedDevice withNamesOf(ManagedDevice device, User user) {
            return device.withPrimaryUserNames(user.userPrincipalName(), user.displayName(), user.mail());
        }

        private void runState(SeedRunState item) {
            DeviceRunState state = item.runState();
            Filter<DeviceRunState> sameId = new Filter.Comparison<>(RunStateCollection.ID, Filter.Operator.EQ,
                    RunStateCollection.ID.valueOf(state));
            Optional<DeviceRunState> stored = writes.runStates(state.scriptId(), new Query<>(
                    RunStateCollection.DEVICE_RUN_STATES, Optional.of(sameId), List.of(), 0, 1, Optional.empty()))
                    .items().stream().findFirst();
            if (count(stored, state)) {
                writes.put(state);
            }
        }

        /** The stored object with the item's id, refusing an id that another kind of object has. */
        private <T extends DirectoryObject> Optional<T> ofKind(String path, T item, Optional<T> stored) {
            if (stored.isEmpty()) {
                writes.object(item.id()).ifPresent(other -> {
                    throw new InvalidInputException(path + ".id", "is the id of a " + kindOf(other)
                            + " already; users, groups and devices never share an id.");
                });
            }
            return stored;
        }

        private static String kindOf(DirectoryObject object) {
            return object.kind().name().toLowerCase(Locale.ROOT);
        }

        /** Counts the item as created, updated or unchanged; true when it must be written. */
        private <T> boolean count(Optional<T> stored, T item) {
            boolean changed = !stored.equals(Optional.of(item));
            count(changed, stored.isPresent());
            return changed;
        }

        private void count(boolean changed, boolean existed) {
            if (!existed) {
                created++;
            } else if (changed) {
                updated++;
            } else {
                unchanged++;
            }
        }

        /**
         * Fills the primary users read after their devices, checks the references of the managed devices written
         * (the store does not: Intune's record keeps its primary user and Entra device when the directory deletes
         * them, so only a seed that names them must find them), then every other reference the tenant holds.
         */
        SeedResult finish() {
            List<DanglingReference> dangling = new ArrayList<>();
            for (UUID id : awaitingReferences) {
                ManagedDevice device = writes.managedDevice(id).orElseThrow();
                String holder = "managedDevice " + id;
                if (device.userId() != null) {
                    Optional<User> user = writes.user(device.userId());
                    if (user.isEmpty()) {
                        dangling.add(new DanglingReference(holder, "userId", device.userId().toString()));
                    } else if (withoutUserNames(device)) {
                        writes.put(withNamesOf(device, user.get()));
                    }
                }
                if (device.azureADDeviceId() != null && writes.deviceByDeviceId(device.azureADDeviceId()).isEmpty()) {
                    dangling.add(new DanglingReference(holder, "azureADDeviceId",
                            device.azureADDeviceId().toString()));
                }
            }
            if (dangling.size() < NAMED_REFERENCES) {
                dangling.addAll(writes.danglingReferences(NAMED_REFERENCES - dangling.size()));
            }
            if (!dangling.isEmpty()) {
                throw new RequestRefusedException("The seed document refers to objects that do not exist, so none "
                        + "of it was applied: " + dangling.stream()
                        .limit(NAMED_REFERENCES)
                        .map(reference -> reference.holder() + " " + reference.property() + " names "
                                + reference.target())
                        .collect(Collectors.joining("; ")) + ".");
            }
            return new SeedResult(created, updated, unchanged);
        }
    }
}
