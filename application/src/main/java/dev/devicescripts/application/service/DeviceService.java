package dev.devicescripts.application.service;

import static dev.devicescripts.application.service.DirectoryRules.alreadyExists;
import static dev.devicescripts.application.service.DirectoryRules.checkDisplayName;
import static dev.devicescripts.application.service.DirectoryRules.invalid;
import static dev.devicescripts.application.service.DirectoryRules.required;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.DirectoryKeys;
import dev.devicescripts.application.DirectoryObjectNotFoundException;
import dev.devicescripts.application.port.in.DeviceUseCases;
import dev.devicescripts.application.port.out.DirectoryIdGenerator;
import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.DirectoryAudits;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Graph's (Entra) devices, with the directory's rules and refusals (spec 1.3.1). Every change, its checks included,
 * runs in one {@link DirectoryRepository#write}.
 */
public final class DeviceService implements DeviceUseCases {
    static final String RESOURCE = "Device";
    private static final List<String> TRUST_TYPES = List.of("AzureAd", "ServerAd", "Workplace");
    private static final List<String> OWNERSHIPS = List.of("unknown", "company", "personal");

    private final DirectoryRepository directory;
    private final TimeSource time;
    private final DirectoryIdGenerator ids;

    public DeviceService(DirectoryRepository directory, TimeSource time, DirectoryIdGenerator ids) {
        this.directory = directory;
        this.time = time;
        this.ids = ids;
    }

    @Override
    public Device create(Caller caller, NewDevice request) {
        TenantId tenant = Access.DEVICE_WRITE.tenantOf(caller);
        boolean accountEnabled = required(request.accountEnabled(), "accountEnabled", RESOURCE);
        String deviceId = required(request.deviceId(), "deviceId", RESOURCE);
        checkDisplayName(request.displayName(), RESOURCE);
        required(request.operatingSystem(), "operatingSystem", RESOURCE);
        required(request.operatingSystemVersion(), "operatingSystemVersion", RESOURCE);
        if (!Guids.isGuid(deviceId)) {
            throw invalid("deviceId", RESOURCE);
        }
        Device device = new Device(ids.newObjectId(), UUID.fromString(deviceId), request.displayName(),
                request.operatingSystem(), request.operatingSystemVersion(), accountEnabled,
                oneOf(request.trustType(), TRUST_TYPES, "trustType"), request.isManaged(), request.isCompliant(),
                oneOf(request.deviceOwnership(), OWNERSHIPS, "deviceOwnership"), request.enrollmentProfileName(),
                time.now(), request.approximateLastSignInDateTime());
        return directory.write(tenant, writes -> {
            // The alternate key Intune's managed devices join on: two devices sharing it would make that ambiguous.
            if (writes.deviceByDeviceId(device.deviceId()).isPresent()) {
                throw alreadyExists("deviceId");
            }
            writes.put(device);
            writes.record(DirectoryAudits.deviceAdded(Stamps.of(caller, time), device));
            return device;
        });
    }

    @Override
    public Device get(Caller caller, String key) {
        return device(directory.reads(Access.DEVICE_READ.tenantOf(caller)), key);
    }

    @Override
    public Device getByDeviceId(Caller caller, String deviceId) {
        return directory.reads(Access.DEVICE_READ.tenantOf(caller))
                .deviceByDeviceId(DirectoryKeys.objectId(deviceId))
                .orElseThrow(() -> new DirectoryObjectNotFoundException(deviceId));
    }

    @Override
    public Page<Device> list(Caller caller, Query<Device> query) {
        return directory.reads(Access.DEVICE_READ.tenantOf(caller)).devices(query);
    }

    @Override
    public long count(Caller caller, Optional<Filter<Device>> filter) {
        return directory.reads(Access.DEVICE_READ.tenantOf(caller)).countDevices(filter);
    }

    @Override
    public void update(Caller caller, String key, DevicePatch patch) {
        directory.write(Access.DEVICE_WRITE.tenantOf(caller), writes -> {
            Device device = device(writes, key);
            Boolean accountEnabled = patch.accountEnabled().applyTo(device.accountEnabled());
            if (accountEnabled == null) {
                throw invalid("accountEnabled", RESOURCE);
            }
            Device changed = new Device(device.id(), device.deviceId(),
                    patch.displayName().applyTo(device.displayName()),
                    patch.operatingSystem().applyTo(device.operatingSystem()),
                    patch.operatingSystemVersion().applyTo(device.operatingSystemVersion()), accountEnabled,
                    oneOf(patch.trustType().applyTo(device.trustType()), TRUST_TYPES, "trustType"),
                    patch.isManaged().applyTo(device.isManaged()), patch.isCompliant().applyTo(device.isCompliant()),
                    oneOf(patch.deviceOwnership().applyTo(device.deviceOwnership()), OWNERSHIPS, "deviceOwnership"),
                    patch.enrollmentProfileName().applyTo(device.enrollmentProfileName()),
                    device.registrationDateTime(),
                    patch.approximateLastSignInDateTime().applyTo(device.approximateLastSignInDateTime()));
            checkDisplayName(changed.displayName(), RESOURCE);
            writes.put(changed);
            writes.record(DirectoryAudits.deviceUpdated(Stamps.of(caller, time), device, changed));
            return changed;
        });
    }

    @Override
    public void delete(Caller caller, String key) {
        directory.write(Access.DEVICE_WRITE.tenantOf(caller), writes -> {
            Device device = device(writes, key);
            writes.deleteObject(device.id());
            writes.record(DirectoryAudits.deviceDeleted(Stamps.of(caller, time), device));
            return null;
        });
    }

    @Override
    public Page<Group> memberOf(Caller caller, String key, boolean transitive, Query<Group> query) {
        DirectoryReads reads = directory.reads(Access.DEVICE_READ.tenantOf(caller));
        return reads.memberOf(device(reads, key).id(), transitive, query);
    }

    @Override
    public long countMemberOf(Caller caller, String key, boolean transitive, Optional<Filter<Group>> filter) {
        DirectoryReads reads = directory.reads(Access.DEVICE_READ.tenantOf(caller));
        return reads.countMemberOf(device(reads, key).id(), transitive, filter);
    }

    /** The value as the directory spells it, ignoring case; null stays null. */
    private static String oneOf(String value, List<String> allowed, String property) {
        if (value == null) {
            return null;
        }
        return allowed.stream().filter(value::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> invalid(property, RESOURCE));
    }

    private static Device device(DirectoryReads reads, String key) {
        return reads.device(DirectoryKeys.objectId(key)).orElseThrow(() -> new DirectoryObjectNotFoundException(key));
    }
}
