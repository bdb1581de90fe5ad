package dev.devicescripts.application.port.out;

import static dev.devicescripts.application.collections.ScriptCollection.SCRIPTS;
import static dev.devicescripts.application.port.out.ScriptFixtures.CREATED;
import static dev.devicescripts.application.port.out.ScriptFixtures.OTHER_TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.TENANT;
import static dev.devicescripts.application.port.out.ScriptFixtures.newScriptId;
import static dev.devicescripts.application.collections.ScriptCollection.CREATED_DATE_TIME;
import static dev.devicescripts.application.collections.ScriptCollection.DESCRIPTION;
import static dev.devicescripts.application.collections.ScriptCollection.DISPLAY_NAME;
import static dev.devicescripts.application.collections.ScriptCollection.ENFORCE_SIGNATURE_CHECK;
import static dev.devicescripts.application.collections.ScriptCollection.FILE_NAME;
import static dev.devicescripts.application.collections.ScriptCollection.LAST_MODIFIED_DATE_TIME;
import static dev.devicescripts.application.collections.ScriptCollection.RUN_AS_32_BIT;
import static dev.devicescripts.application.collections.ScriptCollection.RUN_AS_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.PageCursor;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Filter.And;
import dev.devicescripts.application.query.Filter.Comparison;
import dev.devicescripts.application.query.Filter.Not;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Filter.Or;
import dev.devicescripts.application.query.Filter.StringFunction;
import dev.devicescripts.application.query.Filter.StringMatch;
import dev.devicescripts.application.collections.ScriptCollection;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.ValueType;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.domain.DeviceManagementScript;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.ScriptProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link ScriptRepository#list} and {@link ScriptRepository#count}: a store filters as
 * {@link Filter#matches} says, orders as {@link Query#comparator()} says, and pages by cursor so that
 * following {@code next} lists every match once. Most tests compare the store with the same scripts filtered and
 * sorted in memory; the others show single cases as a client sees them.
 */
public abstract class ScriptListContractTest extends StorageContractTest {
    /** Small, so that nearly every listing spans pages and crosses ties and nulls at page ends. */
    private static final int PAGE = 4;

    // Pools the varied scripts draw from: case variants, letters beyond ASCII, LIKE's metacharacters, empty strings
    // and nulls.
    private static final String[] NAMES = {"Alpha", "alpha", "ALPHA beta", "a%b", "a_b", "axb", "aXb", "100%",
        "back\\slash", "Zulu", "zeta_", "Ärger", "ärger", "Éclair"};
    private static final String[] DESCRIPTIONS = {null, null, "", "x", "X", "Removes stale profiles", "50% off",
        "under_score", "path\\to", "Über alles", "ÜBER"};
    private static final String[] FILE_NAMES = {null, "cleanup.ps1", "CLEANUP.PS1", "a_b.ps1", "x%y.ps1",
        "Ölwechsel.PS1"};
    private static final List<Instant> TIMES = List.of(CREATED, CREATED.plusSeconds(60), CREATED.plusSeconds(120),
            CREATED.plusSeconds(3600));

    @Test
    void everyComparisonOnEveryPropertyListsAndCountsExactlyWhatMatchesSays() {
        List<DeviceManagementScript> stored = storeVariedScripts();
        for (Property<DeviceManagementScript> property : SCRIPTS.filterable()) {
            for (Object value : valuesToCompare(property)) {
                for (Operator operator : Operator.values()) {
                    if (value != null || operator == Operator.EQ || operator == Operator.NE) {
                        assertListsAsInMemory(stored, new Comparison<>(property, operator, value),
                                List.of(SortKey.ascending(property)));
                    }
                }
            }
        }
    }

    @Test
    void startsWithEndsWithAndContainsIgnoreCaseAndTakeEveryCharacterLiterally() {
        List<DeviceManagementScript> stored = storeVariedScripts();
        List<String> fragments = List.of("a", "ALPHA", "a%", "%", "_", "a_b", "\\", "x%y", ".PS1", "", "nothing", "Ä",
                "über", "ölWECHSEL");
        for (Property<DeviceManagementScript> property : List.of(DISPLAY_NAME, DESCRIPTION, FILE_NAME,
                RUN_AS_ACCOUNT)) {
            for (StringFunction function : StringFunction.values()) {
                for (String fragment : fragments) {
                    assertListsAsInMemory(stored, new StringMatch<>(function, property, fragment), List.of());
                }
            }
        }
    }

    @Test
    void notAndAndOrOverNullPropertiesListWhatMatchesSays() {
        List<DeviceManagementScript> stored = storeVariedScripts();
        Filter<DeviceManagementScript> descriptionIsX = new Comparison<>(DESCRIPTION, Operator.EQ, "x");
        Filter<DeviceManagementScript> noFileName = new Comparison<>(FILE_NAME, Operator.EQ, null);
        Filter<DeviceManagementScript> fileNameAfterB = new Comparison<>(FILE_NAME, Operator.GT, "b");
        Filter<DeviceManagementScript> descriptionHasPercent = new StringMatch<>(StringFunction.CONTAINS,
                DESCRIPTION, "%");
        Filter<DeviceManagementScript> runsAs32Bit = new Comparison<>(RUN_AS_32_BIT, Operator.EQ, true);
        List<Filter<DeviceManagementScript>> filters = List.of(
                new Not<>(descriptionIsX),
                new Not<>(new Comparison<>(DESCRIPTION, Operator.NE, null)),
                new Not<>(fileNameAfterB),
                new Not<>(descriptionHasPercent),
                new Not<>(new Not<>(descriptionIsX)),
                new And<>(new Not<>(descriptionIsX), noFileName),
                new Or<>(descriptionIsX, noFileName),
                new Not<>(new Or<>(fileNameAfterB, descriptionHasPercent)),
                new Not<>(new And<>(new Not<>(fileNameAfterB), runsAs32Bit)),
                new Or<>(new And<>(runsAs32Bit, new Not<>(noFileName)), new Not<>(new Or<>(descriptionIsX,
                        runsAs32Bit))));
        for (Filter<DeviceManagementScript> filter : filters) {
            assertListsAsInMemory(stored, filter, List.of(SortKey.ascending(DESCRIPTION)));
        }
    }

    @Test
    void everyPropertyOrdersAscendingAndDescendingWithNullsAndTiesAsTheComparatorDoes() {
        List<DeviceManagementScript> stored = storeVariedScripts();
        for (Property<DeviceManagementScript> property : SCRIPTS.filterable()) {
            for (boolean descending : List.of(false, true)) {
                assertListsAsInMemory(stored, null, List.of(new SortKey<>(property, descending)));
            }
        }
    }

    @Test
    void severalSortKeysOrderInTurnAndCursorsFollowThemWithAFilter() {
        List<DeviceManagementScript> stored = storeVariedScripts();
        List<List<SortKey<DeviceManagementScript>>> orders = List.of(
                List.of(SortKey.ascending(RUN_AS_32_BIT), new SortKey<>(DESCRIPTION, true),
                        SortKey.ascending(DISPLAY_NAME)),
                List.of(new SortKey<>(FILE_NAME, true), SortKey.ascending(CREATED_DATE_TIME)),
                List.of(new SortKey<>(ENFORCE_SIGNATURE_CHECK, true), new SortKey<>(LAST_MODIFIED_DATE_TIME, true),
                        SortKey.ascending(FILE_NAME)),
                List.of(SortKey.ascending(DESCRIPTION), SortKey.ascending(FILE_NAME), new SortKey<>(DISPLAY_NAME,
                        true)));
        Filter<DeviceManagementScript> filter = new Or<>(new Comparison<>(DESCRIPTION, Operator.NE, "x"),
                new StringMatch<>(StringFunction.STARTS_WITH, DISPLAY_NAME, "a"));
        for (List<SortKey<DeviceManagementScript>> order : orders) {
            assertListsAsInMemory(stored, null, order);
            assertListsAsInMemory(stored, filter, order);
        }
    }

    @Test
    void theDefaultOrderIsOldestFirstThenByIdAsText() {
        // Ids chosen so that the order of their text differs from the order Java's UUID.compareTo gives.
        List<DeviceManagementScript> stored = List.of(
                script(ScriptId.of("00000000-0000-0000-0000-000000000001"), "Newest", null, null,
                        CREATED.plusSeconds(60)),
                script(ScriptId.of("f0000000-0000-0000-0000-000000000000"), "High", null, null, CREATED),
                script(ScriptId.of("10000000-0000-0000-0000-000000000000"), "Low", null, null, CREATED),
                script(ScriptId.of("ffffffff-ffff-ffff-ffff-ffffffffffff"), "Oldest", null, null,
                        CREATED.minusNanos(1000)),
                script(ScriptId.of("80000000-0000-0000-0000-000000000000"), "Middle", null, null, CREATED));
        stored.forEach(script -> scripts.insert(TENANT, script, AuditFixtures.created(script)));

        assertThat(allPages(Query.firstPage(SCRIPTS, 2))).extracting(script -> script.properties().displayName())
                .containsExactly("Oldest", "Low", "Middle", "High", "Newest");
    }

    @Test
    void notDescriptionEqualsXListsTheScriptsWithoutADescriptionToo() {
        storeNamedWithDescriptions("x", "X", null, "y", "");

        assertThat(names(new Not<>(new Comparison<>(DESCRIPTION, Operator.EQ, "x")))).containsExactly("3", "4", "5");
        assertThat(names(new Comparison<>(DESCRIPTION, Operator.EQ, null))).containsExactly("3");
        assertThat(names(new Comparison<>(DESCRIPTION, Operator.NE, "X"))).containsExactly("3", "4", "5");
        assertThat(names(new Comparison<>(DESCRIPTION, Operator.LT, "y"))).containsExactly("1", "2", "5");
    }

    @Test
    void stringsCompareIgnoringCaseAndLikeMetacharactersInValuesMatchOnlyThemselves() {
        storeNamedWithDescriptions("50% OFF", "50 percent off", "a_b", "axb", "C:\\Temp", "C:Temp");

        assertThat(names(new StringMatch<>(StringFunction.STARTS_WITH, DESCRIPTION, "50%"))).containsExactly("1");
        assertThat(names(new StringMatch<>(StringFunction.CONTAINS, DESCRIPTION, "A_"))).containsExactly("3");
        assertThat(names(new StringMatch<>(StringFunction.ENDS_WITH, DESCRIPTION, "\\temp"))).containsExactly("5");
        assertThat(names(new Comparison<>(DESCRIPTION, Operator.EQ, "50% off"))).containsExactly("1");
    }

    @Test
    void lettersBeyondAsciiCompareIgnoringCaseAndOrderByTheirCodesAfterAsciiLetters() {
        storeNamedWithDescriptions("Éclair", "zulu", "Ärger", "alpha", "ÄRGERNIS");
        Query<DeviceManagementScript> byDescription = new Query<>(SCRIPTS, Optional.empty(),
                List.of(SortKey.ascending(DESCRIPTION)), 0, 2,
                Optional.empty());

        assertThat(allPages(byDescription)).extracting(script -> script.properties().description())
                .containsExactly("alpha", "zulu", "Ärger", "ÄRGERNIS", "Éclair");
        assertThat(names(new StringMatch<>(StringFunction.STARTS_WITH, DESCRIPTION, "ärger"))).containsExactly("3",
                "5");
        assertThat(names(new Comparison<>(DESCRIPTION, Operator.EQ, "éCLAIR"))).containsExactly("1");
        assertThat(names(new Comparison<>(DESCRIPTION, Operator.GT, "zz"))).containsExactly("1", "3", "5");
    }

    @Test
    void followingNextListsEveryMatchOnceInOrderAndTheLastPageHasNoNext() {
        storeNumbered(5);
        Query<DeviceManagementScript> first = Query.firstPage(SCRIPTS, 2);

        Page<DeviceManagementScript> one = scripts.list(TENANT, first);
        Page<DeviceManagementScript> two = scripts.list(TENANT, after(first, one));
        Page<DeviceManagementScript> three = scripts.list(TENANT, after(first, two));

        assertThat(displayNames(one)).containsExactly("Script 0", "Script 1");
        assertThat(displayNames(two)).containsExactly("Script 2", "Script 3");
        assertThat(displayNames(three)).containsExactly("Script 4");
        assertThat(three.next()).isEmpty();
        assertThat(scripts.list(TENANT, Query.firstPage(SCRIPTS, 5)).next()).as("a page that ends the list").isEmpty();
    }

    @Test
    void skipPassesOverScriptsAfterTheCursor() {
        storeNumbered(8);
        Query<DeviceManagementScript> first = new Query<>(SCRIPTS, Optional.empty(), List.of(), 1, 2, Optional.empty());

        Page<DeviceManagementScript> one = scripts.list(TENANT, first);
        Page<DeviceManagementScript> two = scripts.list(TENANT, after(first, one));
        Page<DeviceManagementScript> beyondTheEnd = scripts.list(TENANT, new Query<>(SCRIPTS, Optional.empty(),
                List.of(), 8, 2,
                Optional.empty()));

        assertThat(displayNames(one)).containsExactly("Script 1", "Script 2");
        assertThat(displayNames(two)).containsExactly("Script 4", "Script 5");
        assertThat(beyondTheEnd.items()).isEmpty();
        assertThat(beyondTheEnd.next()).isEmpty();
    }

    @Test
    void scriptsCreatedAndDeletedBetweenPagesShiftNothingForTheOthers() {
        List<DeviceManagementScript> stored = storeVariedScripts();
        Query<DeviceManagementScript> first = new Query<>(SCRIPTS, Optional.empty(),
                List.of(SortKey.ascending(DISPLAY_NAME)), 0, 3,
                Optional.empty());
        List<DeviceManagementScript> inOrder = stored.stream().sorted(first.comparator()).toList();
        Set<ScriptId> deleted = new HashSet<>();
        List<DeviceManagementScript> listed = new ArrayList<>();
        Query<DeviceManagementScript> query = first;
        for (int page = 0; ; page++) {
            Page<DeviceManagementScript> current = scripts.list(TENANT, query);
            listed.addAll(current.items());
            if (current.next().isEmpty()) {
                break;
            }
            // Between pages: one script ahead and one already listed go, and two come, one on each side.
            for (DeviceManagementScript gone : List.of(inOrder.get(inOrder.size() - 1 - page), listed.get(0))) {
                if (deleted.add(gone.id())) {
                    scripts.delete(TENANT, gone.id(), AuditFixtures.deleted());
                }
            }
            AuditFixtures.insert(scripts, TENANT, script(newScriptId(), "a" + page, null, null, CREATED));
            AuditFixtures.insert(scripts, TENANT, script(newScriptId(), "z" + page, null, null, CREATED));
            query = new Query<>(SCRIPTS, first.filter(), first.orderBy(), 0, first.top(), current.next());
        }

        List<ScriptId> listedIds = listed.stream().map(DeviceManagementScript::id).toList();
        assertThat(listedIds).doesNotHaveDuplicates();
        assertThat(listed).isSortedAccordingTo(first.comparator());
        stored.stream().filter(script -> !deleted.contains(script.id()))
                .forEach(survivor -> assertThat(listedIds).as(survivor.toString()).contains(survivor.id()));
    }

    @Test
    void countCountsTheTenantsScriptsThatMatchTheFilter() {
        storeNamedWithDescriptions("x", null, "X", "y");
        AuditFixtures.insert(scripts, OTHER_TENANT, script(newScriptId(), "Theirs", "x", null, CREATED));

        assertThat(scripts.count(TENANT, Optional.empty())).isEqualTo(4);
        assertThat(scripts.count(TENANT, Optional.of(new Comparison<>(DESCRIPTION, Operator.EQ, "x")))).isEqualTo(2);
        assertThat(scripts.count(TENANT, Optional.of(new Comparison<>(DESCRIPTION, Operator.NE, "x")))).isEqualTo(2);
        assertThat(scripts.count(OTHER_TENANT, Optional.of(new Comparison<>(DESCRIPTION, Operator.EQ, "y")))).isZero();
    }

    /** Follows {@code next} from the first page and asserts every page against filtering and sorting in memory. */
    private void assertListsAsInMemory(List<DeviceManagementScript> stored, Filter<DeviceManagementScript> filter,
            List<SortKey<DeviceManagementScript>> order) {
        Query<DeviceManagementScript> first = new Query<>(SCRIPTS, Optional.ofNullable(filter), order, 0, PAGE,
                Optional.empty());
        List<DeviceManagementScript> expected = stored.stream()
                .filter(script -> filter == null || filter.matches(script))
                .sorted(first.comparator())
                .map(DeviceManagementScript::withoutContent)
                .toList();
        String what = "filter " + filter + ", order " + order;

        assertThat(allPages(first)).as(what).containsExactlyElementsOf(expected);
        assertThat(scripts.count(TENANT, first.filter())).as(what).isEqualTo(expected.size());
    }

    /** Every script the query lists, page by page; a page that hands on a cursor must be full and not the last. */
    private List<DeviceManagementScript> allPages(Query<DeviceManagementScript> first) {
        List<DeviceManagementScript> listed = new ArrayList<>();
        Page<DeviceManagementScript> page = scripts.list(TENANT, first);
        listed.addAll(page.items());
        while (page.next().isPresent()) {
            assertThat(page.items()).as("a page with a next link").hasSize(first.top());
            page = scripts.list(TENANT, after(first, page));
            assertThat(page.items()).as("the page a next link leads to").isNotEmpty();
            listed.addAll(page.items());
        }
        return listed;
    }

    private static Query<DeviceManagementScript> after(Query<DeviceManagementScript> first,
            Page<DeviceManagementScript> page) {
        PageCursor cursor = page.next().orElseThrow();
        return new Query<>(SCRIPTS, first.filter(), first.orderBy(), first.skip(), first.top(), Optional.of(cursor));
    }

    /**
     * Scripts of the tenant whose every property varies, drawn with a fixed seed so that every run sees the same
     * ones, and a few of another tenant that no listing may show.
     */
    private List<DeviceManagementScript> storeVariedScripts() {
        Random random = new Random(20261128);
        List<DeviceManagementScript> stored = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Instant created = pick(random, TIMES);
            ScriptProperties properties = new ScriptProperties(pick(random, NAMES), pick(random, DESCRIPTIONS), null,
                    pick(random, FILE_NAMES), random.nextBoolean() ? RunAsAccount.SYSTEM : RunAsAccount.USER,
                    random.nextBoolean(), random.nextBoolean(), List.of());
            stored.add(new DeviceManagementScript(newScriptId(), properties, created,
                    created.plusSeconds(random.nextInt(3) * 30L)));
        }
        stored.forEach(script -> scripts.insert(TENANT, script, AuditFixtures.created(script)));
        stored.stream().limit(5).forEach(script -> {
            DeviceManagementScript theirs = new DeviceManagementScript(newScriptId(), script.properties(), CREATED,
                    CREATED);
            scripts.insert(OTHER_TENANT, theirs, AuditFixtures.created(theirs));
        });
        return stored;
    }

    /** Values to compare each property with: stored ones in another case, ones between and beyond them, and null. */
    private static List<Object> valuesToCompare(Property<DeviceManagementScript> property) {
        if (property.type() == ValueType.BOOLEAN) {
            return List.of(true, false);
        }
        if (property.type() == ValueType.DATE_TIME) {
            Instant stored = TIMES.get(1).plusSeconds(30);
            // The last two are finer than the microseconds a store keeps, and closest to a stored time.
            return List.of(TIMES.get(0), stored, stored.plusNanos(1000), stored.minusNanos(1000),
                    stored.plusNanos(400), stored.minusNanos(400));
        }
        return Arrays.asList(null, "", "ALPHA", "a%b", "a_b", "aab", "x", "X", "cleanup.PS1", "SYSTEM", "user", "m",
                "\\", "ärger", "ÜBER ALLES", "zz");
    }

    /** Scripts named "Script 0", "Script 1" and on, created in that order. */
    private void storeNumbered(int count) {
        for (int i = 0; i < count; i++) {
            AuditFixtures.insert(scripts, TENANT,
                    script(newScriptId(), "Script " + i, null, null, CREATED.plusSeconds(i)));
        }
    }

    /** Scripts named "1", "2" and on, created in that order, with these descriptions. */
    private void storeNamedWithDescriptions(String... descriptions) {
        for (int i = 0; i < descriptions.length; i++) {
            AuditFixtures.insert(scripts, TENANT, script(newScriptId(), String.valueOf(i + 1), descriptions[i], null,
                    CREATED.plusSeconds(i)));
        }
    }

    private List<String> names(Filter<DeviceManagementScript> filter) {
        return allPages(new Query<>(SCRIPTS, Optional.of(filter), List.of(), 0, 2, Optional.empty())).stream()
                .map(script -> script.properties().displayName()).toList();
    }

    private static List<String> displayNames(Page<DeviceManagementScript> page) {
        return page.items().stream().map(script -> script.properties().displayName()).toList();
    }

    private static DeviceManagementScript script(ScriptId id, String displayName, String description, String fileName,
                                                 Instant created) {
        return DeviceManagementScript.create(id, new ScriptProperties(displayName, description, null, fileName,
                RunAsAccount.SYSTEM, false, false, List.of()), created);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
