package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.Change;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import java.util.List;
import java.util.Optional;

/**
 * The directory's groups and their members, as Graph's {@code /groups} serves them. Keys are object ids as the
 * client wrote them; one that is no GUID is refused as the directory refuses it.
 */
public interface GroupUseCases extends ListUseCase<Group>, MemberOfUseCase {
    Group create(Caller caller, NewGroup group);

    Group get(Caller caller, String key);

    void update(Caller caller, String key, GroupPatch patch);

    /** The group leaves every group it was a member of; assignments that name it stay. */
    void delete(Caller caller, String key);

    /** Adds each object as a direct member of the group: all of them, or none when one breaks a rule. */
    void addMembers(Caller caller, String key, List<String> memberKeys);

    void removeMember(Caller caller, String key, String memberKey);

    /** The group's members: direct ones, or with {@code transitive} nested groups and their members as well. */
    Page<DirectoryObject> members(Caller caller, String key, boolean transitive, Query<DirectoryObject> query);

    long countMembers(Caller caller, String key, boolean transitive, Optional<Filter<DirectoryObject>> filter);

    /**
     * A group as a client creates it; null where the client sent nothing.
     *
     * @param members the objects it holds from the start ({@code members@odata.bind})
     * @param owners  its owners ({@code owners@odata.bind}): checked as members are, not kept
     */
    record NewGroup(String displayName, String description, Boolean mailEnabled, String mailNickname,
                    Boolean securityEnabled, List<String> groupTypes, String membershipRule,
                    String membershipRuleProcessingState, List<String> members, List<String> owners) {
        public NewGroup {
            groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
            members = List.copyOf(members);
            owners = List.copyOf(owners);
        }
    }

    /** A PATCH of a group: the properties it changes, and members it adds ({@code members@odata.bind}). */
    record GroupPatch(Change<String> displayName, Change<String> description, Change<String> mailNickname,
                      List<String> newMembers) {
        public GroupPatch {
            newMembers = List.copyOf(newMembers);
        }
    }
}
