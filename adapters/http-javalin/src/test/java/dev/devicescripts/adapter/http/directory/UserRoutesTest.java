package dev.devicescripts.adapter.http.directory;

import static dev.devicescripts.adapter.http.directory.Directory.MISSING;
import static dev.devicescripts.adapter.http.directory.Directory.USERS;
import static dev.devicescripts.adapter.http.directory.Directory.assertNotFound;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefused;
import static dev.devicescripts.adapter.http.directory.Directory.assertRefusedNaming;
import static dev.devicescripts.adapter.http.directory.Directory.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devicescripts.adapter.http.support.GraphApi;
import dev.devicescripts.adapter.http.support.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /users} and one user by id or userPrincipalName (spec 1.2). */
class UserRoutesTest {
    private static final String ADA = "{\"accountEnabled\":true,\"displayName\":\"Ada Lovelace\","
            + "\"mailNickname\":\"ada\",\"userPrincipalName\":\"ada@contoso.test\","
            + "\"passwordProfile\":{\"forceChangePasswordNextSignIn\":true,\"password\":\"xWwvJ]6NMw+bWH-d\"}}";

    private final GraphApi server = GraphApi.start();
    private final GraphApi api = server.as(GraphApi.DIRECTORY_ADMIN_TOKEN);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCreatedUserIsAnswered201WithoutItsPasswordAndReadsBackByIdAndByPrincipalName() {
        Reply created = api.post(USERS, ADA);

        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        String id = user.get("id").asText();
        assertThat(created.header("Location")).isEqualTo(api.url(USERS + "/" + id));
        assertThat(user.get("@odata.context").asText())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#users/$entity");
        assertThat(user.get("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(user.get("userPrincipalName").asText()).isEqualTo("ada@contoso.test");
        assertThat(user.get("accountEnabled").asBoolean()).isTrue();
        assertThat(user.get("mailNickname").asText()).isEqualTo("ada");
        assertThat(user.get("assignedLicenses")).isEmpty();
        assertThat(user.has("passwordProfile")).isFalse();
        assertThat(created.body()).doesNotContain("xWwvJ");
        assertThat(api.get(USERS + "/" + id).json()).isEqualTo(user);
        assertThat(api.get(USERS + "/ada@contoso.test").json()).isEqualTo(user);
        assertThat(api.get(USERS + "/ADA%40contoso.test").json()).isEqualTo(user);
        assertThat(api.get(USERS + "('ada@contoso.test')").json()).isEqualTo(user);
    }

    @ParameterizedTest
    @ValueSource(strings = {"accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile"})
    void aUserWithoutARequiredPropertyIsRefusedNamingIt(String missing) {
        String without = ADA.replaceAll("\"" + missing + "\":(\\{[^}]*\\}|[^,}]+),?", "").replace(",}", "}");

        assertRefused(api.post(USERS, without), 400,
                "A value is required for property '" + missing + "' of resource 'User'.");
    }

    @Test
    void aPasswordProfileWithoutPasswordIsRefused() {
        assertRefused(api.post(USERS, ADA.replace("\"password\":\"xWwvJ]6NMw+bWH-d\"", "\"password\":null")), 400,
                "A value is required for property 'passwordProfile' of resource 'User'.");
    }

    @Test
    void aUserPrincipalNameIsUniqueInTheTenantIgnoringCase() {
        user(api, "ada@contoso.test");

        assertRefused(api.post(USERS, ADA.replace("ada@contoso.test", "ADA@Contoso.test")), 400,
                "Another object with the same value for property userPrincipalName already exists.");
    }

    @Test
    void aUserPrincipalNameWithoutOneAtIsRefused() {
        assertRefused(api.post(USERS, ADA.replace("ada@contoso.test", "ada")), 400,
                "Invalid value specified for property 'userPrincipalName' of resource 'User'.");
    }

    @Test
    void licensesAndUnknownPropertiesAreRefusedNamingThem() {
        assertRefusedNaming(api.post(USERS, ADA.replace("{\"accountEnabled\"",
                "{\"assignedLicenses\":[],\"accountEnabled\"")), 400, "assignedLicenses");
        assertRefusedNaming(api.post(USERS, ADA.replace("{\"accountEnabled\"",
                "{\"jobTitle\":\"Countess\",\"accountEnabled\"")), 400, "jobTitle");
    }

    @Test
    void aPatchByIdOrPrincipalNameChangesTheUserAndAnswers204() {
        String id = user(api, "ada@contoso.test");

        assertThat(api.patch(USERS + "/" + id, "{\"displayName\":\"Ada King\",\"accountEnabled\":false,"
                + "\"passwordProfile\":{\"password\":\"n3w-P4ss!\"}}").status()).isEqualTo(204);
        assertThat(api.patch(USERS + "/ada@contoso.test", "{\"userPrincipalName\":\"ada.king@contoso.test\"}")
                .status()).isEqualTo(204);

        JsonNode user = api.get(USERS + "/" + id).json();
        assertThat(user.get("displayName").asText()).isEqualTo("Ada King");
        assertThat(user.get("accountEnabled").asBoolean()).isFalse();
        assertThat(user.get("userPrincipalName").asText()).isEqualTo("ada.king@contoso.test");
        assertNotFound(api.get(USERS + "/ada@contoso.test"), "ada@contoso.test");
    }

    @Test
    void aPatchCannotTakeAnotherUsersPrincipalName() {
        user(api, "ada@contoso.test");
        String grace = user(api, "grace@contoso.test");

        assertRefused(api.patch(USERS + "/" + grace, "{\"userPrincipalName\":\"Ada@contoso.test\"}"), 400,
                "Another object with the same value for property userPrincipalName already exists.");
        assertThat(api.patch(USERS + "/" + grace, "{\"userPrincipalName\":\"GRACE@contoso.test\"}").status())
                .as("its own, in other case").isEqualTo(204);
    }

    @Test
    void aDeletedUserIsGoneByIdAndByPrincipalName() {
        String id = user(api, "ada@contoso.test");

        assertThat(api.delete(USERS + "/" + id).status()).isEqualTo(204);

        assertNotFound(api.get(USERS + "/" + id), id);
        assertNotFound(api.get(USERS + "/ada@contoso.test"), "ada@contoso.test");
        assertNotFound(api.delete(USERS + "/ada@contoso.test"), "ada@contoso.test");
    }

    @Test
    void anUnknownUserIsNotFoundAndAKeyThatIsNeitherIdNorPrincipalNameRefused() {
        assertNotFound(api.get(USERS + "/" + MISSING), MISSING);
        assertNotFound(api.patch(USERS + "/" + MISSING, "{}"), MISSING);
        assertRefused(api.get(USERS + "/ada"), 400, "Invalid object identifier 'ada'.");
    }
}
