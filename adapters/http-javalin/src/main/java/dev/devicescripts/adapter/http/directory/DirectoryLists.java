package dev.devicescripts.adapter.http.directory;

import dev.devicescripts.adapter.http.graph.LinkBase;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.ItemTypes;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.Typed;
import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.collections.DeviceCollection;
import dev.devicescripts.application.collections.GroupCollection;
import dev.devicescripts.application.collections.UserCollection;
import dev.devicescripts.application.port.in.MemberOfUseCase;
import dev.devicescripts.application.port.in.NavigationListUseCase;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.User;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Optional;

/**
 * The directory's lists under an object: a group's members, and the groups an object is a member of. Their items are
 * directoryObjects, each written as its own kind with its {@code @odata.type}.
 */
final class DirectoryLists {
    static final String DIRECTORY_OBJECTS_CONTEXT = DirectoryJson.CONTEXT_BASE + "directoryObjects";

    /**
     * Users, groups and devices, each written with the properties of its own collection when the caller may read
     * that kind, else with its id alone (spec 1.1).
     */
    static final ItemTypes<DirectoryObject> MEMBERS = new ItemTypes<>() {
        @Override
        public List<EntitySet<?>> sets() {
            return List.of(UserCollection.USERS, GroupCollection.GROUPS, DeviceCollection.DEVICES);
        }

        @Override
        public Typed<?> typed(Caller caller, DirectoryObject item) {
            if (item instanceof User user) {
                return new Typed<>(UserCollection.USERS, user, Access.USER_READ.grants(caller));
            }
            if (item instanceof Group group) {
                return new Typed<>(GroupCollection.GROUPS, group, Access.GROUP_READ.grants(caller));
            }
            return new Typed<>(DeviceCollection.DEVICES, (Device) item, Access.DEVICE_READ.grants(caller));
        }
    };

    private DirectoryLists() {
    }

    /** {@code memberOf} and {@code transitiveMemberOf} under each of {@code items}, e.g. {@code /beta/users/{key}}. */
    static void registerMemberOf(RoutesConfig routes, List<String> items, MemberOfUseCase useCase, LinkBase links) {
        for (String item : items) {
            for (boolean transitive : List.of(false, true)) {
                CollectionEndpoint.directoryNavigation(GroupCollection.GROUPS,
                                item + (transitive ? "/transitiveMemberOf" : "/memberOf"), DIRECTORY_OBJECTS_CONTEXT,
                                memberOf(useCase, transitive), links)
                        .ofDirectoryObjects(ItemTypes.of(GroupCollection.GROUPS)).register(routes);
            }
        }
    }

    private static NavigationListUseCase<Group> memberOf(MemberOfUseCase useCase, boolean transitive) {
        return NavigationListUseCase.of((caller, key, query) -> useCase.memberOf(caller, key, transitive, query),
                (caller, key, filter) -> useCase.countMemberOf(caller, key, transitive, filter));
    }
}
