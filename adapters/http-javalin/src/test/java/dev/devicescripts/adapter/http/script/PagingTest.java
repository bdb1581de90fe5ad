package dev.devicescripts.adapter.http.script;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagingTest {
    private static final int PAGE_SIZE = 3;

    private final GraphApi api = GraphApi.startWithPageSize(PAGE_SIZE);
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void givenSevenScriptsWhenAClientFollowsNextLinksWithTopTwoThenItSeesEveryScriptOnceInOrder() {
        createScripts(7);

        List<JsonNode> pages = allPages(SCRIPTS + "?$top=2");

        assertThat(pages).hasSize(4);
        assertThat(pages.subList(0, 3)).allSatisfy(page -> assertThat(ids(page)).hasSize(2));
        assertThat(pages.stream().flatMap(page -> ids(page).stream()).toList()).containsExactlyElementsOf(created);
        assertThat(pages.get(3).has("@odata.nextLink")).isFalse();
    }

    @Test
    void aNextLinkIsAbsoluteRepeatsTheQueryButNotSkipAndCarriesASkipToken() {
        createScripts(5);

        String nextLink = api.get(SCRIPTS + "?$filter=startswith(displayName,'Script')&$orderby=displayName desc"
                .replace(" ", "%20") + "&$select=displayName&$expand=assignments&$top=2&$count=true&$skip=1"
                + "&api-version=ignored").json().get("@odata.nextLink").asText();

        assertThat(nextLink).startsWith(api.url(SCRIPTS + "?"));
        String query = URLDecoder.decode(nextLink.substring(nextLink.indexOf('?') + 1), StandardCharsets.UTF_8);
        assertThat(query).startsWith("$filter=startswith(displayName,'Script')&$orderby=displayName desc"
                + "&$select=displayName&$expand=assignments&$top=2&$count=true&$skiptoken=");
        assertThat(query).doesNotContain("$skip=", "api-version");
    }

    @Test
    void givenCreatesAndDeletesBetweenPagesWhenFollowingNextLinksThenEveryScriptThatStayedIsListedOnce() {
        createScripts(7);
        List<String> listed = new ArrayList<>();

        JsonNode page = api.get(SCRIPTS + "?$top=2").json();
        listed.addAll(ids(page));
        String deletedAhead = created.get(4);
        assertThat(api.delete(SCRIPTS + "/" + deletedAhead).status()).isEqualTo(204);
        assertThat(api.delete(SCRIPTS + "/" + created.get(0)).status()).isEqualTo(204);
        String createdMeanwhile = api.createScript("Created meanwhile");
        page = follow(page.get("@odata.nextLink").asText());
        listed.addAll(ids(page));
        while (page.has("@odata.nextLink")) {
            page = follow(page.get("@odata.nextLink").asText());
            listed.addAll(ids(page));
        }

        List<String> expected = new ArrayList<>(created);
        expected.remove(deletedAhead);
        expected.add(createdMeanwhile);
        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    void pagingFollowsTheOrderAndFilterOfTheFirstRequest() {
        createScripts(7);

        List<JsonNode> pages = allPages(SCRIPTS + "?$orderby=displayName%20desc&$top=2"
                + "&$filter=displayName%20ne%20'Script%203'");

        assertThat(pages.stream().flatMap(page -> ids(page).stream()).toList())
                .containsExactly(created.get(6), created.get(5), created.get(4), created.get(2), created.get(1),
                        created.get(0));
    }

    @Test
    void withoutTopAPageHoldsThePageSizeAndLinksToTheRest() {
        createScripts(5);

        List<JsonNode> pages = allPages(SCRIPTS);

        assertThat(ids(pages.get(0))).containsExactlyElementsOf(created.subList(0, PAGE_SIZE));
        assertThat(ids(pages.get(1))).containsExactlyElementsOf(created.subList(PAGE_SIZE, 5));
        assertThat(pages).hasSize(2);
    }

    @Test
    void topAboveThePageSizeIsCappedAtIt() {
        createScripts(5);

        assertThat(ids(api.get(SCRIPTS + "?$top=10").json())).hasSize(PAGE_SIZE);
    }

    @Test
    void skipStartsThePageLaterAndPastTheEndAnswersAnEmptyLastPage() {
        createScripts(5);

        JsonNode last = api.get(SCRIPTS + "?$skip=4").json();
        JsonNode beyond = api.get(SCRIPTS + "?$skip=9").json();

        assertThat(ids(last)).containsExactly(created.get(4));
        assertThat(last.has("@odata.nextLink")).isFalse();
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.has("@odata.nextLink")).isFalse();
    }

    @Test
    void skipAndTopTogetherPageFromTheSkippedPositionOn() {
        createScripts(7);

        List<JsonNode> pages = allPages(SCRIPTS + "?$skip=2&$top=2");

        assertThat(pages.stream().flatMap(page -> ids(page).stream()).toList())
                .containsExactlyElementsOf(created.subList(2, 7));
    }

    @Test
    void aSkipTokenUsedWithAnotherOrderByIsABadRequestNamingIt() {
        createScripts(3);
        String token = skipToken(api.get(SCRIPTS + "?$top=1").json());

        Reply reply = api.get(SCRIPTS + "?$top=1&$orderby=displayName&$skiptoken=" + token);

        assertGraphError(reply, 400, "BadRequest", "'$skiptoken'", "createdDateTime asc", "displayName asc");
    }

    @Test
    void aTamperedOrMadeUpSkipTokenIsABadRequestNamingIt() {
        createScripts(3);
        String token = skipToken(api.get(SCRIPTS + "?$top=1").json());
        String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String retyped = Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.replace("dateTimeOffset", "boolean").getBytes(StandardCharsets.UTF_8));

        for (String tampered : List.of(retyped, token.substring(0, token.length() - 5), "garbage!",
                Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)))) {
            assertGraphError(api.get(SCRIPTS + "?$top=1&$skiptoken=" + tampered), 400, "BadRequest",
                    "'$skiptoken'");
        }
    }

    @Test
    void givenLargeSetsWhenAListExpandsThemThenPagesEndEarlyAtTheEntryLimitAndTogetherListEveryScriptWhole() {
        try (GraphApi large = GraphApi.startWithPageSize(100)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(large.createScript("Script " + i));
            }
            int targets = ExpandedPage.MAX_EXPANDED_ENTRIES / 2 - 300; // expanded twice, two of them exceed the limit
            for (int big : List.of(0, 2, 3)) {
                assertThat(large.post(SCRIPTS + "/" + ids.get(big) + "/assign", groupAssignments(targets)).status())
                        .isEqualTo(204);
            }

            List<List<String>> pageIds = new ArrayList<>();
            List<Integer> expanded = new ArrayList<>();
            JsonNode page = large.get(SCRIPTS + "?$expand=assignments,groupAssignments").json();
            while (true) {
                pageIds.add(ids(page));
                page.get("value").forEach(script -> expanded.add(script.get("groupAssignments").size()));
                if (!page.has("@odata.nextLink")) {
                    break;
                }
                String next = page.get("@odata.nextLink").asText();
                page = large.get(next.substring(large.url("").length())).json();
            }

            assertThat(pageIds).containsExactly(ids.subList(0, 2), ids.subList(2, 3), ids.subList(3, 5));
            assertThat(expanded).containsExactly(targets, 0, targets, targets, 0);
        }
    }

    private static String groupAssignments(int count) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add("{\"targetGroupId\":\"" + String.format("aaaaaaaa-0000-4000-8000-%012d", i) + "\"}");
        }
        return "{\"deviceManagementScriptGroupAssignments\":[" + String.join(",", groups) + "]}";
    }

    private void createScripts(int count) {
        for (int i = 0; i < count; i++) {
            created.add(api.createScript("Script " + i));
        }
    }

    /** The first page and every page its next links lead to. */
    private List<JsonNode> allPages(String firstPage) {
        List<JsonNode> pages = new ArrayList<>();
        Reply first = api.get(firstPage);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        pages.add(first.json());
        while (pages.get(pages.size() - 1).has("@odata.nextLink")) {
            pages.add(follow(pages.get(pages.size() - 1).get("@odata.nextLink").asText()));
        }
        return pages;
    }

    private JsonNode follow(String nextLink) {
        assertThat(nextLink).startsWith(api.url("/"));
        Reply page = api.get(nextLink.substring(api.url("").length()));
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json();
    }

    private static String skipToken(JsonNode page) {
        String nextLink = page.get("@odata.nextLink").asText();
        return nextLink.substring(nextLink.indexOf("$skiptoken=") + "$skiptoken=".length());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("value").forEach(script -> ids.add(script.get("id").asText()));
        return ids;
    }
}
