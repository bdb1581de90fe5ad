package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.AllDevicesAssignmentTarget;
import dev.devicescripts.domain.AllLicensedUsersAssignmentTarget;
import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentId;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.ConfigurationManagerCollectionAssignmentTarget;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.FilterProperty;
import dev.devicescripts.domain.filter.FilterRule;
import dev.devicescripts.domain.filter.PropertyTable;
import dev.devicescripts.domain.targeting.Candidates.Candidate;
import dev.devicescripts.domain.targeting.Candidates.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Intune's targeting rules for device management scripts (targeting.md section 3): who a script reaches, who it
 * excludes, who cannot run it and why, read from one {@link TargetingDirectory}. One instance answers one question
 * (it may remember what it read, so it must not outlive the directory snapshot it reads).
 *
 * <p>Every answer comes from the same per-subject evaluation, so that a script's targets and a subject's scripts
 * always agree.
 */
public final class EffectiveTargeting {
    /** How many candidate subjects one page of {@link #targets} evaluates at most before it hands back what it has. */
    public static final int SCAN_BUDGET = 10_000;

    /** The SKU name as filters read it, so that applicability and filters name editions alike. */
    private static final FilterProperty SKU = PropertyTable.of(FilterPlatform.WINDOWS_10_AND_LATER,
            FilterManagementType.DEVICES).flatMap(table -> table.property("operatingSystemSKU")).orElseThrow();

    private final TargetingDirectory directory;
    private final boolean applyFilters;
    private final int scanBudget;
    private final Memberships memberships;
    private final ReadCache<Group> groups;
    private final ReadCache<FilterDefinition> filters;
    private final ReadCache<User> users;
    /** Entra devices by their deviceId, the key a managed device names. */
    private final ReadCache<Device> entraDevices;
    private final ReadCache<List<ManagedDevice>> devicesOfUsers;
    /** Each filter's rule parsed once; empty when the stored rule no longer parses. */
    private final Map<UUID, Optional<FilterRule>> rules = new HashMap<>();

    /**
     * @param applyFilters whether assignment filters decide as they would for workloads that support them; Intune
     *                     ignores them for scripts, so by default they are evaluated and reported, never applied
     */
    public EffectiveTargeting(TargetingDirectory directory, boolean applyFilters) {
        this(directory, applyFilters, SCAN_BUDGET);
    }

    /** @param scanBudget how many candidates one page of {@link #targets} evaluates at most */
    EffectiveTargeting(TargetingDirectory directory, boolean applyFilters, int scanBudget) {
        this.directory = directory;
        this.applyFilters = applyFilters;
        this.scanBudget = scanBudget;
        memberships = new Memberships(directory);
        groups = new ReadCache<>(directory::groupsById);
        filters = new ReadCache<>(directory::assignmentFiltersById);
        users = new ReadCache<>(directory::usersById);
        entraDevices = new ReadCache<>(directory::devicesByDeviceId);
        devicesOfUsers = new ReadCache<>(directory::managedDevicesOfUsers);
    }

    /** The script's result on each device, in the order given. */
    public List<TargetResult> ofDevices(TargetedScript script, List<ManagedDevice> devices) {
        readScripts(List.of(script));
        readDevices(devices);
        return devices.stream().map(device -> evaluate(script, device)).toList();
    }

    /** The script's result on each user, in the order given. */
    public List<TargetResult> ofUsers(TargetedScript script, List<User> users) {
        readScripts(List.of(script));
        readUsers(users);
        return users.stream().map(user -> evaluate(script, user)).toList();
    }

    /** Each script's result on the device, in the order of the scripts given (including notTargeted ones). */
    public List<ScriptResult> scriptsOfDevice(List<TargetedScript> scripts, ManagedDevice device) {
        readScripts(scripts);
        readDevices(List.of(device));
        return scripts.stream().map(script -> new ScriptResult(script, evaluate(script, device))).toList();
    }

    /** Each script's result on the user, in the order of the scripts given (including notTargeted ones). */
    public List<ScriptResult> scriptsOfUser(List<TargetedScript> scripts, User user) {
        readScripts(scripts);
        readUsers(List.of(user));
        return scripts.stream().map(script -> new ScriptResult(script, evaluate(script, user))).toList();
    }

    /**
     * A page of the script's effective targets (4.2): every device and user it includes or excludes (or leaves
     * indeterminate), never the notTargeted ones, in {@link SubjectOrder} of their ids (devices and users merged),
     * starting after {@code after}. Walks only as far as the page needs: a script assigned to All devices reads the
     * tenant's devices a page at a time.
     *
     * @param wanted which results the page keeps (a client's $filter); the others are walked past
     * @param limit  at most this many results
     */
    public TargetPage targets(TargetedScript script, Optional<UUID> after, int limit, Predicate<TargetResult> wanted) {
        return walk(script, after, limit, (candidate, result) -> wanted.test(result));
    }

    /** Every assignment of the scripts that names the group or a group holding it (4.3), in script and target order. */
    public List<GroupScriptLink> assignedScripts(List<TargetedScript> scripts, Group group) {
        List<GroupScriptLink> links = new ArrayList<>();
        for (TargetedScript script : scripts) {
            for (ScriptAssignment assignment : script.assignments().assignmentsOf(script.id())) {
                UUID assigned = groupOf(assignment.target());
                if (group.id().equals(assigned)) {
                    links.add(new GroupScriptLink(script, assignment, GroupScriptLink.Via.DIRECT, List.of(assigned)));
                } else if (assigned != null && !memberships.path(assigned, group.id()).isEmpty()) {
                    links.add(new GroupScriptLink(script, assignment, GroupScriptLink.Via.PARENT_GROUP,
                            memberships.path(assigned, group.id())));
                }
            }
        }
        return links;
    }

    /** The warnings of 4.5 for each script, in the order of the scripts and their targets. */
    public List<TargetingWarning> warnings(List<TargetedScript> scripts) {
        readScripts(scripts);
        groups.load(scripts.stream().flatMap(script -> script.assignments().targets().stream())
                .map(EffectiveTargeting::groupOf).filter(Objects::nonNull).toList());
        return new Warnings(groups, filters, memberships, this::reachesRegisteredDevice).of(scripts);
    }

    /**
     * Whether the script includes a device that is Entra registered, found with the walk of {@link #targets}: it
     * stops at the first such device, or when the scan budget runs out.
     */
    private boolean reachesRegisteredDevice(TargetedScript script) {
        return !walk(script, Optional.empty(), 1, (candidate, result) -> candidate.device() != null
                && result.state() == TargetState.INCLUDED
                && isRegistered(candidate.device(), entraDevices.get(candidate.device().azureADDeviceId())))
                .items().isEmpty();
    }

    private TargetPage walk(TargetedScript script, Optional<UUID> after, int limit,
                            BiPredicate<Candidate, TargetResult> wanted) {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one result");
        }
        readScripts(List.of(script));
        Candidates candidates = candidatesOf(script, after);
        List<TargetResult> found = new ArrayList<>();
        int scanned = 0;
        UUID last = null;
        while (candidates.hasNext()) {
            List<Candidate> batch = new ArrayList<>();
            while (batch.size() < Math.min(Candidates.PAGE, scanBudget - scanned) && candidates.hasNext()) {
                batch.add(candidates.next());
            }
            if (batch.isEmpty()) {
                // The budget is spent and subjects remain: a short page, continued after the last one evaluated.
                return new TargetPage(found, Optional.of(last));
            }
            readDevices(batch.stream().map(Candidate::device).filter(Objects::nonNull).toList());
            readUsers(batch.stream().map(Candidate::user).filter(Objects::nonNull).toList());
            for (int i = 0; i < batch.size(); i++) {
                Candidate candidate = batch.get(i);
                last = candidate.id();
                TargetResult result = candidate.device() != null ? evaluate(script, candidate.device())
                        : evaluate(script, candidate.user());
                if (result.state() != TargetState.NOT_TARGETED && wanted.test(candidate, result)) {
                    found.add(result);
                    if (found.size() == limit) {
                        boolean more = i < batch.size() - 1 || candidates.hasNext();
                        return new TargetPage(found, more ? Optional.of(candidate.id()) : Optional.empty());
                    }
                }
            }
            scanned += batch.size();
            forget(batch);
        }
        return new TargetPage(found, Optional.empty());
    }

    /**
     * The subjects the script may concern: every device (and user) of the tenant, a page at a time, when a virtual
     * group or a collection is assigned; otherwise the members of its include groups, and the devices their users
     * sign in on. Exclusions alone reach nobody (R3), so they add no candidate.
     */
    private Candidates candidatesOf(TargetedScript script, Optional<UUID> after) {
        List<AssignmentTarget> targets = script.assignments().targets();
        boolean everyUser = targets.stream().anyMatch(AllLicensedUsersAssignmentTarget.class::isInstance);
        boolean everyDevice = everyUser || targets.stream().anyMatch(target ->
                target instanceof AllDevicesAssignmentTarget
                        || target instanceof ConfigurationManagerCollectionAssignmentTarget);
        Memberships.Below below = memberships.below(targets.stream().filter(GroupAssignmentTarget.class::isInstance)
                .map(EffectiveTargeting::groupOf).toList());
        Cursor<ManagedDevice> devices;
        if (everyDevice) {
            devices = new Cursor<>(directory::managedDevicesAfter, ManagedDevice::id, after);
        } else {
            List<ManagedDevice> reached = new ArrayList<>();
            List<UUID> deviceIds = directory.devicesById(below.devices()).values().stream().map(Device::deviceId)
                    .toList();
            directory.managedDevicesByDeviceId(deviceIds).values().forEach(reached::addAll);
            directory.managedDevicesOfUsers(below.users()).values().forEach(reached::addAll);
            devices = Cursor.of(reached, ManagedDevice::id, after);
        }
        Cursor<User> users = everyUser ? new Cursor<>(directory::usersAfter, User::id, after)
                : Cursor.of(directory.usersById(below.users()).values(), User::id, after);
        return new Candidates(devices, users);
    }

    /**
     * Reads the filters the scripts' targets name, in one call. Their groups are read only where a subject's
     * memberships meet them: a tenant's scripts may name every group, a subject is in a few.
     */
    private void readScripts(List<TargetedScript> scripts) {
        Set<UUID> named = new HashSet<>();
        for (TargetedScript script : scripts) {
            for (AssignmentTarget target : script.assignments().targets()) {
                if (target.filter().filterId() != null) {
                    named.add(target.filter().filterId());
                }
            }
        }
        filters.load(named);
    }

    /** Reads what the devices' evaluation needs: Entra devices, users, their groups; a few calls for them all. */
    private void readDevices(List<ManagedDevice> devices) {
        entraDevices.load(devices.stream().map(ManagedDevice::azureADDeviceId).filter(Objects::nonNull).toList());
        users.load(devices.stream().flatMap(device -> device.signedInUserIds().stream()).toList());
        List<UUID> objects = new ArrayList<>();
        for (ManagedDevice device : devices) {
            Device entra = entraDevices.get(device.azureADDeviceId());
            if (entra != null) {
                objects.add(entra.id());
            }
            device.signedInUserIds().stream().filter(id -> users.get(id) != null).forEach(objects::add);
        }
        readGroupsOf(objects);
    }

    /** Reads what the users' evaluation needs: their groups, and the devices they sign in on. */
    private void readUsers(List<User> subjects) {
        List<UUID> ids = subjects.stream().map(User::id).toList();
        readGroupsOf(ids);
        devicesOfUsers.load(ids);
        entraDevices.load(ids.stream().flatMap(id -> devicesOfUsers.getOrDefault(id, List.of()).stream())
                .map(ManagedDevice::azureADDeviceId).filter(Objects::nonNull).toList());
    }

    private void readGroupsOf(List<UUID> objects) {
        memberships.readAncestors(objects);
        groups.load(objects.stream().flatMap(id -> memberships.groupsOf(id).stream()).collect(Collectors.toSet()));
    }

    /** Forgets a walked page's subjects, so that a long walk holds one page of them at a time. */
    private void forget(List<Candidate> batch) {
        memberships.forget(batch.stream().map(Candidate::id).toList());
        memberships.forget(entraDevices.getAll(batch.stream().map(Candidate::device).filter(Objects::nonNull)
                .map(ManagedDevice::azureADDeviceId).filter(Objects::nonNull).toList()).values().stream()
                .map(Device::id).toList());
        users.clear();
        entraDevices.clear();
        devicesOfUsers.clear();
    }

    /** How an assignment concerns a subject, before the decision gives it an outcome. */
    private enum Kind { INCLUDE, EXCLUDE, UNRESOLVED }

    private record Step(AssignmentTarget target, Kind kind, ReasonCode code, SubjectType dimension,
                        List<UUID> path, UUID viaUserId, String message) {
        boolean is(Kind other, SubjectType inDimension) {
            return kind == other && dimension == inDimension;
        }
    }

    /** A user of a managed device: its primary user, or one who signed in on it. */
    private record DeviceUser(User user, boolean primary) {
        ReasonCode code() {
            return primary ? ReasonCode.VIA_PRIMARY_USER : ReasonCode.VIA_SIGNED_IN_USER;
        }

        String of(String device) {
            return device + (primary ? "'s primary user " : "'s signed-in user ") + nameOf(user);
        }
    }

    /** Targeting.md 3.2 to 3.5 on one device. */
    private TargetResult evaluate(TargetedScript script, ManagedDevice device) {
        Device entra = entraDevices.get(device.azureADDeviceId());
        List<DeviceUser> deviceUsers = new ArrayList<>();
        for (UUID id : device.signedInUserIds()) {
            User user = users.get(id);
            if (user != null) {
                deviceUsers.add(new DeviceUser(user, id.equals(device.userId())));
            }
        }
        String name = nameOf(device);
        List<Step> steps = new ArrayList<>();
        for (AssignmentTarget target : script.assignments().targets()) {
            UUID groupId = groupOf(target);
            if (groupId != null) {
                Kind kind = target instanceof ExclusionGroupAssignmentTarget ? Kind.EXCLUDE : Kind.INCLUDE;
                if (entra != null) {
                    groupStep(target, kind, groupId, entra.id(), SubjectType.DEVICE, name + "'s Entra device")
                            .ifPresent(steps::add);
                }
                for (DeviceUser user : deviceUsers) {
                    List<UUID> path = memberships.path(groupId, user.user().id());
                    if (!path.isEmpty()) {
                        steps.add(new Step(target, kind, user.code(), SubjectType.USER, path, user.user().id(),
                                inGroup(user.of(name), path, kind)));
                    }
                }
            } else if (target instanceof AllDevicesAssignmentTarget) {
                if (isWindows(device)) {
                    steps.add(new Step(target, Kind.INCLUDE, ReasonCode.ALL_DEVICES, SubjectType.DEVICE,
                            List.of(), null, name + " is a Windows device, which All devices reaches."));
                }
            } else if (target instanceof AllLicensedUsersAssignmentTarget) {
                deviceUsers.stream().filter(user -> user.user().isLicensed()).forEach(user -> steps.add(new Step(
                        target, Kind.INCLUDE, user.code(), SubjectType.USER, List.of(), user.user().id(),
                        user.of(name) + " is a licensed user, which All licensed users reaches.")));
            } else if (target instanceof ConfigurationManagerCollectionAssignmentTarget && isCoManaged(device)) {
                steps.add(new Step(target, Kind.UNRESOLVED, ReasonCode.UNRESOLVABLE, null, List.of(), null,
                        name + " is co-managed; devicescripts cannot tell whether the Configuration Manager "
                                + "collection " + target.key() + " holds it."));
            }
        }
        return decideDevice(script, device, entra, steps);
    }

    /**
     * Rules R1 to R4 (the matrix of 3.3) and the filters of 3.4: device and user paths are weighed per dimension,
     * and an exclusion of one dimension never removes a path of the other.
     */
    private TargetResult decideDevice(TargetedScript script, ManagedDevice device, Device entra, List<Step> steps) {
        Set<UUID> excludedUsers = steps.stream().filter(step -> step.is(Kind.EXCLUDE, SubjectType.USER))
                .map(Step::viaUserId).collect(Collectors.toSet());
        Set<UUID> includedUsers = steps.stream().filter(step -> step.is(Kind.INCLUDE, SubjectType.USER))
                .map(Step::viaUserId).collect(Collectors.toSet());
        boolean deviceExcluded = steps.stream().anyMatch(step -> step.is(Kind.EXCLUDE, SubjectType.DEVICE));
        List<Step> devicePaths = steps.stream().filter(step -> step.is(Kind.INCLUDE, SubjectType.DEVICE)).toList();
        List<Step> userPaths = steps.stream().filter(step -> step.is(Kind.INCLUDE, SubjectType.USER))
                .filter(step -> !excludedUsers.contains(step.viaUserId())).toList();
        TargetState state;
        ReasonCode decision;
        if (steps.stream().noneMatch(step -> step.kind() == Kind.INCLUDE)) {
            boolean unresolved = steps.stream().anyMatch(step -> step.kind() == Kind.UNRESOLVED);
            state = unresolved ? TargetState.INDETERMINATE : TargetState.NOT_TARGETED;
            decision = unresolved ? ReasonCode.UNRESOLVABLE_DECISION : ReasonCode.NOT_TARGETED;
        } else if (!deviceExcluded) {
            boolean reached = !devicePaths.isEmpty() || !userPaths.isEmpty();
            state = reached ? TargetState.INCLUDED : TargetState.EXCLUDED;
            decision = !reached ? ReasonCode.EXCLUDED : !devicePaths.isEmpty() && !excludedUsers.isEmpty()
                    ? ReasonCode.CROSS_DIMENSION_NOT_EVALUATED : ReasonCode.INCLUDED;
        } else {
            state = userPaths.isEmpty() ? TargetState.EXCLUDED : TargetState.INDETERMINATE;
            decision = userPaths.isEmpty() ? ReasonCode.EXCLUDED : ReasonCode.CROSS_DIMENSION_INDETERMINATE;
        }
        if (applyFilters && state == TargetState.INCLUDED && !filtersLetThrough(Stream.concat(devicePaths.stream(),
                userPaths.stream()).map(step -> filterCheck(step.target(), device)).toList())) {
            state = TargetState.EXCLUDED;
            decision = ReasonCode.FILTER_EXCLUDED;
        }
        List<Reason> reasons = new ArrayList<>();
        for (Step step : steps) {
            Outcome outcome = switch (step.kind()) {
                case INCLUDE -> step.dimension() == SubjectType.DEVICE
                        ? deviceExcluded ? Outcome.EXCLUDED : Outcome.INCLUDED
                        : excludedUsers.contains(step.viaUserId()) ? Outcome.EXCLUDED
                        : deviceExcluded ? Outcome.INDETERMINATE : Outcome.INCLUDED;
                case EXCLUDE -> step.dimension() == SubjectType.DEVICE || includedUsers.contains(step.viaUserId())
                        ? Outcome.EXCLUDED : Outcome.NOT_EVALUATED;
                case UNRESOLVED -> Outcome.INDETERMINATE;
            };
            reasons.add(reason(script, step, outcome, filterCheck(step.target(), device)));
        }
        reasons.add(Reason.decision(decision, outcomeOf(state), decisionMessage(decision, nameOf(device))));
        boolean userPathsOnly = devicePaths.isEmpty() && steps.stream()
                .anyMatch(step -> step.is(Kind.INCLUDE, SubjectType.USER));
        return new TargetResult(SubjectType.DEVICE, device.id(), device.deviceName(), state,
                applicability(script, device, entra, userPathsOnly), script.runAsAccount(), reasons);
    }

    /** Targeting.md 3.5, the first reason that holds. */
    private static NotApplicableReason applicability(TargetedScript script, ManagedDevice device, Device entra,
                                                     boolean userPathsOnly) {
        if (!isWindows(device)) {
            return NotApplicableReason.NOT_WINDOWS;
        }
        if (entra == null) {
            return NotApplicableReason.NO_DIRECTORY_DEVICE;
        }
        String sku = SKU.valueOf(device);
        if ("PPIPro".equals(sku)) {
            return NotApplicableReason.SURFACE_HUB;
        }
        if (sku != null && sku.startsWith("Core")) {
            return NotApplicableReason.WINDOWS_HOME;
        }
        if (isRegistered(device, entra) && script.runAsAccount() == RunAsAccount.USER) {
            return NotApplicableReason.USER_CONTEXT_ON_REGISTERED_DEVICE;
        }
        if (isRegistered(device, entra) && userPathsOnly) {
            return NotApplicableReason.USER_TARGETING_ON_REGISTERED_DEVICE;
        }
        return null;
    }

    /**
     * Whether the filters of the paths that reach a device let the script through, in the order of 3.4: an
     * exclude-mode filter decides; else a path without a filter lets it through; else any include filter that
     * matches. A filter that could not be evaluated counts as none [Decision].
     */
    private static boolean filtersLetThrough(List<FilterCheck> checks) {
        List<FilterCheck> evaluated = checks.stream().filter(Objects::nonNull)
                .filter(check -> check.result() == FilterResult.MATCH || check.result() == FilterResult.NOT_MATCH)
                .toList();
        List<FilterCheck> excluding = evaluated.stream()
                .filter(check -> check.type() == AssignmentFilterType.EXCLUDE).toList();
        if (!excluding.isEmpty()) {
            return excluding.stream().noneMatch(check -> check.result() == FilterResult.MATCH);
        }
        return evaluated.size() < checks.size()
                || evaluated.stream().anyMatch(check -> check.result() == FilterResult.MATCH);
    }

    /** Targeting.md 3.2 to 3.5 on one user: only the user dimension concerns a user (R4). */
    private TargetResult evaluate(TargetedScript script, User user) {
        List<Step> steps = new ArrayList<>();
        for (AssignmentTarget target : script.assignments().targets()) {
            UUID groupId = groupOf(target);
            if (groupId != null) {
                Kind kind = target instanceof ExclusionGroupAssignmentTarget ? Kind.EXCLUDE : Kind.INCLUDE;
                groupStep(target, kind, groupId, user.id(), SubjectType.USER, nameOf(user)).ifPresent(steps::add);
            } else if (target instanceof AllLicensedUsersAssignmentTarget && user.isLicensed()) {
                steps.add(new Step(target, Kind.INCLUDE, ReasonCode.ALL_LICENSED_USERS, SubjectType.USER,
                        List.of(), null, nameOf(user) + " is a licensed user, which All licensed users reaches."));
            }
        }
        boolean included = steps.stream().anyMatch(step -> step.kind() == Kind.INCLUDE);
        boolean excluded = steps.stream().anyMatch(step -> step.kind() == Kind.EXCLUDE);
        TargetState state = !included ? TargetState.NOT_TARGETED
                : excluded ? TargetState.EXCLUDED : TargetState.INCLUDED;
        ReasonCode decision = !included ? ReasonCode.NOT_TARGETED
                : excluded ? ReasonCode.EXCLUDED : ReasonCode.INCLUDED;
        List<Reason> reasons = new ArrayList<>();
        for (Step step : steps) {
            Outcome outcome = step.kind() == Kind.INCLUDE && !excluded ? Outcome.INCLUDED : Outcome.EXCLUDED;
            reasons.add(reason(script, step, outcome, filterCheck(step.target(), null)));
        }
        reasons.add(Reason.decision(decision, outcomeOf(state), decisionMessage(decision, nameOf(user))));
        NotApplicableReason notApplicable = !user.isLicensed() ? NotApplicableReason.USER_NOT_LICENSED
                : hasJoinedDevice(user) ? null : NotApplicableReason.NO_SIGNED_IN_DEVICE;
        return new TargetResult(SubjectType.USER, user.id(), user.displayName(), state, notApplicable,
                script.runAsAccount(), reasons);
    }

    /** Whether the user signs in on a device that can run scripts in the user's name: Windows, joined. */
    private boolean hasJoinedDevice(User user) {
        return devicesOfUsers.getOrDefault(user.id(), List.of()).stream().anyMatch(device -> {
            Device entra = entraDevices.get(device.azureADDeviceId());
            return isWindows(device) && entra != null && !isRegistered(device, entra);
        });
    }

    /** The step of a group that holds the object, directly or through nested groups. */
    private Optional<Step> groupStep(AssignmentTarget target, Kind kind, UUID groupId, UUID objectId,
                                     SubjectType dimension, String subject) {
        List<UUID> path = memberships.path(groupId, objectId);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        ReasonCode code = path.size() == 2 ? ReasonCode.GROUP_DIRECT : ReasonCode.GROUP_NESTED;
        return Optional.of(new Step(target, kind, code, dimension, path, null,
                inGroup(subject, path, kind)));
    }

    /** "LAB-042's Entra device is in WIN-Pilot through WIN-Pilot-Laptops." */
    private String inGroup(String subject, List<UUID> path, Kind kind) {
        String through = path.size() > 2 ? " through " + path.subList(1, path.size() - 1).stream()
                .map(this::groupName).collect(Collectors.joining(", ")) : "";
        return subject + " is in " + groupName(path.get(0)) + through
                + (kind == Kind.EXCLUDE ? ", which the script excludes." : ".");
    }

    /** The step as a reason; its assignment is made only here, as most targets concern no subject. */
    private Reason reason(TargetedScript script, Step step, Outcome outcome, FilterCheck filter) {
        UUID groupId = step.path().isEmpty() ? null : step.path().get(0);
        ScriptAssignment assignment = new ScriptAssignment(AssignmentId.of(script.id(), step.target()), step.target());
        return new Reason(step.code(), outcome, assignment, groupId,
                groupId == null ? null : groupName(groupId), step.dimension(), step.path(),
                step.viaUserId(), filter, step.message());
    }

    /**
     * The target's filter on the device (on a user, with no device: notEvaluated, never applied); null without one.
     * An apps filter cannot act on devices, and a filter of another platform never matches a Windows workload.
     */
    private FilterCheck filterCheck(AssignmentTarget target, ManagedDevice device) {
        AssignmentFilter filter = target.filter();
        if (filter.isNone() || target instanceof ExclusionGroupAssignmentTarget) {
            return null;
        }
        if (device == null) {
            return new FilterCheck(filter.filterId(), filter.type(), FilterResult.NOT_EVALUATED, false);
        }
        FilterDefinition definition = filters.get(filter.filterId());
        FilterResult result;
        if (definition == null) {
            result = FilterResult.NOT_EVALUATED;
        } else if (definition.managementType() == FilterManagementType.APPS) {
            result = FilterResult.INVALID;
        } else if (definition.platform() != FilterPlatform.WINDOWS_10_AND_LATER) {
            result = FilterResult.NOT_MATCH;
        } else {
            result = rules.computeIfAbsent(definition.id(), id -> parse(definition))
                    .map(rule -> rule.matches(device) ? FilterResult.MATCH : FilterResult.NOT_MATCH)
                    .orElse(FilterResult.INVALID);
        }
        return new FilterCheck(filter.filterId(), filter.type(), result, applyFilters);
    }

    /** The filter's rule; empty when it was stored under rules that no longer take it. */
    static Optional<FilterRule> parse(FilterDefinition filter) {
        try {
            return Optional.of(FilterDefinition.parseRule(filter.rule(), filter.platform(), filter.managementType()));
        } catch (InvalidInputException invalid) {
            return Optional.empty();
        }
    }

    private static Outcome outcomeOf(TargetState state) {
        return switch (state) {
            case INCLUDED -> Outcome.INCLUDED;
            case EXCLUDED -> Outcome.EXCLUDED;
            case NOT_TARGETED -> Outcome.NOT_TARGETED;
            case INDETERMINATE -> Outcome.INDETERMINATE;
        };
    }

    private static String decisionMessage(ReasonCode decision, String subject) {
        return switch (decision) {
            case INCLUDED -> "One inclusion matches and no exclusion of the same dimension matches.";
            case EXCLUDED -> "An exclusion of the same dimension removes every inclusion that matches " + subject + ".";
            case NOT_TARGETED -> "No inclusion of the script reaches " + subject
                    + "; an exclusion alone reaches nobody.";
            case CROSS_DIMENSION_NOT_EVALUATED -> "A device inclusion matches " + subject + "; Intune does not apply "
                    + "exclusions of users to devices, so it stays included.";
            case CROSS_DIMENSION_INDETERMINATE -> "A user inclusion reaches " + subject + " while an exclusion of "
                    + "devices holds it; Microsoft gives no outcome for including users and excluding devices.";
            case UNRESOLVABLE_DECISION -> "Only a Configuration Manager collection could reach " + subject
                    + "; devicescripts does not know its members.";
            case FILTER_EXCLUDED -> "The assignment filters, applied as for workloads that support them, leave "
                    + subject + " out.";
            default -> throw new IllegalArgumentException(decision + " is no decision");
        };
    }

    /** The group a group or exclusion target names; null for other targets. */
    static UUID groupOf(AssignmentTarget target) {
        if (target instanceof GroupAssignmentTarget group) {
            return group.groupId().value();
        }
        return target instanceof ExclusionGroupAssignmentTarget group ? group.groupId().value() : null;
    }

    private static boolean isWindows(ManagedDevice device) {
        return "Windows".equalsIgnoreCase(device.operatingSystem());
    }

    /** Entra registered (workplace joined): scripts in the user's context and user targeting skip it (3.5). */
    static boolean isRegistered(ManagedDevice device, Device entra) {
        return "azureADRegistered".equalsIgnoreCase(device.joinType())
                || entra != null && "Workplace".equalsIgnoreCase(entra.trustType());
    }

    private static boolean isCoManaged(ManagedDevice device) {
        return device.managementAgent() != null
                && device.managementAgent().toLowerCase(Locale.ROOT).contains("configurationmanager");
    }

    private String groupName(UUID id) {
        Group group = groups.get(id);
        return group == null || group.displayName() == null ? id.toString() : group.displayName();
    }

    private static String nameOf(ManagedDevice device) {
        return device.deviceName() == null ? device.id().toString() : device.deviceName();
    }

    private static String nameOf(User user) {
        return user.displayName() == null ? user.userPrincipalName() : user.displayName();
    }
}
