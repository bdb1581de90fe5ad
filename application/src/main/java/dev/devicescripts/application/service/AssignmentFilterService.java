package dev.devicescripts.application.service;

import static dev.devicescripts.application.collections.FilterDeviceCollection.FILTER_DEVICES;

import dev.devicescripts.application.Access;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.FilterNotFoundException;
import dev.devicescripts.application.RequestRefusedException;
import dev.devicescripts.application.ScriptNotFoundException;
import dev.devicescripts.application.collections.FilterDeviceCollection;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.port.in.AssignmentFilterUseCases;
import dev.devicescripts.application.port.out.AssignmentSetRepository;
import dev.devicescripts.application.port.out.DirectoryIdGenerator;
import dev.devicescripts.application.port.out.DirectoryReads;
import dev.devicescripts.application.port.out.DirectoryRepository;
import dev.devicescripts.application.port.out.ScriptRepository;
import dev.devicescripts.application.port.out.TimeSource;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.InvalidInputException;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.IntuneAudits;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.filter.FilterDefinition;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterPayload;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.FilterProperty;
import dev.devicescripts.domain.filter.FilterRule;
import dev.devicescripts.domain.filter.PropertyTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Assignment filters (targeting.md 1.4). They live in the directory's store, so every change and its checks (the
 * tenant's limit included) run in one {@link DirectoryRepository#write}; their payloads are read from the script
 * assignment sets, all of a tenant's at once, once per request.
 */
public final class AssignmentFilterService implements AssignmentFilterUseCases {
    private static final String ROLE_SCOPE_TAGS = "roleScopeTags";
    private static final List<String> DEFAULT_ROLE_SCOPE_TAGS = List.of("0");
    /** What the preview lists when the client names no order. */
    private static final String DEFAULT_PREVIEW_ORDER = "deviceName";
    /**
     * The preview's columns that order it, each with the properties of FILTER_DEVICES it orders by: the stored text,
     * or operatingSystemVersion's numeric parts (a version that does not parse orders as null).
     */
    private static final Map<String, List<Property<ManagedDevice>>> PREVIEW_ORDERS = previewOrders();
    /** The device properties the preview's search looks in. */
    private static final List<Property<ManagedDevice>> SEARCHED = List.of(ManagedDeviceCollection.DEVICE_NAME,
            ManagedDeviceCollection.OS_VERSION, ManagedDeviceCollection.MODEL, ManagedDeviceCollection.MANUFACTURER);
    /** The preview's columns, in the order Graph writes them (targeting.md 1.4); isRooted is not Windows'. */
    private static final List<String> PREVIEW_COLUMNS = List.of("deviceCategory", "cpuArchitecture", "deviceId",
            "deviceName", "enrollmentProfileName", "isTpmAttested", "isRooted", "deviceTrustType", "manufacturer",
            "model", "operatingSystemSKU", "operatingSystemVersion", "osVersion", "deviceOwnership",
            "userPrincipalName");

    private final DirectoryRepository directory;
    private final AssignmentSetRepository assignmentSets;
    private final ScriptRepository scripts;
    private final TimeSource time;
    private final DirectoryIdGenerator ids;
    private final PreviewCounts previewCounts = new PreviewCounts();

    public AssignmentFilterService(DirectoryRepository directory, AssignmentSetRepository assignmentSets,
                                   ScriptRepository scripts, TimeSource time, DirectoryIdGenerator ids) {
        this.directory = directory;
        this.assignmentSets = assignmentSets;
        this.scripts = scripts;
        this.time = time;
        this.ids = ids;
    }

    @Override
    public FilterDefinition create(Caller caller, NewFilter request) {
        TenantId tenant = Access.FILTER_WRITE.tenantOf(caller);
        Instant now = time.now();
        FilterDefinition filter = new FilterDefinition(ids.newObjectId(),
                required(request.displayName(), FilterDefinition.DISPLAY_NAME), request.description(),
                required(request.platform(), FilterDefinition.PLATFORM),
                required(request.rule(), FilterDefinition.RULE),
                request.managementType() == null ? FilterManagementType.DEVICES : request.managementType(),
                request.roleScopeTags() == null ? DEFAULT_ROLE_SCOPE_TAGS : tags(request.roleScopeTags()), now, now,
                List.of());
        filter.check();
        return directory.write(tenant, writes -> {
            if (writes.countAssignmentFilters(Optional.empty()) >= FilterDefinition.MAX_FILTERS_PER_TENANT) {
                throw new RequestRefusedException("A tenant holds at most " + FilterDefinition.MAX_FILTERS_PER_TENANT
                        + " assignment filters; delete one before creating another.");
            }
            writes.put(filter);
            writes.record(IntuneAudits.filterCreated(Stamps.of(caller, now), filter));
            return filter;
        });
    }

    @Override
    public FilterDefinition get(Caller caller, UUID id) {
        TenantId tenant = Access.FILTER_READ.tenantOf(caller);
        FilterDefinition filter = filter(directory.reads(tenant), id);
        return filter.withPayloads(payloadsByFilter(tenant).getOrDefault(id, List.of()));
    }

    @Override
    public Page<FilterDefinition> list(Caller caller, Query<FilterDefinition> query) {
        TenantId tenant = Access.FILTER_READ.tenantOf(caller);
        Page<FilterDefinition> page = directory.reads(tenant).assignmentFilters(query);
        if (page.items().isEmpty()) {
            return page;
        }
        Map<UUID, List<FilterPayload>> payloads = payloadsByFilter(tenant);
        return new Page<>(page.items().stream()
                .map(filter -> filter.withPayloads(payloads.getOrDefault(filter.id(), List.of())))
                .toList(), page.next());
    }

    @Override
    public long count(Caller caller, Optional<Filter<FilterDefinition>> filter) {
        return directory.reads(Access.FILTER_READ.tenantOf(caller)).countAssignmentFilters(filter);
    }

    /** Platform and management type stay as created: a rule is written for one platform's properties [Decision]. */
    @Override
    public void update(Caller caller, UUID id, FilterPatch patch) {
        TenantId tenant = Access.FILTER_WRITE.tenantOf(caller);
        directory.write(tenant, writes -> {
            FilterDefinition filter = filter(writes, id);
            refuseChange(patch.platform().applyTo(filter.platform()), filter.platform(), FilterDefinition.PLATFORM);
            refuseChange(patch.managementType().applyTo(filter.managementType()), filter.managementType(),
                    "assignmentFilterManagementType");
            FilterDefinition changed = new FilterDefinition(filter.id(),
                    required(patch.displayName().applyTo(filter.displayName()), FilterDefinition.DISPLAY_NAME),
                    patch.description().applyTo(filter.description()), filter.platform(),
                    required(patch.rule().applyTo(filter.rule()), FilterDefinition.RULE), filter.managementType(),
                    tags(required(patch.roleScopeTags().applyTo(filter.roleScopeTags()), ROLE_SCOPE_TAGS)),
                    filter.createdDateTime(), time.now(), List.of());
            changed.check();
            writes.put(changed);
            writes.record(IntuneAudits.filterPatched(Stamps.of(caller, changed.lastModifiedDateTime()), filter,
                    changed));
            return changed;
        });
    }

    /**
     * A filter that script assignments name stays, so that no assignment names a filter that is gone [Decision]. The
     * assignment sets live in another store: they are read before the directory's write, never while it holds it.
     */
    @Override
    public void delete(Caller caller, UUID id) {
        TenantId tenant = Access.FILTER_WRITE.tenantOf(caller);
        List<FilterPayload> payloads = payloadsByFilter(tenant).getOrDefault(id, List.of());
        Optional<String> usedBy = payloads.isEmpty() ? Optional.empty() : Optional.of(scriptsNamed(tenant, payloads));
        directory.write(tenant, writes -> {
            FilterDefinition filter = filter(writes, id);
            usedBy.ifPresent(scripts -> {
                throw new RequestRefusedException("The assignment filter " + id + " is used by the assignments of "
                        + scripts + "; remove it from those assignments first.");
            });
            writes.deleteAssignmentFilter(id);
            writes.record(IntuneAudits.filterDeleted(Stamps.of(caller, time), filter));
            return null;
        });
    }

    @Override
    public boolean validate(Caller caller, RuleCheck check) {
        Access.FILTER_WRITE.tenantOf(caller);
        FilterPlatform platform = required(check.platform(), FilterDefinition.PLATFORM);
        return FilterDefinition.isValidRule(required(check.rule(), FilterDefinition.RULE), platform,
                check.managementType() == null ? FilterManagementType.DEVICES : check.managementType());
    }

    @Override
    public List<FilterProperty> supportedProperties(Caller caller, String platformName) {
        Access.FILTER_READ.tenantOf(caller);
        return properties(FilterPlatform.fromGraphName(platformName, FilterDefinition.PLATFORM),
                FilterManagementType.DEVICES);
    }

    @Override
    public List<FilterProperty> supportedProperties(Caller caller, UUID id) {
        FilterDefinition filter = filter(directory.reads(Access.FILTER_READ.tenantOf(caller)), id);
        return properties(filter.platform(), filter.managementType());
    }

    @Override
    public boolean enabled(Caller caller) {
        Access.FILTER_READ.tenantOf(caller);
        return true;
    }

    /** Counts and pages in the store: a rule's condition is a query over FILTER_DEVICES, as a $filter would be. */
    @Override
    public Preview evaluate(Caller caller, PreviewRequest request) {
        TenantId tenant = Access.FILTER_READ.tenantOf(caller);
        FilterPlatform platform = required(request.platform(), FilterDefinition.PLATFORM);
        String text = required(request.rule(), FilterDefinition.RULE);
        FilterRule rule = FilterDefinition.parseRule(text, platform, FilterManagementType.DEVICES);
        Filter<ManagedDevice> matching = new Filter.And<>(FilterDeviceCollection.ofPlatform(platform),
                FilterDeviceCollection.matching(rule));
        Filter<ManagedDevice> filter = request.search().filter(search -> !search.isBlank())
                .map(search -> (Filter<ManagedDevice>) new Filter.And<>(matching, searching(search)))
                .orElse(matching);
        List<SortKey<ManagedDevice>> order = previewOrder(request.orderBy());
        DirectoryReads reads = directory.reads(tenant);
        long total = previewCounts.count(tenant, reads, filter);
        List<ManagedDevice> devices = request.top() == 0 ? List.of() : reads.managedDevices(new Query<>(
                FILTER_DEVICES, Optional.of(filter), order, request.skip(), request.top(), Optional.empty())).items();
        PropertyTable table = PropertyTable.of(platform, FilterManagementType.DEVICES).orElseThrow();
        return new Preview(total, PREVIEW_COLUMNS, devices.stream()
                .map(device -> PREVIEW_COLUMNS.stream().map(column -> cell(table, column, device)).toList())
                .toList());
    }

    /**
     * Every filter is looked up before the page is cut, so an unknown one is a 404 on any page. The rules run in
     * the domain here, not in the store: one device against a page of filters.
     */
    @Override
    public StatusDetails statusDetails(Caller caller, StatusRequest request) {
        TenantId tenant = Access.FILTER_READ.tenantOf(caller);
        DirectoryReads reads = directory.reads(tenant);
        ManagedDevice device = reads.managedDevice(request.managedDeviceId())
                .orElseThrow(() -> ManagedDeviceService.notFound(request.managedDeviceId()));
        Map<UUID, List<AssignmentFilterType>> named = request.payloadId() == null
                ? Map.of() : filterTypes(tenant, new ScriptId(request.payloadId()));
        List<UUID> ids = request.assignmentFilterIds().isEmpty()
                ? List.copyOf(named.keySet()) : request.assignmentFilterIds().stream().distinct().toList();
        List<FilterDefinition> filters = ids.stream().map(id -> filter(reads, id)).toList();
        Instant now = time.now();
        // A macOS device shows the macOS table, any other the Windows one, the platform devicescripts serves.
        PropertyTable table = PropertyTable.of(isOf(FilterPlatform.MAC_OS, device)
                ? FilterPlatform.MAC_OS : FilterPlatform.WINDOWS_10_AND_LATER, FilterManagementType.DEVICES)
                .orElseThrow();
        return new StatusDetails(device.id(), request.payloadId(), request.userId(), table.properties().stream()
                .map(property -> new DeviceValue(property.name(), property.valueOf(device))).toList(),
                filters.stream().skip(request.skip()).limit(request.top())
                        .map(filter -> new FilterEvaluation(filter, evaluation(filter, device), now,
                                named.getOrDefault(filter.id(), List.of(AssignmentFilterType.NONE))))
                        .toList());
    }

    /** The distinct filter types with which the script's targets name each filter, in the targets' order. */
    private Map<UUID, List<AssignmentFilterType>> filterTypes(TenantId tenant, ScriptId scriptId) {
        AssignmentSet set = assignmentSets.findSet(tenant, scriptId)
                .orElseThrow(() -> new ScriptNotFoundException(scriptId));
        Map<UUID, List<AssignmentFilterType>> types = new LinkedHashMap<>();
        payloadsByFilter(Map.of(scriptId, set)).forEach((filter, payloads) -> types.put(filter,
                payloads.stream().map(FilterPayload::filterType).distinct().toList()));
        return types;
    }

    /** A filter's rule evaluates only on a device of its platform, as Intune's device check-in evaluates it. */
    private static EvaluationResult evaluation(FilterDefinition filter, ManagedDevice device) {
        boolean deviceFilter = PropertyTable.of(filter.platform(), filter.managementType()).isPresent();
        if (!deviceFilter || !isOf(filter.platform(), device)) {
            return EvaluationResult.NOT_EVALUATED;
        }
        try {
            return FilterDefinition.parseRule(filter.rule(), filter.platform(), filter.managementType())
                    .matches(device) ? EvaluationResult.MATCH : EvaluationResult.NOT_MATCH;
        } catch (InvalidInputException storedUnderOlderRules) {
            return EvaluationResult.FAILURE;
        }
    }

    /** Whether the device's operatingSystem is the platform's, as the preview selects devices. */
    private static boolean isOf(FilterPlatform platform, ManagedDevice device) {
        return FilterDeviceCollection.ofPlatform(platform).matches(device);
    }

    private static Filter<ManagedDevice> searching(String search) {
        return SEARCHED.stream()
                .map(property -> (Filter<ManagedDevice>) new Filter.StringMatch<>(Filter.StringFunction.CONTAINS,
                        property, search.trim()))
                .reduce(Filter.Or::new)
                .orElseThrow();
    }

    /** Entries "name" or "name desc" (or "name asc"), the names those of the preview's columns that order it. */
    private static List<SortKey<ManagedDevice>> previewOrder(List<String> orderBy) {
        List<String> entries = orderBy.isEmpty() ? List.of(DEFAULT_PREVIEW_ORDER) : orderBy;
        // Every previewed device has the platform's operatingSystem, so ordering by it first changes nothing but
        // lets a database walk its index of (platform, deviceName) instead of filtering another.
        List<SortKey<ManagedDevice>> order = new ArrayList<>(List.of(
                new SortKey<>(ManagedDeviceCollection.OPERATING_SYSTEM, false)));
        for (String entry : entries) {
            String[] words = entry.trim().split("\\s+");
            String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
            Optional<List<Property<ManagedDevice>>> properties = PREVIEW_ORDERS.entrySet().stream()
                    .filter(column -> column.getKey().equalsIgnoreCase(words[0])).map(Map.Entry::getValue).findFirst();
            if (properties.isEmpty() || words.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                throw new InvalidInputException("orderBy", "entry '" + entry + "' must be a column name, optionally "
                        + "followed by asc or desc; the preview orders by "
                        + String.join(", ", PREVIEW_ORDERS.keySet()) + ".");
            }
            properties.get().forEach(property -> order.add(new SortKey<>(property, direction.equals("desc"))));
        }
        return order;
    }

    private static List<FilterProperty> properties(FilterPlatform platform, FilterManagementType managementType) {
        return PropertyTable.of(platform, managementType).map(PropertyTable::properties).orElse(List.of());
    }

    private Map<UUID, List<FilterPayload>> payloadsByFilter(TenantId tenant) {
        return payloadsByFilter(assignmentSets.findAllSets(tenant));
    }

    /**
     * The payloads of every filter the scripts' sets name, in the order of the scripts' ids and then of their
     * targets; the filters in the order they are first named.
     */
    private static Map<UUID, List<FilterPayload>> payloadsByFilter(Map<ScriptId, AssignmentSet> sets) {
        Map<UUID, List<FilterPayload>> payloads = new LinkedHashMap<>();
        sets.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ScriptId::toString)))
                .forEach(entry -> entry.getValue().targets().stream()
                        .filter(target -> !target.filter().isNone())
                        .forEach(target -> payloads.computeIfAbsent(target.filter().filterId(), id -> new ArrayList<>())
                                .add(new FilterPayload(entry.getKey().value(), target.key(),
                                        target.filter().type()))));
        return payloads;
    }

    /** The scripts as a refusal names them: display name and id, each once. */
    private String scriptsNamed(TenantId tenant, List<FilterPayload> payloads) {
        List<String> named = payloads.stream().map(FilterPayload::scriptId).distinct()
                .map(id -> scripts.find(tenant, new ScriptId(id))
                        .map(script -> "'" + script.properties().displayName() + "' (" + id + ")")
                        .orElse("(" + id + ")"))
                .toList();
        return (named.size() == 1 ? "the script " : named.size() + " scripts: ") + String.join(", ", named);
    }

    private static FilterDefinition filter(DirectoryReads reads, UUID id) {
        return reads.assignmentFilter(id).orElseThrow(() -> new FilterNotFoundException(id));
    }

    private static <T> void refuseChange(T sent, T current, String field) {
        if (!Objects.equals(sent, current)) {
            throw new InvalidInputException(field, "cannot change once the filter exists: its rule is written for "
                    + "one platform's device properties; create another filter instead.");
        }
    }

    private static List<String> tags(List<String> roleScopeTags) {
        if (roleScopeTags.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException(ROLE_SCOPE_TAGS, "must hold tag ids, not null.");
        }
        return roleScopeTags;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required.");
        }
        return value;
    }

    private static Map<String, List<Property<ManagedDevice>>> previewOrders() {
        Map<String, List<Property<ManagedDevice>>> orders = new LinkedHashMap<>();
        orders.put("deviceName", List.of(ManagedDeviceCollection.DEVICE_NAME));
        orders.put("manufacturer", List.of(ManagedDeviceCollection.MANUFACTURER));
        orders.put("model", List.of(ManagedDeviceCollection.MODEL));
        orders.put("osVersion", List.of(ManagedDeviceCollection.OS_VERSION));
        orders.put("operatingSystemVersion", List.of(FilterDeviceCollection.OS_VERSION_PART_1,
                FilterDeviceCollection.OS_VERSION_PART_2, FilterDeviceCollection.OS_VERSION_PART_3,
                FilterDeviceCollection.OS_VERSION_PART_4));
        orders.put("deviceCategory", List.of(ManagedDeviceCollection.DEVICE_CATEGORY_DISPLAY_NAME));
        orders.put("enrollmentProfileName", List.of(ManagedDeviceCollection.ENROLLMENT_PROFILE_NAME));
        orders.put("userPrincipalName", List.of(ManagedDeviceCollection.USER_PRINCIPAL_NAME));
        return orders;
    }

    /**
     * A preview cell: the filter-side value of the previewed platform's property of the column's name; "" for none,
     * and for a column the platform's rules cannot name (isRooted on Windows, operatingSystemSKU on macOS).
     */
    private static String cell(PropertyTable table, String column, ManagedDevice device) {
        String value = switch (column) {
            case "deviceId" -> device.id().toString();
            case "userPrincipalName" -> device.userPrincipalName();
            default -> table.property(column).map(property -> property.valueOf(device)).orElse(null);
        };
        return value == null ? "" : value;
    }
}
