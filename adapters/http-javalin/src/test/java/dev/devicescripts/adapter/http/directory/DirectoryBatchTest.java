package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.GROUPS;
import static dev.devicescripts.adapter.http.directory.Directory.MISSING;
import static dev.devicescripts.adapter.http.directory.Directory.addMember;
import static dev.devicescripts.adapter.http.directory.Directory.reference;
import static dev.devicescripts.adapter.http.directory.Directory.securityGroup;
import static dev.devicescripts.adapter.http.directory.Directory.user;
import static dev.devicescripts.adapter.http.support.Batches.BATCH;
import static dev.devicescripts.adapter.http.support.Batches.batch;
import static dev.devicescripts.adapter.http.support.Batches.request;
import static dev.devicescripts.adapter.http.support.Batches.responsesById;
import static dev.devicescripts.adapter.http.support.GraphErrorAssertions.assertInnerError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A {@code $batch} reaches the directory's routes as a request alone does, its refusals in the directory's codes. */
class DirectoryBatchTest {
    private final GraphApi server = GraphApi.start();
    private final GraphApi api = server.as(GraphApi.DIRECTORY_ADMIN_TOKEN);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBatchCreatesAGroupAddsAMemberAndReadsItAndIsRefusedAsTheDirectoryRefuses() {
        String pilot = securityGroup(api, "Pilot");
        String ada = user(api, "ada@contoso.test");

        Map<String, JsonNode> responses = responsesById(api.post(BATCH, batch(
                request("create", "POST", "/groups", "{\"displayName\":\"Ring 1\",\"mailEnabled\":false,"
                        + "\"mailNickname\":\"ring1\",\"securityEnabled\":true}", "Content-Type", "application/json"),
                request("add", "POST", "/groups/" + pilot + "/members/$ref", reference(ada),
                        "Content-Type", "application/json"),
                request("get", "GET", "/users/ada@contoso.test", null),
                request("missing", "GET", "/groups/" + MISSING, null))));

        assertThat(responses.get("create").get("status").asInt()).isEqualTo(201);
        assertThat(responses.get("create").get("body").get("displayName").asText()).isEqualTo("Ring 1");
        assertThat(responses.get("add").get("status").asInt()).isEqualTo(204);
        assertThat(responses.get("get").get("body").get("id").asText()).isEqualTo(ada);
        assertInnerError(responses.get("missing"), 404, "Request_ResourceNotFound", MISSING);
        assertThat(addMember(api, pilot, ada).status()).as("added by the batch").isEqualTo(400);
    }
}
