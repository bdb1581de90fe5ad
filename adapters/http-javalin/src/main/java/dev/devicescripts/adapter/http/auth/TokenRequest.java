package dev.devicescripts.adapter.http.auth;

import dev.devicescripts.domain.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A token for {@link LocalSigningKey#mint} to sign: delegated (the scopes, in scp) when scopes are given, otherwise
 * an application token (the roles, in roles).
 *
 * @param clientAppId the app the token is issued to, written to appid
 * @param rules       where the token's aud (the first audience) and iss come from
 */
public record TokenRequest(TenantId tenant, List<String> scopes, List<String> roles, String clientAppId,
                           Duration expiresIn, TokenRules rules) {
    public TokenRequest {
        Objects.requireNonNull(tenant, "tenant");
        scopes = List.copyOf(scopes);
        roles = List.copyOf(roles);
        if (clientAppId == null || clientAppId.isBlank()) {
            throw new IllegalArgumentException("clientAppId: name the app the token is issued to.");
        }
        if (expiresIn.isZero() || expiresIn.isNegative()) {
            throw new IllegalArgumentException("expiresIn must be positive.");
        }
        Objects.requireNonNull(rules, "rules");
    }
}
