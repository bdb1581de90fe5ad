package dev.devicescripts.domain;

import java.util.Objects;
import java.util.UUID;

/** The Azure AD tenant that owns a script; every script lives in exactly one. */
public record TenantId(UUID value) {
    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId of(String guid) {
        return new TenantId(Guids.parse(guid, "tenantId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
