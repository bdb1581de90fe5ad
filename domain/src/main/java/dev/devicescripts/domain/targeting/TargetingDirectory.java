package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One tenant's directory as effective targeting reads it: read-only, and one consistent snapshot for as long as one
 * answer is computed. Every lookup takes many ids at once, so that resolving a page of subjects costs a few round
 * trips to a store rather than a few per subject. Ids that name nothing are absent from the maps returned.
 */
public interface TargetingDirectory {

    /** For each object id (user, group or Entra device), the ids of the groups that hold it directly. */
    Map<UUID, List<UUID>> parentGroups(Collection<UUID> objectIds);

    /** For each group id, its direct members by kind (other kinds of member are left out). */
    Map<UUID, GroupMembers> groupMembers(Collection<UUID> groupIds);

    /**
     * For each group id, the kinds of subject among its direct members (users, devices; empty when it holds neither):
     * what a group's dimensions need. Read from {@link #groupMembers} here; a store where groups are large answers it
     * without reading the members.
     */
    default Map<UUID, Set<SubjectType>> directKinds(Collection<UUID> groupIds) {
        Map<UUID, Set<SubjectType>> kinds = new HashMap<>();
        groupMembers(groupIds).forEach((id, held) -> kinds.put(id, held.kinds()));
        return kinds;
    }

    Map<UUID, Group> groupsById(Collection<UUID> groupIds);

    Map<UUID, User> usersById(Collection<UUID> userIds);

    /** Entra devices by object id (what group membership names). */
    Map<UUID, Device> devicesById(Collection<UUID> objectIds);

    /** Entra devices by their {@code deviceId}, the alternate key a managed device's azureADDeviceId names. */
    Map<UUID, Device> devicesByDeviceId(Collection<UUID> deviceIds);

    /** For each Entra deviceId, the managed devices whose azureADDeviceId it is. */
    Map<UUID, List<ManagedDevice>> managedDevicesByDeviceId(Collection<UUID> deviceIds);

    /** For each user id, the managed devices the user signs in on: as primary user or among usersLoggedOn. */
    Map<UUID, List<ManagedDevice>> managedDevicesOfUsers(Collection<UUID> userIds);

    Map<UUID, FilterDefinition> assignmentFiltersById(Collection<UUID> filterIds);

    /**
     * Up to {@code limit} managed devices of the tenant whose id follows {@code after} (from the first when empty),
     * in {@link SubjectOrder}, so that a walk over every device can stop after a page.
     */
    List<ManagedDevice> managedDevicesAfter(Optional<UUID> after, int limit);

    /** Up to {@code limit} users whose id follows {@code after} (from the first when empty), in SubjectOrder. */
    List<User> usersAfter(Optional<UUID> after, int limit);
}
