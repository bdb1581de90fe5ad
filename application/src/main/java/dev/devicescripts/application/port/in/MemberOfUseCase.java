package dev.devicescripts.application.port.in;

import dev.devicescripts.application.Caller;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.directory.Group;
import java.util.Optional;

/** The groups that hold a user, group or device: directly ({@code memberOf}) or through nesting too. */
public interface MemberOfUseCase {
    /**
     * @param key        the object's id as the client wrote it (a user's may be its userPrincipalName)
     * @param transitive whether groups holding it through nested groups count too
     */
    Page<Group> memberOf(Caller caller, String key, boolean transitive, Query<Group> query);

    long countMemberOf(Caller caller, String key, boolean transitive, Optional<Filter<Group>> filter);
}
