package dev.devicescripts.application.service;

import static dev.devicescripts.application.service.DirectoryRules.alreadyExists;
import static dev.devicescripts.application.service.DirectoryRules.checkDisplayName;
import static dev.devicescripts.application.service.DirectoryRules.checkMailNickname;
import static dev.devicescripts.application.service.DirectoryRules.group;
import static dev.devicescripts.application.service.DirectoryRules.invalid;
import static dev.devicescripts.application.service.DirectoryRules.required;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.DirectoryKeys;
import dev.devicescripts.application.DirectoryObjectNotFoundException;
import dev.devicescripts.application.RequestRefusedException;
import dev.devicescripts.application.collections.GroupCollection;
import dev.devicescripts.application.port.in.GroupUseCases;
import dev.devicescripts.application.port.out.DirectoryIdGenerator;
import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.DirectoryWrites;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.DirectoryAudits;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.DirectoryObject;
import dev.devicescripts.domain.directory.Group;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Graph's groups and their members, with the directory's rules and refusals (spec 1.1). Every change, its checks
 * included, runs in one {@link DirectoryRepository#write}, so a refused request changes nothing.
 */
public final class GroupService implements GroupUseCases {
    static final String RESOURCE = "Group";
    /** How many references one request may bind, as Graph allows. */
    static final int MAX_BOUND_REFERENCES = 20;
    static final String ALREADY_MEMBER =
            "One or more added object references already exist for the following modified properties: 'members'.";
    static final String MAIL_ENABLED_SECURITY_GROUP = "The service does not currently support writes of "
            + "mail-enabled groups. Please ensure that the mail-enablement property is unset and the "
            + "security-enablement property is set.";

    private final DirectoryRepository directory;
    private final TimeSource time;
    private final DirectoryIdGenerator ids;

    public GroupService(DirectoryRepository directory, TimeSource time, DirectoryIdGenerator ids) {
        this.directory = directory;
        this.time = time;
        this.ids = ids;
    }

    @Override
    public Group create(Caller caller, NewGroup request) {
        TenantId tenant = Access.GROUP_CREATE.tenantOf(caller);
        checkDisplayName(request.displayName(), RESOURCE);
        boolean mailEnabled = required(request.mailEnabled(), "mailEnabled", RESOURCE);
        checkMailNickname(request.mailNickname(), RESOURCE);
        boolean securityEnabled = required(request.securityEnabled(), "securityEnabled", RESOURCE);
        Group group = new Group(ids.newObjectId(), request.displayName(), request.description(), mailEnabled,
                request.mailNickname(), securityEnabled, request.groupTypes(), request.membershipRule(),
                request.membershipRuleProcessingState(), null, time.now());
        checkTypes(group);
        if (mailEnabled && !group.isUnified()) {
            throw new RequestRefusedException(MAIL_ENABLED_SECURITY_GROUP);
        }
        Group created = group.isDynamic() && group.membershipRuleProcessingState() == null
                ? withState(group, "On")
                : group;
        checkBound(request.members());
        checkBound(request.owners());
        return directory.write(tenant, writes -> {
            requireUniqueNickname(writes, created);
            request.owners().forEach(owner -> object(writes, owner)); // accepted, not kept: Graph's owners aren't here
            writes.put(created);
            writes.record(DirectoryAudits.groupAdded(Stamps.of(caller, time), created));
            addMembers(caller, writes, created, request.members());
            return created;
        });
    }

    @Override
    public Group get(Caller caller, String key) {
        return group(directory.reads(Access.GROUP_READ.tenantOf(caller)), key);
    }

    @Override
    public Page<Group> list(Caller caller, Query<Group> query) {
        return directory.reads(Access.GROUP_READ.tenantOf(caller)).groups(query);
    }

    @Override
    public long count(Caller caller, Optional<Filter<Group>> filter) {
        return directory.reads(Access.GROUP_READ.tenantOf(caller)).countGroups(filter);
    }

    @Override
    public void update(Caller caller, String key, GroupPatch patch) {
        TenantId tenant = Access.GROUP_WRITE.tenantOf(caller);
        checkBound(patch.newMembers());
        directory.write(tenant, writes -> {
            Group group = group(writes, key);
            String displayName = patch.displayName().applyTo(group.displayName());
            String mailNickname = patch.mailNickname().applyTo(group.mailNickname());
            checkDisplayName(displayName, RESOURCE);
            checkMailNickname(mailNickname, RESOURCE);
            Group changed = new Group(group.id(), displayName, patch.description().applyTo(group.description()),
                    group.mailEnabled(), mailNickname, group.securityEnabled(), group.groupTypes(),
                    group.membershipRule(), group.membershipRuleProcessingState(), group.mail(),
                    group.createdDateTime());
            requireUniqueNickname(writes, changed);
            writes.put(changed);
            writes.record(DirectoryAudits.groupUpdated(Stamps.of(caller, time), group, changed));
            addMembers(caller, writes, changed, patch.newMembers());
            return changed;
        });
    }

    @Override
    public void delete(Caller caller, String key) {
        directory.write(Access.GROUP_WRITE.tenantOf(caller), writes -> {
            Group group = group(writes, key);
            writes.deleteObject(group.id());
            writes.record(DirectoryAudits.groupDeleted(Stamps.of(caller, time), group));
            return null;
        });
    }

    @Override
    public void addMembers(Caller caller, String key, List<String> memberKeys) {
        TenantId tenant = Access.GROUP_MEMBER_WRITE.tenantOf(caller);
        checkBound(memberKeys);
        directory.write(tenant, writes -> {
            addMembers(caller, writes, group(writes, key), memberKeys);
            return null;
        });
    }

    @Override
    public void removeMember(Caller caller, String key, String memberKey) {
        TenantId tenant = Access.GROUP_MEMBER_WRITE.tenantOf(caller);
        directory.write(tenant, writes -> {
            Group group = group(writes, key);
            refuseIfDynamic(group);
            UUID memberId = DirectoryKeys.objectId(memberKey);
            if (!writes.removeMember(group.id(), memberId)) {
                throw new DirectoryObjectNotFoundException(memberKey);
            }
            writes.record(DirectoryAudits.memberRemoved(Stamps.of(caller, time), group, memberId,
                    writes.object(memberId).orElse(null)));
            return null;
        });
    }

    @Override
    public Page<DirectoryObject> members(Caller caller, String key, boolean transitive,
                                         Query<DirectoryObject> query) {
        DirectoryReads reads = directory.reads(Access.GROUP_READ.tenantOf(caller));
        return reads.members(group(reads, key).id(), transitive, query);
    }

    @Override
    public long countMembers(Caller caller, String key, boolean transitive,
                             Optional<Filter<DirectoryObject>> filter) {
        DirectoryReads reads = directory.reads(Access.GROUP_READ.tenantOf(caller));
        return reads.countMembers(group(reads, key).id(), transitive, filter);
    }

    @Override
    public Page<Group> memberOf(Caller caller, String key, boolean transitive, Query<Group> query) {
        DirectoryReads reads = directory.reads(Access.GROUP_READ.tenantOf(caller));
        return reads.memberOf(group(reads, key).id(), transitive, query);
    }

    @Override
    public long countMemberOf(Caller caller, String key, boolean transitive, Optional<Filter<Group>> filter) {
        DirectoryReads reads = directory.reads(Access.GROUP_READ.tenantOf(caller));
        return reads.countMemberOf(group(reads, key).id(), transitive, filter);
    }

    /**
     * Adds each object in turn, so that one named twice is already a member the second time, each with its entry.
     * Adding a device also takes the permission to write devices.
     */
    private void addMembers(Caller caller, DirectoryWrites writes, Group group, List<String> memberKeys) {
        if (!memberKeys.isEmpty()) {
            refuseIfDynamic(group);
        }
        for (String memberKey : memberKeys) {
            DirectoryObject member = object(writes, memberKey);
            if (member instanceof Device) {
                Access.DEVICE_WRITE.tenantOf(caller);
            }
            if (member.id().equals(group.id())) {
                throw new RequestRefusedException("A group cannot be a member of itself.");
            }
            if (!group.mayHold(member)) {
                throw new RequestRefusedException(group.isUnified()
                        ? "A Microsoft 365 (Unified) group takes only users as members."
                        : "A Microsoft 365 (Unified) group cannot be a member of a security group.");
            }
            if (writes.isMember(group.id(), member.id())) {
                throw new RequestRefusedException(ALREADY_MEMBER);
            }
            writes.addMember(group.id(), member.id());
            writes.record(DirectoryAudits.memberAdded(Stamps.of(caller, time), group, member));
        }
    }

    /** A dynamic group's members follow its rule: here they come only from the seed import. */
    private static void refuseIfDynamic(Group group) {
        if (group.isDynamic()) {
            throw new RequestRefusedException("The members of a group with dynamic membership cannot be added or "
                    + "removed: its membership rule decides them.");
        }
    }

    /** Types are Unified and DynamicMembership only; a membership rule belongs to a dynamic group and it needs one. */
    private static void checkTypes(Group group) {
        boolean known = group.groupTypes().stream().allMatch(type ->
                type.equalsIgnoreCase(Group.UNIFIED) || type.equalsIgnoreCase(Group.DYNAMIC_MEMBERSHIP));
        if (!known) {
            throw invalid("groupTypes", RESOURCE);
        }
        if (group.isDynamic()) {
            required(group.membershipRule(), "membershipRule", RESOURCE);
        } else if (group.membershipRule() != null || group.membershipRuleProcessingState() != null) {
            throw invalid(group.membershipRule() != null ? "membershipRule" : "membershipRuleProcessingState",
                    RESOURCE);
        }
    }

    private static Group withState(Group group, String processingState) {
        return new Group(group.id(), group.displayName(), group.description(), group.mailEnabled(),
                group.mailNickname(), group.securityEnabled(), group.groupTypes(), group.membershipRule(),
                processingState, group.mail(), group.createdDateTime());
    }

    /** A Unified group's nickname is its mail address's local part, so no other Unified group may have it. */
    private static void requireUniqueNickname(DirectoryReads reads, Group group) {
        if (!group.isUnified()) {
            return;
        }
        Query<Group> query = new Query<>(GroupCollection.GROUPS, Optional.of(new Filter.Comparison<>(
                GroupCollection.MAIL_NICKNAME, Filter.Operator.EQ, group.mailNickname())), List.of(), 0, 100,
                Optional.empty());
        while (true) {
            Page<Group> page = reads.groups(query);
            if (page.items().stream().anyMatch(other -> other.isUnified() && !other.id().equals(group.id()))) {
                throw alreadyExists("mailNickname");
            }
            if (page.next().isEmpty()) {
                return;
            }
            query = new Query<>(query.set(), query.filter(), query.orderBy(), 0, query.top(), page.next());
        }
    }

    private static void checkBound(List<String> references) {
        if (references.size() > MAX_BOUND_REFERENCES) {
            throw new RequestRefusedException("A request may bind at most " + MAX_BOUND_REFERENCES
                    + " references; this one binds " + references.size() + ".");
        }
    }

    private static DirectoryObject object(DirectoryReads reads, String key) {
        return reads.object(DirectoryKeys.objectId(key)).orElseThrow(() -> new DirectoryObjectNotFoundException(key));
    }
}
