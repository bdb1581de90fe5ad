package dev.devicescripts.adapter.http.support;

import dev.devicescripts.domain.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The sample tenant of docs/samples/contoso.json, which the README walk-through seeds, and its facts tests use. */
public final class SampleTenant {
    public static final Path FILE = Path.of("../../docs/samples/contoso.json");
    public static final TenantId TENANT = TenantId.of("8c2a5a9e-3d4f-4b6a-9c1e-2f7d8e9a0b1c");
    /** Users, groups, Entra devices and managed devices the document lists. */
    public static final int OBJECTS = 20 + 11 + 15 + 26;
    /** The managed devices that leave azureADDeviceId out, each of which gets an Entra device. */
    public static final int REGISTERED_BY_THE_SEED = 10;
    public static final int MANAGED_DEVICES = 26;
    /** Ada Lovelace, the primary user of LAB-001 and BYOD-021. */
    public static final String ADA = "88f862ed-d5c5-5a15-b8a0-271eecc4ad3a";
    public static final String ADA_UPN = "ada.lovelace@contoso.test";
    /** LAB-001: hybrid joined, its Entra device in the document, Ada's. */
    public static final String LAB_001 = "c70cf7d3-02c6-5104-a7f8-7d15666c5679";
    /** WS-013: a kiosk, without a primary user. */
    public static final String KIOSK = "e09b491d-65e6-51d2-adc1-ae2ae8ced298";
    /** BYOD-025: enrolled but never registered in Entra ("azureADDeviceId": null). */
    public static final String UNREGISTERED = "db1bea0a-ce49-5809-b805-5a0188a46eec";
    /** WS-015: its seed leaves azureADDeviceId out, so the seed registers it. */
    public static final String REGISTERED_ON_SEED = "a302ce7c-b431-5479-97a1-0476dfc7ceca";

    private SampleTenant() {
    }

    public static String document() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token of the sample tenant with these delegated permissions. */
    public static String token(String... scopes) {
        return GraphApi.token(TENANT, List.of(scopes), List.of());
    }
}
