package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.util.List;
import java.util.UUID;

/**
 * One item of a seed document, checked for its values' types and ranges, as its reader read it. {@code path} says
 * where it is in the document ({@code managedDevices[3]}), so that a refusal can name it.
 */
public sealed interface SeedItem {
    String path();

    /** The tenant the document says it is for. */
    record Tenant(String path, TenantId tenant) implements SeedItem {
    }

    /** @param createdGiven false when the document left createdDateTime out: the stored one stays, or now */
    record SeedUser(String path, User user, boolean createdGiven) implements SeedItem {
    }

    /**
     * @param createdGiven as for users
     * @param members      the group's direct members' object ids, replacing the stored ones; null keeps them
     */
    record SeedGroup(String path, Group group, boolean createdGiven, List<UUID> members) implements SeedItem {
        public SeedGroup {
            members = members == null ? null : List.copyOf(members);
        }
    }

    record SeedDevice(String path, Device device) implements SeedItem {
    }

    /**
     * @param azureADDeviceIdGiven false when the document left the key out: the device gets an Entra device (the one
     *                             it has, or a new one); true with a null azureADDeviceId keeps it unregistered
     */
    record SeedManagedDevice(String path, ManagedDevice managedDevice, boolean azureADDeviceIdGiven)
            implements SeedItem {
    }

    record SeedRunState(String path, DeviceRunState runState) implements SeedItem {
    }
}
