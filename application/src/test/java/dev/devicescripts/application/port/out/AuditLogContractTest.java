package dev.devicescripts.application.port.out;

import static dev.devicescripts.application.collections.AuditEventCollection.AUDIT_EVENTS;
import static dev.devicescripts.application.collections.DirectoryAuditCollection.DIRECTORY_AUDITS;
import static dev.devicescripts.application.port.out.AuditFixtures.ADA;
import static dev.devicescripts.application.port.out.AuditFixtures.APP;
import static dev.devicescripts.application.port.out.AuditFixtures.AT;
import static dev.devicescripts.application.port.out.DirectoryFixtures.group;
import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.newScriptId;
import static dev.devicescripts.application.port.out.ScriptFixtures.script;
import static dev.devicescripts.application.port.out.ScriptFixtures.withDescription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devicescripts.application.collections.AuditEventCollection;
import dev.devicescripts.application.collections.DirectoryAuditCollection;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Filter.And;
import dev.devicescripts.application.query.Filter.AnyEquals;
import dev.devicescripts.application.query.Filter.Comparison;
import dev.devicescripts.application.query.Filter.Not;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Filter.Or;
import dev.devicescripts.application.query.Filter.StringFunction;
import dev.devicescripts.application.query.Filter.StringMatch;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.Actor;
import dev.devicescripts.domain.audit.AuditEvent;
import dev.devicescripts.domain.audit.AuditResource;
import dev.devicescripts.domain.audit.DirectoryAudit;
import dev.devicescripts.domain.audit.IntuneAudits;
import dev.devicescripts.domain.audit.KeyValue;
import dev.devicescripts.domain.audit.ModifiedProperty;
import dev.devicescripts.domain.audit.Stamp;
import dev.devicescripts.domain.audit.TargetResource;
import dev.devicescripts.domain.directory.Group;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link AuditLogRepository} and of the stores that write each change's entry with it
 * ({@link ScriptRepository}, {@link AssignmentSetRepository}, {@link DirectoryWrites#record}): every write keeps
 * exactly the entry it was given, in its log and under its tenant, and a write that fails keeps none. Lists are
 * compared with the same entries filtered and sorted in memory, by {@link Filter#matches} and
 * {@link Query#comparator()}, and followed page by page to their end.
 */
public abstract class AuditLogContractTest {
    /** Small, so that listings span pages and cross ties at page ends. */
    private static final int PAGE = 3;
    private static final Actor GRACE = new Actor(Actor.Kind.DELEGATED, "9ace0000-0000-4000-8000-000000000002",
            "grace@contoso.test", "Grace Hopper", null, null, "10.0.0.8");

    private AuditStorage storage;
    private ScriptRepository scripts;
    private AssignmentSetRepository assignmentSets;
    private DirectoryRepository directory;
    private AuditLogRepository auditLog;
    /** The time of the next entry a test makes, one second after the one before. */
    private Instant clock = AT;

    /** A new store that holds nothing yet. */
    protected abstract AuditStorage newAuditStorage();

    @BeforeEach
    void openStorage() {
        storage = newAuditStorage();
        scripts = storage.scripts();
        assignmentSets = storage.assignmentSets();
        directory = storage.directory();
        auditLog = storage.auditLog();
    }

    /** Also runs when opening failed or was skipped: then there is nothing to close. */
    @AfterEach
    void closeStorage() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void aScriptsCreatePatchAssignsAndDeleteEachKeepTheirOneEntryInIntunesLog() {
        DeviceManagementScript script = script("Cleanup");
        String id = script.id().toString();
        AuditEvent created = event("Create", "Cleanup", id);

        scripts.insert(TENANT, script, created);
        assertThat(events(TENANT)).containsExactly(created);

        scripts.update(TENANT, script.id(), stored -> withDescription(stored, "Patched"), describing());
        AuditEvent patched = events(TENANT).get(0);
        assertThat(patched.operationType()).isEqualTo("Patch");
        assertThat(patched.resources()).singleElement().satisfies(resource -> {
            assertThat(resource.resourceId()).isEqualTo(id);
            assertThat(resource.modifiedProperties()).as("the script before and after the change")
                    .containsExactly(new ModifiedProperty("description", "Removes stale profiles", "Patched"));
        });

        AssignmentSet first = groups("a0000000-0000-0000-0000-000000000001", "b0000000-0000-0000-0000-000000000002");
        AssignmentSet second = groups("c0000000-0000-0000-0000-000000000003");
        assignmentSets.replace(TENANT, script.id(), first, assigning(script.id(), first));
        assignmentSets.replace(TENANT, script.id(), second, assigning(script.id(), second));
        List<AuditEvent> assigns = events(TENANT).subList(0, 2);
        assertThat(assigns).extracting(event -> event.resources().get(0).displayName())
                .as("the stored displayName").containsExactly("Cleanup", "Cleanup");
        assertThat(assigns).extracting(event -> event.resources().get(0).modifiedProperties().get(0))
                .as("each assign names the set it replaced").containsExactly(
                        new ModifiedProperty("assignments", "a0000000-0000-0000-0000-000000000001,"
                                + "b0000000-0000-0000-0000-000000000002", "c0000000-0000-0000-0000-000000000003"),
                        new ModifiedProperty("assignments", "", "a0000000-0000-0000-0000-000000000001,"
                                + "b0000000-0000-0000-0000-000000000002"));

        scripts.delete(TENANT, script.id(), deleted -> event("Delete", deleted.properties().displayName(),
                deleted.id().toString()));

        assertThat(events(TENANT)).extracting(AuditEvent::operationType)
                .containsExactly("Delete", "Action", "Action", "Patch", "Create");
        assertThat(events(TENANT)).allSatisfy(event -> assertThat(event.resources()).singleElement()
                .extracting(AuditResource::resourceId).isEqualTo(id));
        assertThat(audits(TENANT)).as("script changes are Intune's, not the directory's").isEmpty();
    }

    @Test
    void writesThatChangeNothingOrFailKeepNoEntry() {
        ScriptId missing = newScriptId();
        DeviceManagementScript script = script("Cleanup");
        scripts.insert(TENANT, script, event("Create", "Cleanup", script.id().toString()));

        scripts.update(TENANT, missing, stored -> withDescription(stored, "x"), describing());
        assignmentSets.replace(TENANT, missing, AssignmentSet.EMPTY, assigning(missing, AssignmentSet.EMPTY));
        scripts.delete(TENANT, missing, deleted -> event("Delete", "x", missing.toString()));
        scripts.delete(OTHER_TENANT, script.id(), deleted -> event("Delete", "x", script.id().toString()));
        assertThatThrownBy(() -> scripts.update(TENANT, script.id(), stored -> {
            throw new IllegalStateException("refused");
        }, describing())).hasMessage("refused");
        Group group = group("Pilot");
        assertThatThrownBy(() -> directory.write(TENANT, writes -> {
            writes.put(group);
            writes.record(audit("GroupManagement", "Add group", "Add", ADA, target(group.id(), "Group")));
            writes.record(event("Create", "Filter", UUID.randomUUID().toString()));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(events(TENANT)).extracting(AuditEvent::operationType).containsExactly("Create");
        assertThat(audits(TENANT)).isEmpty();
        assertThat(directory.reads(TENANT).group(group.id())).isEmpty();
    }

    @Test
    void aDirectoryWriteKeepsItsDirectoryAuditsInEntrasLogAndItsFilterEventsInIntunes() {
        Group group = group("Pilot");
        UUID member = UUID.randomUUID();
        DirectoryAudit added = audit("GroupManagement", "Add group", "Add", ADA, target(group.id(), "Group"));
        DirectoryAudit memberAdded = audit("GroupManagement", "Add member to group", "Assign", ADA,
                target(group.id(), "Group"), target(member, "User"));
        AuditEvent filterCreated = event("Create", "Windows only", UUID.randomUUID().toString());

        directory.write(TENANT, writes -> {
            writes.put(group);
            writes.record(added);
            writes.addMember(group.id(), member);
            writes.record(memberAdded);
            return null;
        });
        directory.write(TENANT, writes -> {
            writes.record(filterCreated);
            return null;
        });

        assertThat(audits(TENANT)).containsExactly(memberAdded, added);
        assertThat(events(TENANT)).containsExactly(filterCreated);
        assertThat(auditLog.directoryAudit(TENANT, memberAdded.id())).contains(memberAdded);
        assertThat(auditLog.auditEvent(TENANT, filterCreated.id())).contains(filterCreated);
        assertThat(auditLog.auditEvent(TENANT, added.id())).as("an id of the other log").isEmpty();
        assertThat(auditLog.directoryAudit(TENANT, filterCreated.id())).isEmpty();
        assertThat(auditLog.auditEvent(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfTheEntries() {
        DeviceManagementScript script = script("Cleanup");
        AuditEvent created = event("Create", "Cleanup", script.id().toString());
        scripts.insert(TENANT, script, created);
        DirectoryAudit added = audit("GroupManagement", "Add group", "Add", ADA, target(UUID.randomUUID(), "Group"));
        directory.write(TENANT, writes -> {
            writes.record(added);
            return null;
        });

        assertThat(events(OTHER_TENANT)).isEmpty();
        assertThat(audits(OTHER_TENANT)).isEmpty();
        assertThat(auditLog.countAuditEvents(OTHER_TENANT, Optional.empty())).isZero();
        assertThat(auditLog.countDirectoryAudits(OTHER_TENANT, Optional.empty())).isZero();
        assertThat(auditLog.auditEvent(OTHER_TENANT, created.id())).isEmpty();
        assertThat(auditLog.directoryAudit(OTHER_TENANT, added.id())).isEmpty();
        assertThat(auditLog.countAuditEvents(TENANT, Optional.empty())).isEqualTo(1);
        assertThat(auditLog.countDirectoryAudits(TENANT, Optional.empty())).isEqualTo(1);
    }

    @Test
    void bothLogsListNewestFirst() {
        Instant start = clock;
        List<AuditEvent> events = List.of(event("Create", "b", "1", start.plusSeconds(20)),
                event("Create", "c", "2", start.plusSeconds(30)), event("Create", "a", "3", start.plusSeconds(10)));
        List<DirectoryAudit> audits = List.of(audit("Device", "Add device", "Add", APP, start.plusSeconds(20)),
                audit("Device", "Add device", "Add", APP, start.plusSeconds(30)),
                audit("Device", "Add device", "Add", APP, start.plusSeconds(10)));
        record(TENANT, events, audits);

        assertThat(events(TENANT)).extracting(AuditEvent::activityDateTime).containsExactly(start.plusSeconds(30),
                start.plusSeconds(20), start.plusSeconds(10));
        assertThat(audits(TENANT)).extracting(DirectoryAudit::activityDateTime).containsExactly(
                start.plusSeconds(30), start.plusSeconds(20), start.plusSeconds(10));
    }

    @Test
    void intuneFiltersListAndCountExactlyWhatMatchesSays() {
        List<AuditEvent> stored = storeVariedEvents();
        AuditEvent some = stored.get(7);
        Instant middle = stored.get(10).activityDateTime();
        List<Filter<AuditEvent>> filters = List.of(
                new Comparison<>(AuditEventCollection.CATEGORY, Operator.EQ, "DeviceConfiguration"),
                new Comparison<>(AuditEventCollection.CATEGORY, Operator.EQ, "deviceconfiguration"),
                new Comparison<>(AuditEventCollection.COMPONENT_NAME, Operator.EQ, "Other"),
                new Comparison<>(AuditEventCollection.ACTIVITY_OPERATION_TYPE, Operator.EQ, "Patch"),
                new Comparison<>(AuditEventCollection.ACTIVITY_OPERATION_TYPE, Operator.NE, "Action"),
                new Comparison<>(AuditEventCollection.ACTIVITY_DATE_TIME, Operator.GT, middle),
                new Comparison<>(AuditEventCollection.ACTIVITY_DATE_TIME, Operator.GE, middle),
                new Comparison<>(AuditEventCollection.ACTIVITY_DATE_TIME, Operator.LT, middle),
                new Comparison<>(AuditEventCollection.ACTIVITY_DATE_TIME, Operator.LE, middle),
                new And<>(new Comparison<>(AuditEventCollection.ACTIVITY_DATE_TIME, Operator.GE, middle),
                        new Comparison<>(AuditEventCollection.ACTIVITY_DATE_TIME, Operator.LT,
                                middle.plusSeconds(5))),
                new Comparison<>(AuditEventCollection.CORRELATION_ID, Operator.EQ, some.correlationId()),
                new AnyEquals<>(AuditEventCollection.RESOURCE_IDS, some.resources().get(0).resourceId()),
                new AnyEquals<>(AuditEventCollection.RESOURCE_IDS,
                        some.resources().get(0).resourceId().toUpperCase()),
                new AnyEquals<>(AuditEventCollection.RESOURCE_IDS, "nothing"),
                new And<>(new Comparison<>(AuditEventCollection.COMPONENT_NAME, Operator.EQ, "DeviceConfiguration"),
                        new AnyEquals<>(AuditEventCollection.RESOURCE_IDS, some.resources().get(0).resourceId())));
        for (Filter<AuditEvent> filter : filters) {
            assertListsAsInMemory(AUDIT_EVENTS, stored, filter, auditLog::auditEvents, auditLog::countAuditEvents);
        }
        assertListsAsInMemory(AUDIT_EVENTS, stored, null, auditLog::auditEvents, auditLog::countAuditEvents);
    }

    @Test
    void directoryFiltersListAndCountExactlyWhatMatchesSays() {
        List<DirectoryAudit> stored = storeVariedAudits();
        DirectoryAudit some = stored.get(5);
        Instant middle = stored.get(9).activityDateTime();
        List<Filter<DirectoryAudit>> filters = List.of(
                new Comparison<>(DirectoryAuditCollection.CATEGORY, Operator.EQ, "GroupManagement"),
                new Comparison<>(DirectoryAuditCollection.ACTIVITY_DISPLAY_NAME, Operator.EQ, "Add member to group"),
                new StringMatch<>(StringFunction.STARTS_WITH, DirectoryAuditCollection.ACTIVITY_DISPLAY_NAME, "Add"),
                new Comparison<>(DirectoryAuditCollection.LOGGED_BY_SERVICE, Operator.EQ, "devicescripts"),
                new Comparison<>(DirectoryAuditCollection.ACTIVITY_DATE_TIME, Operator.EQ, middle),
                new Comparison<>(DirectoryAuditCollection.ACTIVITY_DATE_TIME, Operator.GE, middle),
                new Comparison<>(DirectoryAuditCollection.ACTIVITY_DATE_TIME, Operator.LE, middle),
                new Comparison<>(DirectoryAuditCollection.CORRELATION_ID, Operator.EQ, some.correlationId()),
                new Comparison<>(DirectoryAuditCollection.INITIATED_BY_USER_ID, Operator.EQ, ADA.userId()),
                new Comparison<>(DirectoryAuditCollection.INITIATED_BY_USER_PRINCIPAL_NAME, Operator.EQ,
                        "GRACE@contoso.test"),
                new Comparison<>(DirectoryAuditCollection.INITIATED_BY_APP_ID, Operator.EQ, APP.appId()),
                new AnyEquals<>(DirectoryAuditCollection.TARGET_RESOURCE_IDS, some.targetResources().get(0).id()),
                new AnyEquals<>(DirectoryAuditCollection.TARGET_RESOURCE_IDS,
                        some.targetResources().get(some.targetResources().size() - 1).id()),
                new And<>(new Comparison<>(DirectoryAuditCollection.CATEGORY, Operator.EQ, "Device"),
                        new Comparison<>(DirectoryAuditCollection.ACTIVITY_DATE_TIME, Operator.GT, middle)));
        for (Filter<DirectoryAudit> filter : filters) {
            assertListsAsInMemory(DIRECTORY_AUDITS, stored, filter, auditLog::directoryAudits,
                    auditLog::countDirectoryAudits);
        }
        assertListsAsInMemory(DIRECTORY_AUDITS, stored, null, auditLog::directoryAudits,
                auditLog::countDirectoryAudits);
    }

    /** The history of one resource, which a store may read another way than the rest: in every order, with others. */
    @Test
    void theHistoryOfOneResourceListsAndCountsAsInMemoryInEveryOrderAndBesideOtherTests() {
        List<AuditEvent> stored = storeVariedEvents();
        String resourceId = stored.get(7).resources().get(0).resourceId();
        String otherId = stored.get(8).resources().get(0).resourceId();
        Filter<AuditEvent> history = new AnyEquals<>(AuditEventCollection.RESOURCE_IDS, resourceId);
        Instant middle = stored.get(10).activityDateTime();
        List<Filter<AuditEvent>> filters = List.of(history,
                new And<>(new Comparison<>(AuditEventCollection.ACTIVITY_DATE_TIME, Operator.LT, middle), history),
                new And<>(history, new Not<>(new Comparison<>(AuditEventCollection.ACTIVITY_OPERATION_TYPE,
                        Operator.EQ, "Patch"))),
                new And<>(history, new AnyEquals<>(AuditEventCollection.RESOURCE_IDS, otherId)),
                new Or<>(history, new AnyEquals<>(AuditEventCollection.RESOURCE_IDS, otherId)),
                new Not<>(history));
        List<List<SortKey<AuditEvent>>> orders = List.of(List.of(),
                List.of(SortKey.ascending(AuditEventCollection.ACTIVITY_DATE_TIME)),
                List.of(new SortKey<>(AuditEventCollection.ACTIVITY_OPERATION_TYPE, true),
                        SortKey.ascending(AuditEventCollection.ACTIVITY_DATE_TIME)));
        for (List<SortKey<AuditEvent>> order : orders) {
            for (Filter<AuditEvent> filter : filters) {
                assertListsAsInMemory(AUDIT_EVENTS, stored, filter, order, auditLog::auditEvents,
                        auditLog::countAuditEvents);
            }
        }
        List<DirectoryAudit> audits = storeVariedAudits();
        Filter<DirectoryAudit> targeted = new AnyEquals<>(DirectoryAuditCollection.TARGET_RESOURCE_IDS,
                audits.get(5).targetResources().get(0).id());
        assertListsAsInMemory(DIRECTORY_AUDITS, audits, new And<>(targeted, new Comparison<>(
                DirectoryAuditCollection.ACTIVITY_DATE_TIME, Operator.GE, audits.get(4).activityDateTime())),
                List.of(SortKey.ascending(DirectoryAuditCollection.ACTIVITY_DATE_TIME)), auditLog::directoryAudits,
                auditLog::countDirectoryAudits);
    }

    @Test
    void deleteExpiredDeletesAtMostLimitEntriesBeforeTheCutoffOldestFirstFromBothLogsOfEveryTenant() {
        Instant start = clock;
        record(TENANT, List.of(event("Create", "a", "1", start.plusSeconds(1)),
                event("Create", "d", "4", start.plusSeconds(4)), event("Create", "f", "6", start.plusSeconds(6))),
                List.of(audit("Device", "Add device", "Add", APP, start.plusSeconds(3))));
        record(OTHER_TENANT, List.of(event("Create", "c", "3", start.plusSeconds(2))),
                List.of(audit("Device", "Add device", "Add", APP, start.plusSeconds(5))));
        Instant cutoff = start.plusSeconds(5);

        assertThat(auditLog.deleteExpired(cutoff, 3)).isEqualTo(3);
        assertThat(times(TENANT)).containsExactly(start.plusSeconds(4), start.plusSeconds(6));
        assertThat(times(OTHER_TENANT)).as("an entry at the cutoff has not expired")
                .containsExactly(start.plusSeconds(5));

        assertThat(auditLog.deleteExpired(cutoff, 3)).isEqualTo(1);
        assertThat(auditLog.deleteExpired(cutoff, 3)).isZero();
        assertThat(times(TENANT)).containsExactly(start.plusSeconds(6));
        assertThat(times(OTHER_TENANT)).containsExactly(start.plusSeconds(5));
    }

    /** Both logs' times of the tenant's entries, oldest first. */
    private List<Instant> times(TenantId tenant) {
        return Stream.concat(events(tenant).stream().map(AuditEvent::activityDateTime),
                audits(tenant).stream().map(DirectoryAudit::activityDateTime)).sorted().toList();
    }

    /**
     * Intune events of a tenant that vary in category, operation, time (with ties), correlation, resources and
     * actor, and a few of another tenant that no listing may show.
     */
    private List<AuditEvent> storeVariedEvents() {
        List<String> operations = List.of("Create", "Patch", "Delete", "Action");
        List<String> resourceIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        UUID sharedCorrelation = UUID.randomUUID();
        List<AuditEvent> stored = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String operation = operations.get(i % operations.size());
            Stamp stamp = new Stamp(UUID.randomUUID(), AT.plusSeconds(i / 2), i % 3 == 0 ? ADA : APP,
                    i % 4 == 3 ? sharedCorrelation : UUID.randomUUID());
            stored.add(new AuditEvent(stamp.id(), operation + " " + IntuneAudits.SCRIPT_TYPE, operation,
                    i % 5 == 4 ? "Other" : IntuneAudits.CATEGORY, stamp.at(), stamp.correlationId(), stamp.actor(),
                    List.of(new AuditResource("Script " + i, IntuneAudits.SCRIPT_TYPE,
                            resourceIds.get(i % resourceIds.size()), List.of(new ModifiedProperty("displayName",
                                    i % 2 == 0 ? null : "Before", "Script " + i))))));
        }
        record(TENANT, stored, List.of());
        record(OTHER_TENANT, stored.subList(0, 3).stream().map(event -> new AuditEvent(UUID.randomUUID(),
                event.activity(), event.operationType(), event.category(), event.activityDateTime(),
                event.correlationId(), event.actor(), event.resources())).toList(), List.of());
        return stored;
    }

    /** Directory audits of a tenant that vary as {@link #storeVariedEvents} does, and a few of another tenant. */
    private List<DirectoryAudit> storeVariedAudits() {
        List<Actor> actors = List.of(ADA, APP, GRACE);
        List<UUID> objects = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<DirectoryAudit> stored = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            Stamp stamp = new Stamp(UUID.randomUUID(), AT.plusSeconds(i / 2), actors.get(i % actors.size()),
                    UUID.randomUUID());
            TargetResource first = target(objects.get(i % objects.size()), "Group");
            DirectoryAudit audit = switch (i % 4) {
                case 0 -> audit(stamp, "GroupManagement", "Add group", "Add", "Core Directory", List.of(first));
                case 1 -> audit(stamp, "GroupManagement", "Add member to group", "Assign", "Core Directory",
                        List.of(first, target(objects.get((i + 1) % objects.size()), "Device")));
                case 2 -> audit(stamp, "Device", "Update device", "Update", "Core Directory",
                        List.of(target(objects.get(i % objects.size()), "Device")));
                default -> new DirectoryAudit(stamp.id(), "GroupManagement", stamp.correlationId(),
                        "Seed directory", stamp.at(), "devicescripts", "Add", stamp.actor(), List.of(),
                        List.of(new KeyValue("groups", String.valueOf(i))));
            };
            stored.add(audit);
        }
        record(TENANT, List.of(), stored);
        record(OTHER_TENANT, List.of(), stored.subList(0, 3).stream().map(audit -> new DirectoryAudit(
                UUID.randomUUID(), audit.category(), audit.correlationId(), audit.activityDisplayName(),
                audit.activityDateTime(), audit.loggedByService(), audit.operationType(), audit.initiatedBy(),
                audit.targetResources(), audit.additionalDetails())).toList());
        return stored;
    }

    /** Keeps the entries in one directory write of the tenant. */
    private void record(TenantId tenant, List<AuditEvent> events, List<DirectoryAudit> audits) {
        directory.write(tenant, writes -> {
            events.forEach(writes::record);
            audits.forEach(writes::record);
            return null;
        });
    }

    /** Follows {@code next} from the first page and asserts every page and the count against memory. */
    private <T> void assertListsAsInMemory(EntitySet<T> set, List<T> stored, Filter<T> filter,
                                           BiFunction<TenantId, Query<T>, Page<T>> list,
                                           BiFunction<TenantId, Optional<Filter<T>>, Long> count) {
        assertListsAsInMemory(set, stored, filter, List.of(), list, count);
    }

    /** The same, in the order {@code orderBy} gives (the default when it is empty). */
    private <T> void assertListsAsInMemory(EntitySet<T> set, List<T> stored, Filter<T> filter,
                                           List<SortKey<T>> orderBy, BiFunction<TenantId, Query<T>, Page<T>> list,
                                           BiFunction<TenantId, Optional<Filter<T>>, Long> count) {
        Query<T> first = new Query<>(set, Optional.ofNullable(filter), orderBy, 0, PAGE, Optional.empty());
        List<T> expected = stored.stream().filter(item -> filter == null || filter.matches(item))
                .sorted(first.comparator()).toList();
        String what = "filter " + filter + " ordered by " + first.orderBy();

        assertThat(allPages(first, query -> list.apply(TENANT, query))).as(what).containsExactlyElementsOf(expected);
        assertThat(count.apply(TENANT, first.filter())).as(what).isEqualTo(expected.size());
    }

    /** Every item the query lists, page by page; a page that hands on a cursor must be full and not the last. */
    private static <T> List<T> allPages(Query<T> first, Function<Query<T>, Page<T>> list) {
        List<T> listed = new ArrayList<>();
        Page<T> page = list.apply(first);
        listed.addAll(page.items());
        while (page.next().isPresent()) {
            assertThat(page.items()).as("a page with a next link").hasSize(first.top());
            page = list.apply(new Query<>(first.set(), first.filter(), first.orderBy(), first.skip(), first.top(),
                    page.next()));
            assertThat(page.items()).as("the page a next link leads to").isNotEmpty();
            listed.addAll(page.items());
        }
        return listed;
    }

    private List<AuditEvent> events(TenantId tenant) {
        return allPages(Query.firstPage(AUDIT_EVENTS, PAGE), query -> auditLog.auditEvents(tenant, query));
    }

    private List<DirectoryAudit> audits(TenantId tenant) {
        return allPages(Query.firstPage(DIRECTORY_AUDITS, PAGE), query -> auditLog.directoryAudits(tenant, query));
    }

    /** A time one second after the last one a test took. */
    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    private AuditEvent event(String operation, String displayName, String resourceId,
                             ModifiedProperty... modified) {
        return event(operation, displayName, resourceId, tick(), modified);
    }

    private static AuditEvent event(String operation, String displayName, String resourceId, Instant at,
                                    ModifiedProperty... modified) {
        Stamp stamp = AuditFixtures.stamp(at, ADA);
        return new AuditEvent(stamp.id(), operation + " " + IntuneAudits.SCRIPT_TYPE,
                operation.equals("Assign") ? "Action" : operation, IntuneAudits.CATEGORY, stamp.at(),
                stamp.correlationId(), stamp.actor(), List.of(new AuditResource(displayName,
                        IntuneAudits.SCRIPT_TYPE, resourceId, List.of(modified))));
    }

    /** A patch's entry naming the description before and after, as the store hands them over. */
    private BiFunction<DeviceManagementScript, DeviceManagementScript, AuditEvent> describing() {
        return (before, after) -> event("Patch", after.properties().displayName(), after.id().toString(),
                new ModifiedProperty("description", before.properties().description(),
                        after.properties().description()));
    }

    /** An assign's entry naming the groups of the set it replaced and of {@code set}. */
    private AssignmentSetRepository.AssignAudit assigning(ScriptId scriptId, AssignmentSet set) {
        return (displayName, before) -> event("Assign", displayName, scriptId.toString(),
                new ModifiedProperty("assignments", keys(before), keys(set)));
    }

    private static String keys(AssignmentSet set) {
        return set.targets().stream().map(AssignmentTarget::key).collect(Collectors.joining(","));
    }

    private static AssignmentSet groups(String... ids) {
        return AssignmentSet.of(Stream.of(ids).<AssignmentTarget>map(id -> GroupAssignmentTarget.withoutFilter(
                new GroupId(UUID.fromString(id)))).toList(), AssignmentSet.DEFAULT_MAX_TARGETS);
    }

    private DirectoryAudit audit(String category, String activity, String operation, Actor actor,
                                 TargetResource... targets) {
        return audit(AuditFixtures.stamp(tick(), actor), category, activity, operation, "Core Directory",
                List.of(targets));
    }

    private static DirectoryAudit audit(String category, String activity, String operation, Actor actor,
                                        Instant at) {
        return audit(AuditFixtures.stamp(at, actor), category, activity, operation, "Core Directory", List.of());
    }

    private static DirectoryAudit audit(Stamp stamp, String category, String activity, String operation,
                                        String loggedBy, List<TargetResource> targets) {
        return new DirectoryAudit(stamp.id(), category, stamp.correlationId(), activity, stamp.at(), loggedBy,
                operation, stamp.actor(), targets, List.of());
    }

    private static TargetResource target(UUID id, String type) {
        return new TargetResource(id.toString(), type + " " + id.toString().substring(0, 4), type, null,
                List.of(new ModifiedProperty("displayName", null, "\"" + type + "\"")));
    }
}
