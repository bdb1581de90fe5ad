package dev.devicescripts.application.service;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.port.in.DeleteManagedDeviceUseCase;
import dev.devicescripts.application.port.in.GetManagedDeviceUseCase;
import dev.devicescripts.application.port.in.ListManagedDevicesUseCase;
import dev.devicescripts.application.port.in.ListUserManagedDevicesUseCase;
import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.util.Optional;
import java.util.UUID;

/** Reads and deletes Intune's managed devices; they are created only by seeding, as enrollment creates them. */
public final class ManagedDeviceService implements ListManagedDevicesUseCase, GetManagedDeviceUseCase,
        DeleteManagedDeviceUseCase, ListUserManagedDevicesUseCase {

    private final DirectoryRepository directory;

    public ManagedDeviceService(DirectoryRepository directory) {
        this.directory = directory;
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("No managedDevice with id " + id + " exists.");
    }

    @Override
    public Page<ManagedDevice> list(Caller caller, Query<ManagedDevice> query) {
        return directory.reads(Access.MANAGED_DEVICE_READ.tenantOf(caller)).managedDevices(query);
    }

    @Override
    public long count(Caller caller, Optional<Filter<ManagedDevice>> filter) {
        return directory.reads(Access.MANAGED_DEVICE_READ.tenantOf(caller)).countManagedDevices(filter);
    }

    @Override
    public ManagedDevice get(Caller caller, UUID id) {
        return directory.reads(Access.MANAGED_DEVICE_READ.tenantOf(caller)).managedDevice(id)
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public Optional<User> primaryUser(Caller caller, UUID id) {
        DirectoryReads reads = directory.reads(Access.MANAGED_DEVICE_READ.tenantOf(caller));
        ManagedDevice device = reads.managedDevice(id).orElseThrow(() -> notFound(id));
        return Optional.ofNullable(device.userId()).flatMap(reads::user);
    }

    @Override
    public void delete(Caller caller, UUID id) {
        delete(directory, Access.MANAGED_DEVICE_WRITE.tenantOf(caller), id);
    }

    /** Records no audit entry: managed devices are in neither log's tables (targeting.md 1.5, 1.6). */
    static void delete(DirectoryRepository directory, TenantId tenant, UUID id) {
        if (!directory.write(tenant, writes -> writes.deleteManagedDevice(id))) {
            throw notFound(id);
        }
    }

    @Override
    public Page<ManagedDevice> list(Caller caller, String userKey, Query<ManagedDevice> query) {
        DirectoryReads reads = directory.reads(Access.MANAGED_DEVICE_READ.tenantOf(caller));
        UUID userId = DirectoryRules.user(reads, userKey).id();
        return reads.managedDevices(new Query<>(query.set(), Optional.of(ofUser(userId, query.filter())),
                query.orderBy(), query.skip(), query.top(), query.after()));
    }

    @Override
    public long count(Caller caller, String userKey, Optional<Filter<ManagedDevice>> filter) {
        DirectoryReads reads = directory.reads(Access.MANAGED_DEVICE_READ.tenantOf(caller));
        return reads.countManagedDevices(Optional.of(ofUser(DirectoryRules.user(reads, userKey).id(), filter)));
    }

    private static Filter<ManagedDevice> ofUser(UUID userId, Optional<Filter<ManagedDevice>> filter) {
        Filter<ManagedDevice> primaryUser =
                new Filter.Comparison<>(ManagedDeviceCollection.USER_ID, Filter.Operator.EQ, userId);
        return filter.<Filter<ManagedDevice>>map(more -> new Filter.And<>(primaryUser, more)).orElse(primaryUser);
    }
}
