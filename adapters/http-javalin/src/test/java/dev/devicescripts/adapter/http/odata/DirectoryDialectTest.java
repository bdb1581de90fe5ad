package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertInnerError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.graph.GraphResource;
import dev.devicescripts.adapter.http.graph.KnownSegments;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.ItemTypes;
import dev.devicescripts.adapter.http.odata.CollectionEndpoint.Typed;
import dev.devicescripts.adapter.http.support.Batches;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.application.AccessDeniedException;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.NotFoundException;
import dev.devicescripts.application.port.in.ListUseCase;
import dev.devicescripts.application.port.in.NavigationListUseCase;
import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Page;
import dev.devicescripts.application.query.Pages;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.application.query.Query;
import dev.devicescripts.application.query.SortKey;
import dev.devicescripts.application.query.ValueType;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Collections declared only here, served in the directory's dialect at directory paths: {@code /beta/groups} lists
 * gadgets, {@code /beta/groups/{id}/members} a gadget's members, which are gadgets and gizmos. Each rule of the
 * spec's table (docs/targeting.md, 1.0) is a request over a socket, beside the scripts, which keep Intune's rules.
 */
class DirectoryDialectTest {
    /** One record for both kinds, so that a mixed list is one Java type; {@code kind} tells them apart. */
    private record Thing(UUID id, String kind, String displayName, List<String> groupTypes, String serialNumber,
                         List<UUID> members) {
    }

    private static final Property<Thing> ID = Property.<Thing>of("id", ValueType.GUID, Thing::id).selectOnly();
    private static final Property<Thing> DISPLAY_NAME = Property.of("displayName", ValueType.STRING,
            Thing::displayName);
    private static final Property<Thing> GROUP_TYPES = Property.<Thing>of("groupTypes", ValueType.STRING_LIST,
            Thing::groupTypes).filterableByAny();
    private static final Property<Thing> SERIAL_NUMBER = Property.<Thing>of("serialNumber", ValueType.STRING,
            Thing::serialNumber).selectOnly();
    private static final List<SortKey<Thing>> BY_NAME = List.of(SortKey.ascending(DISPLAY_NAME));
    private static final EntitySet<Thing> GADGETS = new EntitySet<>("gadget", List.of(ID, DISPLAY_NAME, GROUP_TYPES),
            ID, BY_NAME, List.of());
    private static final EntitySet<Thing> GIZMOS = new EntitySet<>("gizmo", List.of(ID, DISPLAY_NAME, SERIAL_NUMBER),
            ID, BY_NAME, List.of());
    /** What gadgets and gizmos have in common: a members list is queried by it. */
    private static final EntitySet<Thing> DIRECTORY_OBJECTS = new EntitySet<>("directoryObject",
            List.of(ID, DISPLAY_NAME), ID, BY_NAME, List.of());
    private static final ItemTypes<Thing> GADGET_OR_GIZMO = new ItemTypes<>() {
        @Override
        public List<EntitySet<?>> sets() {
            return List.of(GADGETS, GIZMOS);
        }

        @Override
        public Typed<?> typed(Caller caller, Thing thing) {
            return new Typed<>(thing.kind().equals("gadget") ? GADGETS : GIZMOS, thing);
        }
    };
    private static final String GROUPS = "/beta/groups";
    private static final String EVENTUAL = "eventual";

    /** Every gadget and gizmo, of the one tenant the tests call as; a test may add more. */
    private final List<Thing> things = new CopyOnWriteArrayList<>();
    private GraphApi server;
    /** The server, called with a token that may read the scripts and the groups. */
    private GraphApi api;
    private Thing parent;

    @BeforeEach
    void start() {
        String[] names = {"Pilot devices", "pilot users", "Ring 1", "Ring 2", "Finance", "Lab"};
        for (int i = 0; i < names.length; i++) {
            things.add(new Thing(UUID.randomUUID(), "gadget", names[i], i % 2 == 0 ? List.of("Unified") : List.of(),
                    null, List.of()));
        }
        Thing gizmo = new Thing(UUID.randomUUID(), "gizmo", "Laptop 7", List.of(), "SN-1", List.of());
        things.add(gizmo);
        parent = new Thing(UUID.randomUUID(), "gadget", "Parent", List.of(), null,
                List.of(things.get(0).id(), things.get(1).id(), gizmo.id()));
        things.add(parent);
        server = GraphApi.startServing(List.of(shared -> new GraphResource() {
            @Override
            public void register(RoutesConfig routes) {
                CollectionEndpoint.directory(GADGETS, GROUPS, "https://graph.microsoft.com/beta/$metadata#groups",
                        gadgets(), shared.links()).register(routes);
                CollectionEndpoint.directoryNavigation(DIRECTORY_OBJECTS, GROUPS + "/{id}/members",
                        "https://graph.microsoft.com/beta/$metadata#directoryObjects", members(), shared.links())
                        .ofDirectoryObjects(GADGET_OR_GIZMO).register(routes);
            }

            @Override
            public KnownSegments segments() {
                return new KnownSegments(Set.of("groups", "members", "$count"), Set.of("groups"));
            }
        }));
        api = server.as(GraphApi.token(GraphApi.TENANT, List.of("DeviceManagementScripts.ReadWrite.All",
                "Group.Read.All"), List.of()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void countAnswersOnlyAnAdvancedQuery() {
        assertGraphError(api.get(GROUPS + "/$count"), 400, "Request_BadRequest", "$count is not currently supported.");
        assertGraphError(api.get(GROUPS + "/" + parent.id() + "/members/$count"), 400, "Request_BadRequest",
                "$count is not currently supported.");

        Reply counted = api.get(GROUPS + "/$count?$filter=" + encoded("startswith(displayName,'ring')"),
                "ConsistencyLevel", EVENTUAL);
        assertThat(counted.status()).as("%s", counted).isEqualTo(200);
        assertThat(counted.header("Content-Type")).startsWith("text/plain");
        assertThat(counted.body()).isEqualTo("2");
        assertThat(api.get(GROUPS + "/" + parent.id() + "/members/$count", "ConsistencyLevel", EVENTUAL).body())
                .isEqualTo("3");
        assertThat(api.get(GROUPS + "?$count=true").json().has("@odata.count")).isFalse();
        assertThat(api.get(GROUPS + "?$count=true", "ConsistencyLevel", EVENTUAL).json().path("@odata.count")
                .asLong()).isEqualTo(gadgets(g -> true).size());
    }

    @Test
    void eqStartswithInAndAnyWorkWithoutTheHeader() {
        assertLists("displayName eq 'RING 1'", g -> g.displayName().equals("Ring 1"));
        assertLists("startswith(displayName,'pilot')", g -> g.displayName().toLowerCase().startsWith("pilot"));
        assertLists("displayName in ('lab', 'Finance')", g -> List.of("Lab", "Finance").contains(g.displayName()));
        assertLists("groupTypes/any(c:c eq 'unified')", g -> g.groupTypes().contains("Unified"));
        List<String> descending = new ArrayList<>(gadgets(g -> true).stream().map(g -> g.id().toString()).toList());
        Collections.reverse(descending);
        assertThat(ids(api.get(GROUPS + "?$orderby=" + encoded("displayName desc")))).isEqualTo(descending);
    }

    @Test
    void neNotAndEndswithNeedTheHeaderAndCountTrue() {
        for (String filter : List.of("displayName ne 'Lab'", "not (displayName eq 'Lab')",
                "endswith(displayName,'users')", "displayName eq 'Lab' or not groupTypes/any(c:c eq 'Unified')")) {
            String query = GROUPS + "?$filter=" + encoded(filter);
            assertGraphError(api.get(query), 400, "Request_UnsupportedQuery", "ConsistencyLevel: eventual");
            assertGraphError(api.get(query, "ConsistencyLevel", EVENTUAL), 400, "Request_UnsupportedQuery",
                    "$count=true");
            assertThat(api.get(query + "&$count=true", "ConsistencyLevel", EVENTUAL).status()).isEqualTo(200);
        }
        Reply advanced = api.get(GROUPS + "?$count=true&$filter=" + encoded("endswith(displayName,'USERS')"),
                "ConsistencyLevel", EVENTUAL);
        assertThat(ids(advanced)).containsExactly(things.get(1).id().toString());
        assertThat(advanced.json().path("@odata.count").asLong()).isEqualTo(1);
    }

    @Test
    void filterWithOrderbyNeedsTheHeader() {
        String query = GROUPS + "?$filter=" + encoded("startswith(displayName,'r')") + "&$orderby="
                + encoded("displayName desc");
        assertGraphError(api.get(query), 400, "Request_UnsupportedQuery", "$filter with $orderby",
                "ConsistencyLevel: eventual");
        assertThat(names(api.get(query, "ConsistencyLevel", EVENTUAL))).containsExactly("Ring 2", "Ring 1");
    }

    @Test
    void searchNeedsTheHeaderAndFindsTheTextInTheNamedPropertyJoinedToTheFilter() {
        String search = GROUPS + "?$search=" + encoded("\"displayName:ILOT\"");
        assertGraphError(api.get(search), 400, "Request_UnsupportedQuery", "$search",
                "ConsistencyLevel: eventual");
        assertThat(names(api.get(search, "ConsistencyLevel", EVENTUAL)))
                .containsExactly("Pilot devices", "pilot users");
        assertThat(names(api.get(search + "&$filter=" + encoded("groupTypes/any(c:c eq 'Unified')"),
                "ConsistencyLevel", EVENTUAL))).containsExactly("Pilot devices");
        assertThat(api.get(GROUPS + "/$count?search=" + encoded("\"displayName:ring\""), "ConsistencyLevel",
                EVENTUAL).body()).isEqualTo("2");

        assertGraphError(api.get(GROUPS + "?$search=" + encoded("displayName:pilot"), "ConsistencyLevel",
                EVENTUAL), 400, "Request_BadRequest", "in double quotes, such as \"displayName:pilot\"");
        assertGraphError(api.get(GROUPS + "?$search=" + encoded("\"groupTypes:x\""), "ConsistencyLevel",
                EVENTUAL), 400, "Request_BadRequest", "'groupTypes', which is not a property $search can use",
                "use displayName");
        assertGraphError(api.get(GROUPS + "?$search=" + encoded("\"displayName:a\" AND \"displayName:b\""),
                "ConsistencyLevel", EVENTUAL), 400, "Request_BadRequest", "'$search'");
    }

    @Test
    void aPageHoldsAHundredUnlessTopAsksForUpTo999() {
        for (int i = 0; i < 1_000; i++) {
            things.add(new Thing(UUID.randomUUID(), "gadget", String.format("Bulk %04d", i), List.of(), null,
                    List.of()));
        }
        JsonNode first = api.get(GROUPS).json();
        assertThat(first.path("value")).hasSize(100);
        assertThat(first.path("@odata.nextLink").asText()).contains("/beta/groups?$skiptoken=");
        assertThat(api.get(GROUPS + "?$top=999").json().path("value")).hasSize(999);
        assertGraphError(api.get(GROUPS + "?$top=1000"), 400, "Request_BadRequest",
                "Must be between 1 and 999 inclusive.");
    }

    @Test
    void membersAreListedUnderTheirParentEachWithItsTypeAndItsOwnProperties() {
        String members = GROUPS + "/" + parent.id() + "/members";
        JsonNode page = api.get(members).json();
        assertThat(page.path("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#directoryObjects");
        JsonNode gizmo = page.path("value").get(0);
        assertThat(fieldNames(gizmo)).containsExactly("@odata.type", "id", "displayName", "serialNumber");
        assertThat(gizmo.path("@odata.type").asText()).isEqualTo("#microsoft.graph.gizmo");
        JsonNode gadget = page.path("value").get(1);
        assertThat(fieldNames(gadget)).containsExactly("@odata.type", "id", "displayName", "groupTypes");
        assertThat(gadget.path("@odata.type").asText()).isEqualTo("#microsoft.graph.gadget");

        JsonNode selected = api.get(members + "?$select=serialNumber&$filter="
                + encoded("startswith(displayName,'l') or displayName eq 'pilot users'")).json();
        assertThat(selected.path("value").get(0).toString()).isEqualTo("{\"@odata.type\":\"#microsoft.graph.gizmo\","
                + "\"id\":\"" + things.get(6).id() + "\",\"serialNumber\":\"SN-1\"}");
        assertThat(fieldNames(selected.path("value").get(1))).containsExactly("@odata.type", "id");

        JsonNode firstPage = api.get(members + "?$top=2").json();
        URI next = URI.create(firstPage.path("@odata.nextLink").asText());
        assertThat(next.getRawPath()).isEqualTo(members);
        assertThat(ids(api.get(next.getRawPath() + "?" + next.getRawQuery()))).containsExactly(
                things.get(1).id().toString());
        assertGraphError(api.get(members + "?$select=nothing"), 400, "Request_BadRequest", "'nothing'");
    }

    @Test
    void errorsOnADirectoryPathCarryTheDirectorysCodesAndIntunesKeepTheirs() {
        String unknown = UUID.randomUUID().toString();
        assertGraphError(api.get(GROUPS + "/" + unknown + "/members"), 404, "Request_ResourceNotFound",
                "Resource '" + unknown + "' does not exist");
        assertGraphError(api.get(GraphApi.SCRIPTS + "/" + unknown), 404, "ResourceNotFound", unknown);
        assertGraphError(api.get(GROUPS + "?$filter=" + encoded("colour eq 'x'")), 400, "Request_BadRequest",
                "'colour'");
        assertGraphError(api.get(GraphApi.SCRIPTS + "?$filter=" + encoded("colour eq 'x'")), 400, "BadRequest",
                "'colour'");
        assertGraphError(api.get(GraphApi.SCRIPTS + "?$search=x"), 400, "BadRequest",
                "The query option '$search' is not supported");
        // A path no route serves is answered by Graph's router, before any service, in its code.
        assertGraphError(api.get(GROUPS + "/" + unknown + "/owners"), 400, "BadRequest", "segment 'owners'");
        String noPermission = GraphApi.token(GraphApi.TENANT, List.of("User.Read"), List.of());
        assertGraphError(api.as(noPermission).get(GROUPS), 403, "Authorization_RequestDenied", "Group.Read.All");
        assertGraphError(api.as(noPermission).get(GraphApi.SCRIPTS), 403, "Forbidden", "DeviceManagementScripts");
    }

    @Test
    void eachRequestOfABatchIsAnsweredByTheServiceOfItsOwnPath() {
        String unknown = UUID.randomUUID().toString();
        Map<String, JsonNode> answers = responsesById(api.post(Batches.BATCH, batch(
                request("1", "GET", "/groups?$filter=" + encoded("displayName ne 'x'"), null),
                request("2", "GET", "/groups/" + unknown + "/members", null),
                request("3", "GET", Batches.BATCH_SCRIPTS + "/" + unknown, null),
                request("4", "PATCH", "/groups/" + unknown, "{}"),
                request("5", "PATCH", Batches.BATCH_SCRIPTS + "/" + unknown, "{}"),
                request("6", "GET", "/groups/$count", null, "ConsistencyLevel", EVENTUAL))));

        assertInnerError(answers.get("1"), 400, "Request_UnsupportedQuery");
        assertInnerError(answers.get("2"), 404, "Request_ResourceNotFound");
        assertInnerError(answers.get("3"), 404, "ResourceNotFound");
        assertInnerError(answers.get("4"), 400, "Request_BadRequest", "Content-Type");
        assertInnerError(answers.get("5"), 400, "BadRequest", "Content-Type");
        assertThat(answers.get("6").path("status").asInt()).isEqualTo(200);
    }

    private ListUseCase<Thing> gadgets() {
        return new ListUseCase<>() {
            @Override
            public Page<Thing> list(Caller caller, Query<Thing> query) {
                return Pages.page(readable(caller).filter(t -> t.kind().equals("gadget")), query);
            }

            @Override
            public long count(Caller caller, Optional<Filter<Thing>> filter) {
                return Pages.count(readable(caller).filter(t -> t.kind().equals("gadget")), filter);
            }
        };
    }

    private NavigationListUseCase<Thing> members() {
        return new NavigationListUseCase<>() {
            @Override
            public Page<Thing> list(Caller caller, String parentKey, Query<Thing> query) {
                return Pages.page(membersOf(caller, parentKey), query);
            }

            @Override
            public long count(Caller caller, String parentKey, Optional<Filter<Thing>> filter) {
                return Pages.count(membersOf(caller, parentKey), filter);
            }
        };
    }

    private Stream<Thing> membersOf(Caller caller, String parentKey) {
        List<UUID> members = readable(caller).filter(t -> t.id().toString().equals(parentKey)).findFirst()
                .orElseThrow(() -> new NotFoundException("Resource '" + parentKey + "' does not exist or one of "
                        + "its queried reference-property objects are not present."))
                .members();
        return things.stream().filter(t -> members.contains(t.id()));
    }

    /** The things of the caller's tenant, which is the only one here; a caller without Group.Read.All reads none. */
    private Stream<Thing> readable(Caller caller) {
        if (!caller.permissions().contains("Group.Read.All")) {
            throw new AccessDeniedException("Listing groups needs the permission Group.Read.All.");
        }
        return things.stream();
    }

    private List<Thing> gadgets(Predicate<Thing> matching) {
        return things.stream().filter(t -> t.kind().equals("gadget")).filter(matching)
                .sorted(Comparator.comparing((Thing t) -> t.displayName().toLowerCase())
                        .thenComparing(t -> t.id().toString()))
                .toList();
    }

    private void assertLists(String filter, Predicate<Thing> matching) {
        assertThat(ids(api.get(GROUPS + "?$filter=" + encoded(filter)))).as(filter)
                .isEqualTo(gadgets(matching).stream().map(t -> t.id().toString()).toList());
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().path("value").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static List<String> names(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> names = new ArrayList<>();
        reply.json().path("value").forEach(item -> names.add(item.path("displayName").asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode item) {
        return StreamSupport.stream(((Iterable<String>) item::fieldNames).spliterator(), false).toList();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
