package dev.devicescripts.application.port.out;

import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.collections.FilterDeviceCollection;
import dev.devicescripts.application.collections.ManagedDeviceCollection;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.filter.FilterManagementType;
import dev.devicescripts.domain.filter.FilterOperator;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.FilterProperty;
import dev.devicescripts.domain.filter.FilterRule;
import dev.devicescripts.domain.filter.Operand;
import dev.devicescripts.domain.filter.OsVersion;
import dev.devicescripts.domain.filter.PropertyTable;
import dev.devicescripts.domain.filter.RuleParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * A store evaluates a filter rule in its query ({@link FilterDeviceCollection#matching}) exactly as the domain does
 * ({@link FilterRule#matches}): random rules over the Windows table against one seeded set of managed devices whose
 * values come from small pools, so that rules hit them, listed and counted by the store under test.
 */
public abstract class FilterAgreementContractTest {
    private static final PropertyTable WINDOWS =
            PropertyTable.of(FilterPlatform.WINDOWS_10_AND_LATER, FilterManagementType.DEVICES).orElseThrow();
    private static final int DEVICES = 60;
    /** The preview's way of reading: a platform's devices by name, a page at a time. */
    private static final int PAGE = 7;

    private static final List<String> NAMES = Arrays.asList("LAB-042", "lab-042", "LAB 042", "Ada's PC",
            "C:\\lab\\01", "Surface_Pro", "50% off", "LAB-0420", " ", "", null);
    private static final List<String> MANUFACTURERS =
            Arrays.asList("Contoso", "CONTOSO", "Microsoft Corporation", "O'Reilly", "", null);
    private static final List<String> MODELS =
            Arrays.asList("Surface Pro 9", "surface laptop", "Laptop 7", "Virtual Machine", "", null);
    private static final List<String> CATEGORIES = Arrays.asList("Lab", "lab", "Kiosk devices", "", null);
    private static final List<String> PROFILES = Arrays.asList("Autopilot profile", "AUTOPILOT", "", null);
    private static final List<String> OS_VERSIONS = Arrays.asList("10.0.22631.4460", "10.0.26100",
            "10.0.26100.0", "10.0.26100.9457", "10.0", "11.0.1", "9.1.2.3", "10.0.19045.5011", "abc", "10.0.x",
            "1.2.3.4.5", "10..1", "", null);
    private static final List<String> SYSTEMS = Arrays.asList("Windows", "windows", "macOS", "iOS", null);
    private static final List<Integer> SKUS = Arrays.asList(4, 27, 48, 101, 111, 125, 129, 0, 5, 999, null);
    private static final List<Boolean> TPM = Arrays.asList(true, false, null);

    /** What rules compare with: the devices' values and parts of them, odd characters, the tables' names. */
    private static final List<String> TEXTS = Stream.of(NAMES, MANUFACTURERS, MODELS, CATEGORIES, PROFILES,
            OS_VERSIONS, List.of("LAB", "042", "lab-04", "'", "\\", "%", "_", "Surface", "o'reilly", "10.0",
            "Enterprise", "EnterpriseS", "Core", "Professional", "x64", "Microsoft Entra joined"))
            .flatMap(List::stream)
            .filter(text -> text != null && !text.isEmpty() && (text.isBlank() || text.strip().equals(text)))
            .distinct().toList();
    /** The devices' versions, so that comparisons meet equal ones too, and one below them all. */
    private static final List<String> VERSIONS = Stream.concat(OS_VERSIONS.stream()
            .filter(text -> text != null && OsVersion.parse(text).isPresent()), Stream.of("0.0")).toList();

    private DirectoryStorage storage;
    private List<ManagedDevice> devices;

    /** A new store that holds nothing yet. */
    protected abstract DirectoryStorage newDirectoryStorage();

    @BeforeProperty
    void seed() {
        storage = newDirectoryStorage();
        Random random = new Random(15);
        devices = IntStream.range(0, DEVICES).mapToObj(i -> device(random)).toList();
        storage.directory().write(TENANT, writes -> {
            devices.forEach(writes::put);
            return null;
        });
    }

    /** Also runs when opening failed or was skipped: then there is nothing to close. */
    @AfterProperty
    void close() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }

    @Property(tries = 300)
    void theStoreListsAndCountsTheDevicesTheRuleMatches(@ForAll("rules") FilterRule rule) {
        DirectoryReads reads = storage.directory().reads(TENANT);
        Filter<ManagedDevice> matching = FilterDeviceCollection.matching(rule);
        Query<ManagedDevice> all = new Query<>(FilterDeviceCollection.FILTER_DEVICES, Optional.of(matching),
                List.of(), 0, DEVICES + 1, Optional.empty());
        List<ManagedDevice> expected = devices.stream().filter(rule::matches).sorted(all.comparator()).toList();

        assertThat(reads.managedDevices(all).items()).as(rule.print()).containsExactlyElementsOf(expected);
        assertThat(reads.countManagedDevices(Optional.of(matching))).as(rule.print()).isEqualTo(expected.size());

        Filter<ManagedDevice> previewed = new Filter.And<>(
                FilterDeviceCollection.ofPlatform(FilterPlatform.WINDOWS_10_AND_LATER), matching);
        Query<ManagedDevice> byName = new Query<>(FilterDeviceCollection.FILTER_DEVICES, Optional.of(previewed),
                List.of(SortKey.ascending(ManagedDeviceCollection.DEVICE_NAME)), 0, PAGE, Optional.empty());
        assertThat(allPages(reads, byName)).as(rule.print()).containsExactlyElementsOf(devices.stream()
                .filter(device -> "windows".equalsIgnoreCase(device.operatingSystem()) && rule.matches(device))
                .sorted(byName.comparator()).toList());
    }

    @Provide
    Arbitrary<FilterRule> rules() {
        // Printed and parsed back, so that every rule tested is one the language reads.
        return rule(3).map(rule -> RuleParser.parse(rule.print(), WINDOWS));
    }

    private static Arbitrary<FilterRule> rule(int depth) {
        if (depth == 0) {
            return comparisons();
        }
        Arbitrary<FilterRule> smaller = Arbitraries.lazy(() -> rule(depth - 1));
        return Arbitraries.frequencyOf(Tuple.of(3, comparisons()),
                Tuple.of(1, Combinators.combine(smaller, smaller).<FilterRule>as(FilterRule.And::new)),
                Tuple.of(1, Combinators.combine(smaller, smaller).<FilterRule>as(FilterRule.Or::new)));
    }

    private static Arbitrary<FilterRule> comparisons() {
        return properties().flatMap(property -> Arbitraries.of(property.operators())
                .flatMap(operator -> operand(property, operator)
                        .map(operand -> new FilterRule.Comparison(property, operator, operand))));
    }

    /** operatingSystemVersion more often than the others: it has six operators and no text to hit by chance. */
    private static Arbitrary<FilterProperty> properties() {
        FilterProperty version = WINDOWS.property("operatingSystemVersion").orElseThrow();
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(WINDOWS.properties())),
                Tuple.of(1, Arbitraries.just(version)));
    }

    private static Arbitrary<Operand> operand(FilterProperty property, FilterOperator operator) {
        if (property.kind() == FilterProperty.Kind.VERSION) {
            return Arbitraries.of(VERSIONS)
                    .<Operand>map(text -> new Operand.Version(OsVersion.parse(text).orElseThrow(), text));
        }
        Arbitrary<String> texts = Arbitraries.of(Stream.concat(TEXTS.stream(), property.values().stream()).toList())
                .flatMap(FilterAgreementContractTest::inAnyCase);
        return switch (operator) {
            case IN, NOT_IN -> Arbitraries.frequencyOf(Tuple.of(4, texts), Tuple.of(1, Arbitraries.just("")))
                    .list().ofMinSize(1).ofMaxSize(4).<Operand>map(Operand.TextList::new);
            case EQ, NE -> Arbitraries.frequencyOf(Tuple.of(5, texts.<Operand>map(Operand.Text::new)),
                    Tuple.of(1, Arbitraries.<Operand>just(new Operand.Null())));
            default -> texts.<Operand>map(Operand.Text::new);
        };
    }

    private static Arbitrary<String> inAnyCase(String text) {
        StringBuilder alternating = new StringBuilder();
        text.chars().forEach(c -> alternating.append((char) (alternating.length() % 2 == 0
                ? Character.toUpperCase(c) : Character.toLowerCase(c))));
        return Arbitraries.of(text, text.toUpperCase(Locale.ROOT), text.toLowerCase(Locale.ROOT),
                alternating.toString());
    }

    /** Enumerated sources hold their members only, as the seed checks; the rest may also be empty or null. */
    private static ManagedDevice device(Random random) {
        return new ManagedDevice(UUID.randomUUID(), any(random, NAMES), any(random, MODELS),
                any(random, MANUFACTURERS), null, any(random, SYSTEMS), any(random, OS_VERSIONS),
                any(random, ManagedDeviceCollection.OWNER_TYPES), null, "ada@contoso.test", null, null, List.of(),
                null, false, any(random, ManagedDeviceCollection.JOIN_TYPES), null, null, null, null,
                any(random, SKUS), any(random, ManagedDeviceCollection.PROCESSOR_ARCHITECTURES),
                any(random, CATEGORIES), any(random, PROFILES), null, "compliant", List.of(), any(random, TPM));
    }

    private static <T> T any(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<ManagedDevice> allPages(DirectoryReads reads, Query<ManagedDevice> first) {
        List<ManagedDevice> listed = new ArrayList<>();
        Page<ManagedDevice> page = reads.managedDevices(first);
        listed.addAll(page.items());
        while (page.next().isPresent()) {
            page = reads.managedDevices(new Query<>(first.set(), first.filter(), first.orderBy(), 0, first.top(),
                    page.next()));
            listed.addAll(page.items());
        }
        return listed;
    }
}
