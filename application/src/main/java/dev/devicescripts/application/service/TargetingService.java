package dev.devicescripts.application.service;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.port.in.ListUseCase;
import dev.devicescripts.application.port.in.NavigationListUseCase;
import dev.devicescripts.application.port.in.TargetingUseCases;
import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.application.query.Pages;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.targeting.EffectiveTargeting;
import dev.devicescripts.domain.targeting.GroupScriptLink;
import dev.devicescripts.domain.targeting.ScriptResult;
import dev.devicescripts.domain.targeting.TargetPage;
import dev.devicescripts.domain.targeting.TargetResult;
import dev.devicescripts.domain.targeting.TargetedScript;
import dev.devicescripts.domain.targeting.TargetingWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Effective targeting (targeting.md section 4): the domain's {@link EffectiveTargeting} over one snapshot of the
 * tenant's directory per answer, computed on every request and never kept. A script's targets are paged by the
 * resolver itself, so that a script on All devices serves a page without walking the tenant; the other answers are
 * short lists (one item per script or assignment), computed whole and paged by {@link Pages}.
 */
public final class TargetingService implements TargetingUseCases {
    /** How many scripts one read of the tenant's scripts takes. */
    private static final int SCRIPTS_PAGE = 500;

    private final ScriptRepository scripts;
    private final AssignmentSetRepository assignmentSets;
    private final DirectoryRepository directory;

    public TargetingService(ScriptRepository scripts, AssignmentSetRepository assignmentSets,
                            DirectoryRepository directory) {
        this.scripts = scripts;
        this.assignmentSets = assignmentSets;
        this.directory = directory;
    }

    @Override
    public NavigationListUseCase<TargetResult> effectiveTargets(boolean applyFilters) {
        return NavigationListUseCase.of((caller, scriptKey, query) -> {
            TenantId tenant = tenantOf(caller);
            TargetedScript script = script(tenant, scriptKey);
            return directory.snapshot(tenant, reads -> targets(new EffectiveTargeting(reads, applyFilters), script,
                    query));
        }, (caller, scriptKey, filter) -> {
            TenantId tenant = tenantOf(caller);
            TargetedScript script = script(tenant, scriptKey);
            return directory.snapshot(tenant, reads -> countTargets(new EffectiveTargeting(reads, applyFilters),
                    script, filter));
        });
    }

    @Override
    public NavigationListUseCase<ScriptResult> deviceScripts(boolean applyFilters) {
        return computed((tenant, deviceKey) -> {
            UUID deviceId = UUID.fromString(deviceKey);
            List<TargetedScript> all = allScripts(tenant);
            return directory.snapshot(tenant, reads -> {
                ManagedDevice device = reads.managedDevice(deviceId)
                        .orElseThrow(() -> ManagedDeviceService.notFound(deviceId));
                return new EffectiveTargeting(reads, applyFilters).scriptsOfDevice(all, device);
            });
        });
    }

    @Override
    public NavigationListUseCase<ScriptResult> userScripts(boolean applyFilters) {
        return computed((tenant, userKey) -> {
            List<TargetedScript> all = allScripts(tenant);
            return directory.snapshot(tenant, reads -> new EffectiveTargeting(reads, applyFilters)
                    .scriptsOfUser(all, DirectoryRules.user(reads, userKey)));
        });
    }

    /** Which assignments concern a group does not depend on filters, so the answer never applies them. */
    @Override
    public NavigationListUseCase<GroupScriptLink> groupScripts() {
        return computed((tenant, groupKey) -> {
            List<TargetedScript> all = allScripts(tenant);
            return directory.snapshot(tenant, reads -> new EffectiveTargeting(reads, false)
                    .assignedScripts(all, DirectoryRules.group(reads, groupKey)));
        });
    }

    @Override
    public NavigationListUseCase<TargetingWarning> scriptWarnings() {
        return computed((tenant, scriptKey) -> {
            TargetedScript script = script(tenant, scriptKey);
            return directory.snapshot(tenant, reads -> new EffectiveTargeting(reads, false)
                    .warnings(List.of(script)));
        });
    }

    @Override
    public ListUseCase<TargetingWarning> tenantWarnings() {
        return new ListUseCase<>() {
            @Override
            public Page<TargetingWarning> list(Caller caller, Query<TargetingWarning> query) {
                return Pages.page(warnings(tenantOf(caller)).stream(), query);
            }

            @Override
            public long count(Caller caller, Optional<Filter<TargetingWarning>> filter) {
                return Pages.count(warnings(tenantOf(caller)).stream(), filter);
            }
        };
    }

    private List<TargetingWarning> warnings(TenantId tenant) {
        List<TargetedScript> all = allScripts(tenant);
        return directory.snapshot(tenant, reads -> new EffectiveTargeting(reads, false).warnings(all));
    }

    /**
     * Each answer reads scripts, their assignments, the directory and managed devices: the caller needs a
     * permission of each, checked in that order, and the refusal names the first family missing.
     */
    private static TenantId tenantOf(Caller caller) {
        Access.READ.tenantOf(caller);
        Access.GROUP_READ.tenantOf(caller);
        return Access.MANAGED_DEVICE_READ.tenantOf(caller);
    }

    /** A list computed whole for the item its key names, then paged and counted as the query says. */
    private static <T> NavigationListUseCase<T> computed(BiFunction<TenantId, String, List<T>> items) {
        return NavigationListUseCase.of(
                (caller, key, query) -> Pages.page(items.apply(tenantOf(caller), key).stream(), query),
                (caller, key, filter) -> Pages.count(items.apply(tenantOf(caller), key).stream(), filter));
    }

    /**
     * One page of the script's targets, after the cursor's subject: the resolver keeps what the filter wants and
     * walks only as far as the page needs, so {@code $skip} is taken from what it hands back.
     */
    private static Page<TargetResult> targets(EffectiveTargeting targeting, TargetedScript script,
                                              Query<TargetResult> query) {
        int limit = (int) Math.min((long) query.skip() + query.top(), Integer.MAX_VALUE);
        TargetPage page = targeting.targets(script, query.after().map(cursor -> (UUID) cursor.lastKey()), limit,
                wanted(query.filter()));
        return new Page<>(page.items().stream().skip(query.skip()).toList(),
                page.next().map(subjectId -> new PageCursor(List.of(), subjectId)));
    }

    /** {@code $count} walks every page of the targets. */
    private static long countTargets(EffectiveTargeting targeting, TargetedScript script,
                                     Optional<Filter<TargetResult>> filter) {
        long count = 0;
        Optional<UUID> after = Optional.empty();
        do {
            TargetPage page = targeting.targets(script, after, EffectiveTargeting.SCAN_BUDGET, wanted(filter));
            count += page.items().size();
            after = page.next();
        } while (after.isPresent());
        return count;
    }

    private static Predicate<TargetResult> wanted(Optional<Filter<TargetResult>> filter) {
        return filter.<Predicate<TargetResult>>map(wanted -> wanted::matches).orElse(result -> true);
    }

    private TargetedScript script(TenantId tenant, String scriptKey) {
        ScriptId id = ScriptId.of(scriptKey);
        DeviceManagementScript script = scripts.find(tenant, id).orElseThrow(() -> new ScriptNotFoundException(id));
        return TargetedScript.of(script, assignmentSets.findSet(tenant, id)
                .orElseThrow(() -> new ScriptNotFoundException(id)));
    }

    /** Every script of the tenant with its assignments, read in pages of the list, which leaves content out. */
    private List<TargetedScript> allScripts(TenantId tenant) {
        Map<ScriptId, AssignmentSet> sets = assignmentSets.findAllSets(tenant);
        List<TargetedScript> all = new ArrayList<>();
        Query<DeviceManagementScript> query = Query.firstPage(ScriptCollection.SCRIPTS, SCRIPTS_PAGE);
        while (true) {
            Page<DeviceManagementScript> page = scripts.list(tenant, query);
            page.items().forEach(script -> all.add(TargetedScript.of(script,
                    sets.getOrDefault(script.id(), AssignmentSet.EMPTY))));
            if (page.next().isEmpty()) {
                return all;
            }
            query = new Query<>(query.set(), Optional.empty(), List.of(), 0, SCRIPTS_PAGE, page.next());
        }
    }
}
