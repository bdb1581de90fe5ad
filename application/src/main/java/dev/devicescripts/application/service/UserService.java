package dev.devicescripts.application.service;

import static dev.devicescripts.application.service.DirectoryRules.alreadyExists;
import static dev.devicescripts.application.service.DirectoryRules.checkDisplayName;
import static dev.devicescripts.application.service.DirectoryRules.checkMailNickname;
import static dev.devicescripts.application.service.DirectoryRules.invalid;
import static dev.devicescripts.application.service.DirectoryRules.required;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.UserUseCases;
import dev.devicescripts.application.port.out.DirectoryIdGenerator;
import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.DirectoryAudits;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.User;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Graph's users, with the directory's rules and refusals (spec 1.2). Licenses are not written here: the seed import
 * sets them. Every change, its checks included, runs in one {@link DirectoryRepository#write}.
 */
public final class UserService implements UserUseCases {
    static final String RESOURCE = "User";
    /** One @ between a local part and a domain, no whitespace. */
    private static final Pattern USER_PRINCIPAL_NAME = Pattern.compile("[^\\s@]+@[^\\s@]+");

    private final DirectoryRepository directory;
    private final TimeSource time;
    private final DirectoryIdGenerator ids;

    public UserService(DirectoryRepository directory, TimeSource time, DirectoryIdGenerator ids) {
        this.directory = directory;
        this.time = time;
        this.ids = ids;
    }

    @Override
    public User create(Caller caller, NewUser request) {
        TenantId tenant = Access.USER_WRITE.tenantOf(caller);
        boolean accountEnabled = required(request.accountEnabled(), "accountEnabled", RESOURCE);
        checkDisplayName(request.displayName(), RESOURCE);
        checkMailNickname(request.mailNickname(), RESOURCE);
        checkUserPrincipalName(request.userPrincipalName());
        required(request.password(), "passwordProfile", RESOURCE);
        User user = new User(ids.newObjectId(), request.displayName(), request.userPrincipalName(), accountEnabled,
                request.mail(), request.mailNickname(), time.now(), List.of());
        return directory.write(tenant, writes -> {
            requireUniquePrincipalName(writes, user);
            writes.put(user);
            writes.record(DirectoryAudits.userAdded(Stamps.of(caller, time), user));
            return user;
        });
    }

    @Override
    public User get(Caller caller, String key) {
        return DirectoryRules.user(directory.reads(Access.USER_READ.tenantOf(caller)), key);
    }

    @Override
    public Page<User> list(Caller caller, Query<User> query) {
        return directory.reads(Access.USER_READ.tenantOf(caller)).users(query);
    }

    @Override
    public long count(Caller caller, Optional<Filter<User>> filter) {
        return directory.reads(Access.USER_READ.tenantOf(caller)).countUsers(filter);
    }

    @Override
    public void update(Caller caller, String key, UserPatch patch) {
        directory.write(Access.USER_WRITE.tenantOf(caller), writes -> {
            User user = DirectoryRules.user(writes, key);
            Boolean accountEnabled = patch.accountEnabled().applyTo(user.accountEnabled());
            if (accountEnabled == null) {
                throw invalid("accountEnabled", RESOURCE);
            }
            User changed = new User(user.id(), patch.displayName().applyTo(user.displayName()),
                    patch.userPrincipalName().applyTo(user.userPrincipalName()), accountEnabled,
                    patch.mail().applyTo(user.mail()), patch.mailNickname().applyTo(user.mailNickname()),
                    user.createdDateTime(), user.assignedLicenses());
            checkDisplayName(changed.displayName(), RESOURCE);
            checkMailNickname(changed.mailNickname(), RESOURCE);
            checkUserPrincipalName(changed.userPrincipalName());
            requireUniquePrincipalName(writes, changed);
            writes.put(changed);
            writes.record(DirectoryAudits.userUpdated(Stamps.of(caller, time), user, changed));
            return changed;
        });
    }

    @Override
    public void delete(Caller caller, String key) {
        directory.write(Access.USER_WRITE.tenantOf(caller), writes -> {
            User user = DirectoryRules.user(writes, key);
            writes.deleteObject(user.id());
            writes.record(DirectoryAudits.userDeleted(Stamps.of(caller, time), user));
            return null;
        });
    }

    @Override
    public Page<Group> memberOf(Caller caller, String key, boolean transitive, Query<Group> query) {
        DirectoryReads reads = directory.reads(Access.USER_MEMBER_OF_READ.tenantOf(caller));
        return reads.memberOf(DirectoryRules.user(reads, key).id(), transitive, query);
    }

    @Override
    public long countMemberOf(Caller caller, String key, boolean transitive, Optional<Filter<Group>> filter) {
        DirectoryReads reads = directory.reads(Access.USER_MEMBER_OF_READ.tenantOf(caller));
        return reads.countMemberOf(DirectoryRules.user(reads, key).id(), transitive, filter);
    }

    private static void checkUserPrincipalName(String userPrincipalName) {
        required(userPrincipalName, "userPrincipalName", RESOURCE);
        if (!USER_PRINCIPAL_NAME.matcher(userPrincipalName).matches()) {
            throw invalid("userPrincipalName", RESOURCE);
        }
    }

    /** No two users of a tenant share a userPrincipalName, ignoring case: it is how they sign in. */
    private static void requireUniquePrincipalName(DirectoryReads reads, User user) {
        if (reads.userByPrincipalName(user.userPrincipalName()).filter(other -> !other.id().equals(user.id()))
                .isPresent()) {
            throw alreadyExists("userPrincipalName");
        }
    }
}
