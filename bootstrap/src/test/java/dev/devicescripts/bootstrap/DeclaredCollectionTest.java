package dev.devicescripts.bootstrap;

import static dev.devicescripts.bootstrap.Widgets.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devicescripts.adapter.http.GraphHttpServer;
import dev.devicescripts.adapter.http.GraphUseCases;
import dev.devicescripts.adapter.http.HttpSettings;
import dev.devicescripts.adapter.http.auth.Authenticators;
import dev.devicescripts.adapter.http.auth.LocalSigningKey;
import dev.devicescripts.adapter.http.auth.TokenRequest;
import dev.devicescripts.adapter.http.auth.TokenRules;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.graph.PublicUrl;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint;
import dev.devicescripts.adapter.http.server.RequestLimits;
import dev.devicescripts.adapter.http.server.ServerMetrics;
import dev.devicescripts.adapter.persistence.memory.InMemoryStore;
import dev.devicescripts.application.service.AssignmentService;
import dev.devicescripts.application.service.HealthService;
import dev.devicescripts.application.service.ScriptService;
import dev.devicescripts.bootstrap.Widgets.Widget;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A collection declared only here ({@link Widgets}) gets every query option, paging and $count over HTTP, from the
 * in-memory and the H2 adapter alike, with no change to the OData machinery: what docs/adding-a-collection.md promises.
 * Expected answers are computed with plain streams over the stored widgets, not with the machinery under test.
 */
class DeclaredCollectionTest {
    private static final TenantId TENANT = TenantId.of("7f3c0a52-1111-4c4e-9a55-0a1b2c3d4e5f");
    private static final TenantId OTHER_TENANT = TenantId.of("7f3c0a52-2222-4c4e-9a55-0a1b2c3d4e5f");
    private static final Instant MADE = Instant.parse("2026-11-01T08:00:00Z");
    private static final String[] NAMES = {"Anvil", "anchor", "Bolt", "bracket", "Cog", "Ärmel", "Dowel", "dowel",
        "Eyelet", "Flange", "gasket", "Hinge"};
    private static final int PAGE_SIZE = 3;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Widget> stored = new ArrayList<>();
    private Widgets.Store store;
    private GraphHttpServer server;
    private String token;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void everyQueryOptionTogetherPagesThroughExactlyTheMatchingWidgets(String adapter, @TempDir Path folder)
            throws Exception {
        start(adapter, folder);
        String query = "$filter=" + encoded("color eq 'RED' or weight ge 40 and not fragile")
                + "&$orderby=" + encoded("weight desc,name") + "&$select=name,weight&$count=true&$top=2";
        List<Widget> expected = stored.stream()
                .filter(w -> w.color().equals("red") || w.weight() != null && w.weight() >= 40 && !w.fragile())
                .sorted(Comparator.comparing(Widget::weight, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(w -> w.name().toLowerCase()).thenComparing(w -> w.id().toString()))
                .toList();

        JsonNode first = get("/beta/widgets?" + query);
        assertThat(first.path("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#widgets(name,weight)");
        assertThat(first.path("@odata.count").asLong()).isEqualTo(expected.size());
        assertThat(fieldNames(first.path("value").get(0))).containsExactly("id", "name", "weight");
        assertThat(first.path("value")).hasSize(2);
        assertThat(allPages(first)).isEqualTo(expected.stream().map(w -> w.id().toString()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void eachKindOfPropertyFiltersAsItsTypeSays(String adapter, @TempDir Path folder) throws Exception {
        start(adapter, folder);
        assertLists("startswith(name,'DOW')", w -> w.name().toLowerCase().startsWith("dow"));
        assertLists("contains(name,'rm') or endswith(name,'ET')",
                w -> w.name().toLowerCase().contains("rm") || w.name().toLowerCase().endsWith("et"));
        assertLists("weight eq null", w -> w.weight() == null);
        assertLists("weight ne null and weight lt 30", w -> w.weight() != null && w.weight() < 30);
        assertLists("fragile", Widget::fragile);
        assertLists("not (color eq 'blue')", w -> !w.color().equals("blue"));
        assertLists("madeDateTime gt 2026-11-05T08:00:00Z", w -> w.made().isAfter(MADE.plus(Duration.ofDays(4))));
        assertLists("name gt 'dowel'", w -> w.name().toLowerCase().compareTo("dowel") > 0);
        assertLists("name in ('DOWEL', 'cog', 'nothing')", w -> List.of("dowel", "cog").contains(w.name()
                .toLowerCase()));
        assertLists("weight in (7, 21) or madeDateTime in (2026-11-01T08:00:00Z)",
                w -> w.weight() != null && List.of(7L, 21L).contains(w.weight()) || w.made().equals(MADE));
        assertLists("not (weight in (7))", w -> w.weight() == null || w.weight() != 7);
        assertLists("tags/any(t:t eq 'U')", w -> w.tags().contains("u"));
        assertLists("tags/any(t:t eq 't1') or tags/any(x:x eq 'T%')", w -> w.tags().contains("t1"));
        assertLists("tags/any(t:t eq '50%') or tags/any(t:t eq 't4')", w -> w.tags().contains("50%"));
        assertLists("not tags/any(t:t eq 'u')", w -> !w.tags().contains("u"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void skipCountAndTheDefaultOrderFollowTheDeclaration(String adapter, @TempDir Path folder) throws Exception {
        start(adapter, folder);
        List<String> byName = stored.stream().sorted(Comparator.comparing((Widget w) -> w.name().toLowerCase())
                .thenComparing(w -> w.id().toString())).map(w -> w.id().toString()).toList();

        assertThat(allPages(get("/beta/widgets"))).isEqualTo(byName);
        assertThat(allPages(get("/beta/widgets?$skip=4"))).isEqualTo(byName.subList(4, byName.size()));
        assertThat(getText("/beta/widgets/$count")).isEqualTo(Integer.toString(stored.size()));
        assertThat(getText("/beta/widgets/$count?$filter=" + encoded("color eq 'green'")))
                .isEqualTo(Long.toString(stored.stream().filter(w -> w.color().equals("green")).count()));
        JsonNode widget = get("/beta/widgets?$top=1").path("value").get(0);
        assertThat(fieldNames(widget)).containsExactly("id", "name", "color", "weight", "fragile", "madeDateTime",
                "tags");
        assertThat(widget.path("tags").isArray()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void whatTheDeclarationDoesNotAllowIsRefusedByName(String adapter, @TempDir Path folder) throws Exception {
        start(adapter, folder);
        assertRefused("$filter=" + encoded("size eq 1"), "'size' is not a property $filter can use");
        assertRefused("$filter=" + encoded("color eq 'purple'"), "color is 'red' or 'green' or 'blue'");
        assertRefused("$filter=" + encoded("weight eq 'heavy'"), "weight compares with a whole number");
        assertRefused("$orderby=tags", "'tags', which is not a property lists can be ordered by");
        assertRefused("$select=size", "'size', which is not a property of widget");
        assertRefused("$expand=parts", "'parts', which is not a navigation property of widget");
        assertRefused("$skiptoken=abc", "is not a token this service issued");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aTenantListsOnlyItsOwnWidgets(String adapter, @TempDir Path folder) throws Exception {
        start(adapter, folder);
        Widget theirs = new Widget(UUID.randomUUID(), "Anvil", "red", 1L, false, MADE, List.of());
        store.add(OTHER_TENANT, theirs);

        assertThat(allPages(get("/beta/widgets"))).hasSize(stored.size()).doesNotContain(theirs.id().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aBatchListsTheCollectionAsARequestAloneDoes(String adapter, @TempDir Path folder) throws Exception {
        start(adapter, folder);
        String list = "/widgets?$filter=" + encoded("color eq 'green'") + "&$count=true&$select=name";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/beta/$batch"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(mapper.createObjectNode()
                        .set("requests", mapper.createArrayNode().add(mapper.createObjectNode().put("id", "1")
                                .put("method", "GET").put("url", list))))))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode inBatch = mapper.readTree(response.body()).path("responses").get(0);
        assertThat(inBatch.path("status").asInt()).as(response.body()).isEqualTo(200);
        assertThat(inBatch.path("body")).isEqualTo(get("/beta" + list));
    }

    /** The same widgets served again in the directory's dialect, at a directory path, list as the directory does. */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aCollectionInTheDirectorysDialectSearchesAndCountsOnlyAsAnAdvancedQuery(String adapter, @TempDir Path folder)
            throws Exception {
        start(adapter, folder);
        String search = "/beta/devices?$count=true&$search=" + encoded("\"name:OW\"") + "&$filter="
                + encoded("color in ('red', 'green') and not tags/any(t:t eq 'x')");
        Predicate<Widget> matches = w -> w.name().toLowerCase().contains("ow") && !w.color().equals("blue");

        HttpResponse<String> plain = send(search);
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(400);
        assertThat(mapper.readTree(plain.body()).path("error").path("code").asText())
                .isEqualTo("Request_UnsupportedQuery");
        HttpResponse<String> advanced = send(search, "ConsistencyLevel", "eventual");
        assertThat(advanced.statusCode()).as(advanced.body()).isEqualTo(200);
        JsonNode page = mapper.readTree(advanced.body());
        assertThat(page.path("@odata.count").asLong()).isEqualTo(stored.stream().filter(matches).count());
        List<String> ids = new ArrayList<>();
        page.path("value").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).isEqualTo(idsByName(matches));
        assertThat(send("/beta/devices/$count", "ConsistencyLevel", "eventual").body())
                .isEqualTo(Integer.toString(stored.size()));
    }

    private void start(String adapter, Path folder) throws Exception {
        store = adapter.equals("h2") ? Widgets.inH2() : Widgets.inMemory();
        for (int i = 0; i < NAMES.length; i++) {
            Widget widget = new Widget(UUID.randomUUID(), NAMES[i], List.of("red", "green", "blue").get(i % 3),
                    i % 4 == 0 ? null : (long) (i * 7 % 50), i % 2 == 0, MADE.plus(Duration.ofDays(i)),
                    i % 3 == 0 ? List.of() : i == 4 ? List.of("t4|u", "50%") : List.of("t" + i, "u"));
            store.add(TENANT, widget);
            stored.add(widget);
        }
        LocalSigningKey key = LocalSigningKey.loadOrCreate(Files.createDirectories(folder.resolve("key")));
        token = key.mint(new TokenRequest(TENANT, List.of("DeviceManagementScripts.Read.All"), List.of(),
                "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", Duration.ofHours(1), TokenRules.local()));
        InMemoryStore scripts = new InMemoryStore();
        ScriptService scriptService = new ScriptService(scripts, Instant::now, () -> new ScriptId(UUID.randomUUID()));
        AssignmentService assignments = new AssignmentService(scripts, AssignmentSet.DEFAULT_MAX_TARGETS, Instant::now);
        GraphUseCases useCases = new GraphUseCases(scriptService, scriptService, scriptService, scriptService,
                scriptService, assignments, assignments, new HealthService(scripts));
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, PAGE_SIZE,
                Optional.empty(), Optional.empty(), RequestLimits.DEFAULTS, PublicUrl.AS_BOUND);
        GraphResource.Factory widgets = shared -> new GraphResource() {
            @Override
            public void register(RoutesConfig routes) {
                CollectionEndpoint.of(WIDGETS, "/beta/widgets", "https://graph.microsoft.com/beta/$metadata#widgets",
                        store, shared.pageSize(), shared.links()).register(routes);
                CollectionEndpoint.directory(WIDGETS, "/beta/devices",
                        "https://graph.microsoft.com/beta/$metadata#devices", store, shared.links()).register(routes);
            }

            @Override
            public KnownSegments segments() {
                return new KnownSegments(Set.of("widgets", "devices", "$count"), Set.of("widgets", "devices"));
            }
        };
        server = new GraphHttpServer(useCases, settings, Authenticators.localKey(key, TokenRules.local()),
                new ServerMetrics(), List.of(widgets)).start();
    }

    private void assertLists(String filter, Predicate<Widget> matches) throws Exception {
        assertThat(allPages(get("/beta/widgets?$filter=" + encoded(filter)))).as(filter)
                .isEqualTo(idsByName(matches));
    }

    /** The ids of the matching widgets in the default order. */
    private List<String> idsByName(Predicate<Widget> matches) {
        return stored.stream().filter(matches)
                .sorted(Comparator.comparing((Widget w) -> w.name().toLowerCase())
                        .thenComparing(w -> w.id().toString()))
                .map(w -> w.id().toString()).toList();
    }

    private void assertRefused(String query, String reason) throws Exception {
        HttpResponse<String> response = send("/beta/widgets?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(mapper.readTree(response.body()).path("error").path("message").asText()).as(query)
                .contains(reason);
    }

    /** The ids of this page and of every page its next links lead to, each page no larger than the page size. */
    private List<String> allPages(JsonNode page) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int pages = 1; pages <= stored.size() + 1; pages++) {
            assertThat(page.path("value").size()).isLessThanOrEqualTo(PAGE_SIZE);
            page.path("value").forEach(item -> ids.add(item.path("id").asText()));
            if (!page.has("@odata.nextLink")) {
                return ids;
            }
            URI next = URI.create(page.path("@odata.nextLink").asText());
            page = get(next.getRawPath() + "?" + next.getRawQuery());
        }
        throw new AssertionError("More pages than widgets: the next links go round in a circle");
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = send(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return mapper.readTree(response.body());
    }

    private String getText(String pathAndQuery) throws Exception {
        HttpResponse<String> response = send(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** @param headers more headers, name and value alternating */
    private HttpResponse<String> send(String pathAndQuery, String... headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fieldNames(JsonNode item) {
        return StreamSupport.stream(((Iterable<String>) item::fieldNames).spliterator(), false).toList();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
