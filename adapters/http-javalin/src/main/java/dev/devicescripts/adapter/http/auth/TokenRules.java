package dev.devicescripts.adapter.http.auth;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a token's claims must say to be accepted.
 *
 * @param issuer    the iss a token must carry, {@code null} to accept any issuer; {@value #TENANT_PLACEHOLDER} in it
 *                  stands for the token's own tid, as in Azure AD's multi-tenant issuer
 *                  {@code https://login.microsoftonline.com/{tenantid}/v2.0}
 * @param audiences the audiences a token's aud must name one of, kept in the order given: locally minted tokens
 *                  carry the first
 * @param clockSkew how far the clocks of this server and of the token issuer may disagree when exp and nbf are
 *                  checked
 */
public record TokenRules(String issuer, Set<String> audiences, Duration clockSkew) {
    public static final String TENANT_PLACEHOLDER = "{tenantid}";

    public TokenRules {
        audiences = Collections.unmodifiableSet(new LinkedHashSet<>(audiences));
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("audiences: name at least one audience that tokens must be issued for.");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative.");
        }
    }

    /**
     * The rules of tokens minted by {@link LocalSigningKey}: the issuer of this server, and the two audiences real
     * Microsoft Graph tokens carry, Graph's resource URI and Graph's app id.
     */
    public static TokenRules local() {
        return new TokenRules("https://devicescripts.local/" + TENANT_PLACEHOLDER + "/",
                new LinkedHashSet<>(List.of("https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000")),
                Duration.ofSeconds(60));
    }

    /** The issuer a token of this tenant must carry; {@code null} when any issuer is accepted. */
    public String issuerFor(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return issuer == null ? null : issuer.replace(TENANT_PLACEHOLDER, tenantId);
    }
}
