package dev.devicescripts.adapter.http;

import static dev.devicescripts.adapter.http.GraphApi.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
    void topTwoOverFiveScriptsAnswersTwoTwoAndOneFollowingTheNextLinks() {
        createScripts(5);

        JsonNode first = api.get(SCRIPTS + "?$top=2&api-version=ignored").json();
        JsonNode second = follow(first.get("@odata.nextLink").asText());
        JsonNode third = follow(second.get("@odata.nextLink").asText());

        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(created.subList(2, 4));
        assertThat(ids(third)).containsExactlyElementsOf(created.subList(4, 5));
        assertThat(third.has("@odata.nextLink")).isFalse();
        assertThat(first.get("@odata.nextLink").asText())
                .isEqualTo(api.url(SCRIPTS + "?$top=2&api-version=ignored&$skip=2"));
        assertThat(second.get("@odata.nextLink").asText())
                .isEqualTo(api.url(SCRIPTS + "?$top=2&api-version=ignored&$skip=4"));
    }

    @Test
    void withoutTopAPageHoldsThePageSizeAndLinksToTheRest() {
        createScripts(5);

        JsonNode first = api.get(SCRIPTS).json();

        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, PAGE_SIZE));
        assertThat(first.get("@odata.nextLink").asText()).isEqualTo(api.url(SCRIPTS + "?$skip=3"));
        assertThat(ids(follow(first.get("@odata.nextLink").asText()))).containsExactlyElementsOf(created.subList(3, 5));
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

    private void createScripts(int count) {
        for (int i = 0; i < count; i++) {
            created.add(api.createScript("Script " + i));
        }
    }

    private JsonNode follow(String nextLink) {
        assertThat(nextLink).startsWith(api.url("/"));
        Reply page = api.get(nextLink.substring(api.url("").length()));
        assertThat(page.status()).isEqualTo(200);
        return page.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("value").forEach(script -> ids.add(script.get("id").asText()));
        return ids;
    }
}
