package dev.devicescripts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
    private static final String TENANT = "6a2d0b47-7e0d-4a5b-9c1e-1f2e3d4c5b6a";

    @TempDir
    Path dataDirectory;

    @Test
    void withoutScopesOrRolesTheTokenIsADelegatedOneThatMayReadAndWriteScripts() throws Exception {
        JsonNode claims = claims(mint("--tenant", TENANT));

        assertThat(claims.get("tid").asText()).isEqualTo(TENANT);
        assertThat(claims.get("scp").asText()).isEqualTo("DeviceManagementScripts.ReadWrite.All");
        assertThat(claims.has("roles")).isFalse();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void rolesMakeAnApplicationTokenAndExpiresInSetsItsLifetime() throws Exception {
        JsonNode claims = claims(mint("--tenant", TENANT, "--roles",
                "DeviceManagementConfiguration.Read.All DeviceManagementScripts.Read.All", "--expires-in", "60"));

        assertThat(claims.get("roles")).extracting(JsonNode::asText)
                .containsExactly("DeviceManagementConfiguration.Read.All", "DeviceManagementScripts.Read.All");
        assertThat(claims.has("scp")).isFalse();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(60);
    }

    @Test
    void scopesAndRolesTogetherAreRefused() {
        assertThatThrownBy(() -> mint("--tenant", TENANT, "--scopes", "A", "--roles", "B"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void theTenantIsRequiredAndMustBeAGuid() {
        assertThatThrownBy(() -> mint()).hasMessage("--tenant is required.");
        assertThatThrownBy(() -> mint("--tenant", "contoso.onmicrosoft.com"))
                .hasMessageStartingWith("--tenant must be a GUID");
    }

    @Test
    void theDataFolderComesFromTheServersEnvironmentVariableToo() throws Exception {
        String token = TokenCommand.mint(List.of("--tenant", TENANT),
                Map.of("DEVICESCRIPTS_DATA_DIR", dataDirectory.toString()));

        assertThat(claims(token).get("tid").asText()).isEqualTo(TENANT);
        assertThat(dataDirectory).isNotEmptyDirectory();
    }

    private String mint(String... options) throws UsageException {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--data-dir", dataDirectory.toString()));
        return TokenCommand.mint(args, Map.of());
    }

    private static JsonNode claims(String token) throws Exception {
        String payload = token.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
