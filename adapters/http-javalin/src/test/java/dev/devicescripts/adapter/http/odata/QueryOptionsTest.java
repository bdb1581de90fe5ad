package dev.devicescripts.adapter.http.odata;

import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS;
import static dev.devicescripts.adapter.http.support.GraphApi.SCRIPTS_CONTEXT;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.GraphUseCases;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import dev.devicescripts.application.Caller;
import dev.devicescripts.application.port.in.GetScriptAssignmentsUseCase;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ScriptAssignment;
import dev.devicescripts.domain.ScriptGroupAssignment;
import dev.devicescripts.domain.ScriptId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** $orderby, $count, $select and $expand on the scripts collection and on one script. */
class QueryOptionsTest {
    private static final String GROUP = "aaaaaaaa-0000-4000-8000-000000000001";

    private final AtomicInteger assignmentSetReads = new AtomicInteger();
    private final GraphApi api = GraphApi.startWith(useCases -> new GraphUseCases(useCases.create(), useCases.get(),
            useCases.list(), useCases.update(), useCases.delete(), useCases.assign(),
            countingSetReads(useCases.assignments()), useCases.health()));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void orderByTakesSeveralKeysEachAscendingOrDescending() {
        create("Alpha", "system", "\"First\"");
        create("beta", "user", "null");
        create("Gamma", "user", "\"Third\"");
        create("delta", "system", "\"fourth\"");

        assertThat(names("?$orderby=runAsAccount%20desc,displayName")).containsExactly("beta", "Gamma", "Alpha",
                "delta");
        assertThat(names("?$orderby=runAsAccount,displayName%20DESC")).containsExactly("delta", "Alpha", "Gamma",
                "beta");
        assertThat(names("?orderBy=DisplayName%20asc")).containsExactly("Alpha", "beta", "delta", "Gamma");
    }

    @Test
    void ascendingOrderPutsNullFirstAndDescendingLast() {
        create("Alpha", "system", "\"First\"");
        create("beta", "user", "null");
        create("Gamma", "user", "\"Third\"");

        assertThat(names("?$orderby=description")).containsExactly("beta", "Alpha", "Gamma");
        assertThat(names("?$orderby=description%20desc")).containsExactly("Gamma", "Alpha", "beta");
    }

    @Test
    void countTrueWritesTheFilteredCountBeforeTheValueOfEveryPage() {
        create("Alpha", "system", "null");
        create("beta", "user", "null");
        create("Gamma", "user", "null");

        JsonNode page = api.get(SCRIPTS + "?$count=true&$top=1&$filter=runAsAccount%20eq%20'user'").json();

        assertThat(page.get("@odata.count").asLong()).isEqualTo(2);
        assertThat(fieldNames(page)).containsExactly("@odata.context", "@odata.count", "@odata.nextLink", "value");
        assertThat(page.get("value")).hasSize(1);
        assertThat(api.get(SCRIPTS + "?$count=false").json().has("@odata.count")).isFalse();
    }

    @Test
    void selectOnAListWritesOnlyTheSelectedPropertiesAndIdWithScriptContentStillNull() {
        String id = create("Alpha", "system", "null");

        JsonNode page = api.get(SCRIPTS + "?$select=ScriptContent,displayName").json();

        assertThat(page.get("@odata.context").asText()).isEqualTo(SCRIPTS_CONTEXT + "(scriptContent,displayName)");
        JsonNode script = page.get("value").get(0);
        assertThat(fieldNames(script)).containsExactly("id", "displayName", "scriptContent");
        assertThat(script.get("id").asText()).isEqualTo(id);
        assertThat(script.get("scriptContent").isNull()).isTrue();
    }

    @Test
    void selectOnOneScriptWritesOnlyTheSelectedPropertiesAndId() {
        String id = create("Alpha", "system", "null");

        JsonNode script = api.get(SCRIPTS + "/" + id + "?select=scriptContent,runAs32Bit").json();

        assertThat(script.get("@odata.context").asText())
                .isEqualTo(SCRIPTS_CONTEXT + "(scriptContent,runAs32Bit)/$entity");
        assertThat(fieldNames(script)).containsExactly("@odata.context", "id", "scriptContent", "runAs32Bit");
        assertThat(script.get("scriptContent").asText()).isEqualTo("V3JpdGUtSG9zdCBoaQ==");
    }

    @Test
    void expandOnAListWritesEachScriptsAssignmentsInlineReadingThemOncePerPage() {
        String assigned = create("Assigned", "system", "null");
        String unassigned = create("Unassigned", "system", "null");
        assertThat(api.post(SCRIPTS + "/" + assigned + "/assign", """
                {"deviceManagementScriptGroupAssignments":[{"targetGroupId":"%s"}]}""".formatted(GROUP)).status())
                .isEqualTo(204);

        JsonNode page = api.get(SCRIPTS + "?$expand=assignments,GroupAssignments&$select=displayName").json();

        assertThat(assignmentSetReads).hasValue(1);
        JsonNode first = page.get("value").get(0);
        assertThat(fieldNames(first)).containsExactly("id", "displayName", "assignments@odata.context", "assignments",
                "groupAssignments@odata.context", "groupAssignments");
        assertThat(first.get("assignments@odata.context").asText())
                .isEqualTo(SCRIPTS_CONTEXT + "('" + assigned + "')/assignments");
        assertThat(first.get("assignments").get(0).get("target").get("groupId").asText()).isEqualTo(GROUP);
        assertThat(first.get("groupAssignments@odata.context").asText())
                .isEqualTo(SCRIPTS_CONTEXT + "('" + assigned + "')/groupAssignments");
        assertThat(first.get("groupAssignments").get(0).get("targetGroupId").asText()).isEqualTo(GROUP);
        JsonNode second = page.get("value").get(1);
        assertThat(second.get("assignments@odata.context").asText())
                .isEqualTo(SCRIPTS_CONTEXT + "('" + unassigned + "')/assignments");
        assertThat(second.get("assignments")).isEmpty();
        assertThat(second.get("groupAssignments")).isEmpty();
    }

    @Test
    void expandOnOneScriptWritesItsAssignmentsInline() {
        String id = create("Assigned", "system", "null");
        api.post(SCRIPTS + "/" + id + "/assign", """
                {"deviceManagementScriptAssignments":[
                  {"target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget"}}]}""");

        JsonNode script = api.get(SCRIPTS + "('" + id + "')?$expand=assignments").json();

        assertThat(script.get("displayName").asText()).isEqualTo("Assigned");
        assertThat(script.get("assignments@odata.context").asText())
                .isEqualTo(SCRIPTS_CONTEXT + "('" + id + "')/assignments");
        assertThat(script.get("assignments").get(0).get("target").get("@odata.type").asText())
                .isEqualTo("#microsoft.graph.allDevicesAssignmentTarget");
        assertThat(script.has("groupAssignments")).isFalse();
    }

    @Test
    void unknownPropertiesInSelectExpandAndOrderByAreBadRequestsNamingThem() {
        String id = create("Alpha", "system", "null");

        assertGraphError(api.get(SCRIPTS + "?$select=displayName,colour"), 400, "BadRequest", "'$select'",
                "'colour'");
        assertGraphError(api.get(SCRIPTS + "/" + id + "?$select="), 400, "BadRequest", "'$select'");
        assertGraphError(api.get(SCRIPTS + "?$expand=owner"), 400, "BadRequest", "'$expand'", "'owner'",
                "assignments, groupAssignments");
        assertGraphError(api.get(SCRIPTS + "/" + id + "?$expand=assignments($select=id)"), 400, "BadRequest",
                "'$expand'", "'assignments($select=id)'");
        assertGraphError(api.get(SCRIPTS + "?$orderby=colour"), 400, "BadRequest", "'$orderby'", "'colour'");
        assertGraphError(api.get(SCRIPTS + "?$orderby=displayName%20sideways"), 400, "BadRequest", "'$orderby'",
                "asc or desc");
        assertGraphError(api.get(SCRIPTS + "?$orderby=displayName,DisplayName%20desc"), 400, "BadRequest",
                "'$orderby'", "more than once");
        assertGraphError(api.get(SCRIPTS + "?$orderby="), 400, "BadRequest", "'$orderby'");
    }

    private String create(String displayName, String runAsAccount, String description) {
        Reply created = api.post(SCRIPTS, """
                {"displayName":"%s","runAsAccount":"%s","description":%s,"scriptContent":"V3JpdGUtSG9zdCBoaQ=="}"""
                .formatted(displayName, runAsAccount, description));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private List<String> names(String query) {
        Reply reply = api.get(SCRIPTS + query);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> names = new ArrayList<>();
        reply.json().get("value").forEach(script -> names.add(script.get("displayName").asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The real use case, counting how often a request reads several assignment sets at once. */
    private GetScriptAssignmentsUseCase countingSetReads(GetScriptAssignmentsUseCase real) {
        return new GetScriptAssignmentsUseCase() {
            @Override
            public List<ScriptAssignment> assignments(Caller caller, ScriptId scriptId) {
                return real.assignments(caller, scriptId);
            }

            @Override
            public ScriptAssignment assignment(Caller caller, ScriptId scriptId, String assignmentId) {
                return real.assignment(caller, scriptId, assignmentId);
            }

            @Override
            public List<ScriptGroupAssignment> groupAssignments(Caller caller, ScriptId scriptId) {
                return real.groupAssignments(caller, scriptId);
            }

            @Override
            public ScriptGroupAssignment groupAssignment(Caller caller, ScriptId scriptId, String groupAssignmentId) {
                return real.groupAssignment(caller, scriptId, groupAssignmentId);
            }

            @Override
            public Map<ScriptId, AssignmentSet> assignmentSets(Caller caller, List<ScriptId> scriptIds) {
                assignmentSetReads.incrementAndGet();
                return real.assignmentSets(caller, scriptIds);
            }
        };
    }
}
