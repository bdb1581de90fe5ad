package dev.devicescripts.bootstrap;

import dev.devicescripts.adapter.http.auth.LocalSigningKey;
import dev.devicescripts.adapter.http.auth.TokenRequest;
import dev.devicescripts.adapter.http.auth.TokenRules;
import dev.devicescripts.domain.Guids;
import dev.devicescripts.domain.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar devicescripts.jar token --tenant GUID ...}: mints a token that a server on the same data folder
 * trusts, signed with the local key the server keeps there, so a newcomer needs no identity provider.
 */
final class TokenCommand {
    static final String NAME = "token";
    /** What a token is good for unless --scopes or --roles say otherwise: everything devicescripts serves. */
    static final String DEFAULT_SCOPE = "DeviceManagementScripts.ReadWrite.All";
    /** The client app id written into tokens (appid), for the access log; any GUID will do. */
    static final String DEFAULT_APP_ID = "d3e1c5a0-5c1f-4b8e-9f3a-7d2b6c4e8a10";
    private static final int MAX_LIFETIME_SECONDS = 30 * 24 * 3600;

    private TokenCommand() {
    }

    /** The signed token for the options given after {@code token}. */
    static String mint(List<String> args, Map<String, String> environment) throws UsageException {
        CommandLine line = CommandLine.parse(args,
                Set.of("--tenant", "--scopes", "--roles", "--expires-in", "--app-id", "--data-dir"),
                Map.of("--expires-in", "3600",
                        "--app-id", DEFAULT_APP_ID,
                        "--data-dir", ServerOption.DATA_DIR.fromEnvironment(environment)
                                .or(ServerOption.DATA_DIR::defaultValue).orElseThrow()));
        TenantId tenant = TenantId.of(guid(line, "--tenant"));
        List<String> scopes = line.list("--scopes");
        List<String> roles = line.list("--roles");
        if (!scopes.isEmpty() && !roles.isEmpty()) {
            throw new UsageException("give --scopes (a user's delegated token) or --roles (an application's token), "
                    + "not both.");
        }
        if (scopes.isEmpty() && roles.isEmpty()) {
            scopes = List.of(DEFAULT_SCOPE);
        }
        Duration lifetime = Duration.ofSeconds(line.integer("--expires-in", 1, MAX_LIFETIME_SECONDS));
        LocalSigningKey key = LocalSigningKey.loadOrCreate(DataFolder.prepare(Path.of(line.required("--data-dir"))));
        return key.mint(new TokenRequest(tenant, scopes, roles, guid(line, "--app-id"), lifetime,
                TokenRules.local()));
    }

    private static String guid(CommandLine line, String flag) throws UsageException {
        String value = line.required(flag);
        if (!Guids.isGuid(value)) {
            throw new UsageException(flag + " must be a GUID such as 00000000-0000-0000-0000-000000000000, not '"
                    + value + "'.");
        }
        return value;
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "Token options (java -jar devicescripts.jar token ...): prints a bearer token that a server on the",
                "same data folder trusts, signed with its local key.",
                "  --tenant GUID                            the tenant (tid) the token acts in; required",
                "  --scopes \"A B\"                           a user's delegated token with these permissions (scp);",
                "                                           default " + DEFAULT_SCOPE,
                "  --roles \"A B\"                            an application's token with these permissions (roles)",
                "  --expires-in SECONDS                     lifetime (default 3600)",
                "  --app-id GUID                            client app id (appid) for the access log",
                "  --data-dir DIR                           the server's data folder (default ./data; env "
                        + ServerOption.DATA_DIR.environmentVariable() + ")",
                "");
    }
}
