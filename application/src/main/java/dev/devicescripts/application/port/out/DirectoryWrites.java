package dev.devicescripts.application.port.out;

import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.DirectoryAudit;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DeviceRunState;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import java.util.List;
import java.util.UUID;

/**
 * The changes one directory transaction may make (see {@link DirectoryRepository#write}). The store checks no rule
 * beyond what keeps it consistent: the use cases check Graph's rules before they write.
 */
public interface DirectoryWrites extends DirectoryReads {

    /** Stores the object, replacing the one with its id. */
    void put(User user);

    void put(Group group);

    void put(Device device);

    void put(ManagedDevice managedDevice);

    /** Stores the state of its script on its device, replacing the earlier one. */
    void put(DeviceRunState runState);

    /** Stores the assignment filter, replacing the one with its id; its payloads are not stored. */
    void put(FilterDefinition filter);

    /** False if there was none. */
    boolean deleteAssignmentFilter(UUID id);

    /** Deletes the user, group or device and every membership it has, as member and as group; false if none. */
    boolean deleteObject(UUID id);

    /** Deletes the managed device and its run states; its Entra device stays. False if none. */
    boolean deleteManagedDevice(UUID id);

    /** Stores the entry of Entra's log for a change this transaction makes, which commits or rolls back with it. */
    void record(DirectoryAudit entry);

    /**
     * Stores the entry of Intune's log for a change this transaction makes (an assignment filter's), which commits or
     * rolls back with it.
     */
    void record(AuditEvent entry);

    /** Makes {@code memberId} a direct member of the group; nothing when it is one already. */
    void addMember(UUID groupId, UUID memberId);

    /** False when it was not a direct member. */
    boolean removeMember(UUID groupId, UUID memberId);

    /**
     * References this tenant's data holds that resolve to nothing, at most {@code limit}: a member that is no user,
     * group or device; a run state whose script or managed device does not exist. A managed device's primary user and
     * azureADDeviceId are not among them: Intune's record keeps both when the directory deletes the user or the Entra
     * device, as Graph's does.
     */
    List<DanglingReference> danglingReferences(int limit);

    /**
     * @param holder   what holds the reference, e.g. {@code group 6f0c...}
     * @param property the referring property, e.g. {@code members}
     * @param target   the id it names
     */
    record DanglingReference(String holder, String property, String target) {
    }
}
